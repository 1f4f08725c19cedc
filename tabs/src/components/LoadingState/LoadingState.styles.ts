import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of `LoadingState`. */
export const useLoadingStateStyles = makeStyles({
  root: {
    display: 'flex',
    justifyContent: 'center',
    paddingBlock: tokens.spacingVerticalXXXL,
  },
});
