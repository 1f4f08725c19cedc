import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the manager report: a single column of cards, the headline figure large. */
export const useReportPageStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '64rem' },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground2,
  },
  actions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  toolbar: { flexWrap: 'wrap', gap: tokens.spacingHorizontalS, paddingInline: 0 },
  linkField: { marginBlockStart: tokens.spacingVerticalS, maxWidth: '40rem' },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  headline: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  headlineValue: {
    fontSize: tokens.fontSizeHero900,
    lineHeight: tokens.lineHeightHero900,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
  },
  secondary: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXL,
    color: tokens.colorNeutralForeground2,
  },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  listItem: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  note: { color: tokens.colorNeutralForeground3, margin: 0 },
  paragraph: { margin: 0 },
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '44rem' },
  skeletonRow: { display: 'grid', gridTemplateColumns: '12rem 1fr', gap: tokens.spacingHorizontalM },
});
