import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the directory picker. */
export const useDirectoryPickerStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { maxHeight: '18rem', overflowY: 'auto' },
  status: { color: tokens.colorNeutralForeground2, minHeight: tokens.lineHeightBase200 },
});
