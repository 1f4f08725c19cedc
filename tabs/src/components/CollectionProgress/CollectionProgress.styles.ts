import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the collection progress bar. */
export const useCollectionProgressStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground2,
  },
  /** The wait gets a line of its own under the steps and the time left. */
  waiting: { flexBasis: '100%' },
  phase: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
});
