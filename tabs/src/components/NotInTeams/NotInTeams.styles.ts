import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of `NotInTeams`. */
export const useNotInTeamsStyles = makeStyles({
  root: {
    display: 'flex',
    justifyContent: 'center',
    padding: tokens.spacingHorizontalXXL,
  },
  card: { maxWidth: '40rem', padding: tokens.spacingHorizontalXL },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, lineHeight: tokens.lineHeightBase400 },
  reason: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});
