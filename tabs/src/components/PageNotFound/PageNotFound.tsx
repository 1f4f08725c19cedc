import { Body1, Link, Title3 } from '@fluentui/react-components';
import { hrefFor } from '../../routing/hash-route';

/** Shown for a link to a page the tab does not have. */
export function PageNotFound() {
  return (
    <article data-testid="page-not-found">
      <Title3 as="h1">This page does not exist</Title3>
      <Body1 as="p">
        The link may be from an older version of LearnFit. <Link href={hrefFor('home')}>Go to Home</Link>.
      </Body1>
    </article>
  );
}
