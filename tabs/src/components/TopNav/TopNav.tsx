import { mergeClasses } from '@fluentui/react-components';
import { hrefFor, type Route } from '../../routing/hash-route';
import { useTopNavStyles } from './TopNav.styles';

const items: ReadonlyArray<{ route: Route; label: string }> = [
  { route: 'home', label: 'Home' },
  { route: 'initiatives', label: 'Initiatives' },
  { route: 'about', label: 'About' },
];

/** The tab's page links; the current page is marked for assistive technology and visually. */
export function TopNav({ current }: { current: Route | null }) {
  const styles = useTopNavStyles();
  return (
    <nav className={styles.root} aria-label="LearnFit pages">
      <span className={styles.brand}>LearnFit</span>
      <ul className={styles.list}>
        {items.map(({ route, label }) => (
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
