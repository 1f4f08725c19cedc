import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of `MeSummary`. */
export const useMeSummaryStyles = makeStyles({
  root: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'flex-start' },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  badges: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXS,
  },
});
