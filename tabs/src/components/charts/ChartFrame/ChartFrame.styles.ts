import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of `ChartFrame`: caption, drawing, legend, and the data table (visually hidden until shown). */
export const useChartFrameStyles = makeStyles({
  figure: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  caption: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  drawing: { maxWidth: '720px' },
  empty: {
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground2,
  },
  toggle: { alignSelf: 'flex-start' },
  table: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
      textAlign: 'start',
    },
    '& td': { fontVariantNumeric: 'tabular-nums' },
  },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    padding: 0,
    margin: '-1px',
    overflow: 'hidden',
    clip: 'rect(0, 0, 0, 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
  tableWrap: { overflowX: 'auto', maxWidth: '100%' },
});
