import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * Shared SVG styles of the charts. Marks are outlined with `colorTransparentStroke`, which is invisible in
 * the default and dark themes and becomes a solid outline in high contrast; a second series is always
 * hatched, so no chart tells series apart by colour alone.
 */
export const useChartStyles = makeStyles({
  svg: { display: 'block', width: '100%', height: 'auto', overflow: 'visible' },
  primary: {
    fill: tokens.colorBrandBackground,
    stroke: tokens.colorTransparentStroke,
    strokeWidth: '1px',
  },
  secondary: { stroke: tokens.colorNeutralForeground2, strokeWidth: '1px' },
  hatchLine: { stroke: tokens.colorNeutralForeground2, strokeWidth: '2px' },
  withheldLine: { stroke: tokens.colorNeutralStroke1, strokeWidth: '1px' },
  withheld: { stroke: tokens.colorNeutralStroke1, strokeWidth: '1px', strokeDasharray: '3 2' },
  track: {
    fill: tokens.colorNeutralBackground6,
    stroke: tokens.colorTransparentStroke,
    strokeWidth: '1px',
  },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: '1px' },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: '1px', strokeDasharray: '2 3' },
  marker: { stroke: tokens.colorNeutralForeground1, strokeWidth: '2px', fill: 'none' },
  markerFilled: { fill: tokens.colorNeutralForeground1 },
  dialTrack: { stroke: tokens.colorNeutralBackground6, strokeWidth: '18px', fill: 'none' },
  dialValue: { stroke: tokens.colorBrandBackground, strokeWidth: '18px', fill: 'none' },
  accent: { stroke: tokens.colorPaletteMarigoldBorderActive, strokeWidth: '3px', fill: 'none' },
  label: { fill: tokens.colorNeutralForeground2, fontSize: '12px', fontFamily: tokens.fontFamilyBase },
  value: {
    fill: tokens.colorNeutralForeground1,
    fontSize: '12px',
    fontFamily: tokens.fontFamilyBase,
    fontWeight: tokens.fontWeightSemibold,
  },
  big: {
    fill: tokens.colorNeutralForeground1,
    fontSize: '28px',
    fontFamily: tokens.fontFamilyBase,
    fontWeight: tokens.fontWeightBold,
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  legendItem: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});
