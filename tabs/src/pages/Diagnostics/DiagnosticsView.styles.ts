import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of the diagnostics page: header, meta line, tab list and panel. */
export const useDiagnosticsViewStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  meta: { color: tokens.colorNeutralForeground2 },
  tabs: { overflowX: 'auto' },
  panel: { minWidth: 0 },
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '720px' },
});
