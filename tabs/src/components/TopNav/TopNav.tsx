import { mergeClasses } from '@fluentui/react-components';
import type { RoleName } from '@learnfit/core';
import { useMyRoles } from '../../api/me-context';
import { strings } from '../../messages/strings';
import { hrefFor, type Route } from '../../routing/hash-route';
import { useTopNavStyles } from './TopNav.styles';

interface NavItem {
  readonly route: Route;
  readonly label: string;
  /** Shown only to people holding one of these roles; everyone sees links without it. */
  readonly onlyFor?: readonly RoleName[];
}

const items: readonly NavItem[] = [
  { route: 'home', label: strings.nav.home },
  { route: 'initiatives', label: strings.nav.initiatives },
  { route: 'pulse', label: strings.nav.pulse },
  { route: 'profile', label: strings.nav.profile },
  { route: 'report', label: strings.nav.report, onlyFor: ['Manager'] },
  { route: 'admin', label: strings.nav.admin, onlyFor: ['Admin'] },
  { route: 'about', label: strings.nav.help },
];

/** The links a person with these roles sees; role-bound links wait until the roles are known. */
export function visibleNavItems(roles: readonly RoleName[] | null): readonly NavItem[] {
  return items.filter(
    (item) => !item.onlyFor || (roles !== null && item.onlyFor.some((role) => roles.includes(role))),
  );
}

/**
 * The tab's page links; the current page is marked for assistive technology and visually. Links wrap
 * onto further lines on a narrow screen rather than hide behind a menu, so each stays one tap away.
 */
export function TopNav({ current }: { current: Route | null }) {
  const styles = useTopNavStyles();
  const roles = useMyRoles();
  return (
    <nav className={styles.root} aria-label={strings.nav.label}>
      <span className={styles.brand}>{strings.nav.brand}</span>
      <ul className={styles.list}>
        {visibleNavItems(roles).map(({ route, label }) => (
          <li key={route}>
            <a
              href={hrefFor(route)}
              className={mergeClasses(styles.link, current === route && styles.current)}
              aria-current={current === route ? 'page' : undefined}
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
