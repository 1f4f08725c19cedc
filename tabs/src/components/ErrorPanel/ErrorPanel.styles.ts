import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of `ErrorPanel`. */
export const useErrorPanelStyles = makeStyles({
  root: { paddingBlock: tokens.spacingVerticalL },
  bar: { alignItems: 'flex-start' },
  body: { margin: `${tokens.spacingVerticalXS} 0` },
  code: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});
