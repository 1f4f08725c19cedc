import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the Home page: the profile card across the top, chain and activity side by side below. */
export const useHomePageStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '64rem' },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(20rem, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
});
