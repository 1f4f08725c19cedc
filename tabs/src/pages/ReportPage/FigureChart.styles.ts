import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of `FigureChart`: token colours, so the default, dark and contrast themes all read well. */
export const useFigureChartStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  svg: { width: '100%', maxWidth: '44rem', height: 'auto', display: 'block' },
  track: { fill: tokens.colorNeutralBackground3, stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
  bar: { fill: tokens.colorBrandBackground },
  hiddenTrack: {
    fill: 'none',
    stroke: tokens.colorNeutralStroke1,
    strokeWidth: 1,
    strokeDasharray: '4 3',
  },
  label: { fill: tokens.colorNeutralForeground1, fontSize: '13px', fontFamily: tokens.fontFamilyBase },
  value: {
    fill: tokens.colorNeutralForeground1,
    fontSize: '13px',
    fontFamily: tokens.fontFamilyBase,
    fontWeight: tokens.fontWeightSemibold,
  },
  hiddenValue: { fill: tokens.colorNeutralForeground3, fontSize: '13px', fontFamily: tokens.fontFamilyBase },
  tableWrap: { overflowX: 'auto' },
});
