import { makeStyles, tokens } from '@fluentui/react-components';

const narrow = '@media (max-width: 40rem)';

/** Styles of `TopNav`: one row on wide screens; brand above wrapped links on narrow ones. */
export const useTopNavStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXL,
    paddingInline: tokens.spacingHorizontalXL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    [narrow]: {
      columnGap: tokens.spacingHorizontalS,
      paddingInline: tokens.spacingHorizontalS,
      paddingTop: tokens.spacingVerticalS,
    },
  },
  brand: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    color: tokens.colorBrandForeground1,
    [narrow]: { flexBasis: '100%', paddingInline: tokens.spacingHorizontalS },
  },
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    [narrow]: { gap: 0 },
  },
  link: {
    display: 'block',
    minHeight: '24px',
    paddingBlock: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground2,
    textDecorationLine: 'none',
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    ':hover': { color: tokens.colorNeutralForeground1 },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
    [narrow]: { paddingInline: tokens.spacingHorizontalS, paddingBlock: tokens.spacingVerticalS },
  },
  current: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
  },
});
