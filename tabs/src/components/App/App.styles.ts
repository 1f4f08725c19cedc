import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the app shell: the themed background fills the frame. */
export const useAppStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground3,
  },
  main: {
    flexGrow: 1,
    padding: tokens.spacingHorizontalXL,
    boxSizing: 'border-box',
  },
});
