import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the configuration page. */
export const useConfigPageStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '40rem' },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});
