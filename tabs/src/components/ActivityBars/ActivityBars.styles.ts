import { makeStyles, tokens } from '@fluentui/react-components';

const bar = {
  height: '100%',
  minWidth: '2px',
  borderRadius: tokens.borderRadiusMedium,
} as const;

/** Styles of `ActivityBars`: a label column, a bar track and a value column. */
export const useActivityBarsStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: {
    display: 'grid',
    gridTemplateColumns: '7rem minmax(4rem, 1fr) 4rem',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  label: { color: tokens.colorNeutralForeground2 },
  track: {
    height: '16px',
    boxSizing: 'border-box',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground6,
    // Transparent except in high contrast, where the track would otherwise vanish against the page.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
  },
  barChannel: { ...bar, backgroundColor: tokens.colorBrandBackground },
  barChat: { ...bar, backgroundColor: tokens.colorPaletteBerryBorderActive },
  value: { fontWeight: tokens.fontWeightSemibold, textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  note: { color: tokens.colorNeutralForeground3 },
});
