import { makeStyles, tokens } from '@fluentui/react-components';

/** Styles of `ManagementChain`: dots joined by a vertical line, one per level. */
export const useManagementChainStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, padding: 0, listStyleType: 'none' },
  item: {
    position: 'relative',
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    paddingBottom: tokens.spacingVerticalM,
    ':not(:last-child)::before': {
      content: '""',
      position: 'absolute',
      left: '5px',
      top: '14px',
      bottom: 0,
      width: tokens.strokeWidthThick,
      backgroundColor: tokens.colorNeutralStroke1,
    },
  },
  marker: {
    flexShrink: 0,
    width: '12px',
    height: '12px',
    marginTop: '3px',
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorBrandBackground,
  },
  text: { display: 'flex', flexDirection: 'column' },
  job: { color: tokens.colorNeutralForeground3 },
});
