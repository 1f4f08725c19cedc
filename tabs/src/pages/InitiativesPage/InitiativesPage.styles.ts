import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the Initiatives page. */
export const useInitiativesPageStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '48rem' },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});
