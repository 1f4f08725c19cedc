import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the channel tab's content page. */
export const useChannelPageStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingVerticalL,
    maxWidth: '72rem',
  },
  memberLinks: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXL },
});
