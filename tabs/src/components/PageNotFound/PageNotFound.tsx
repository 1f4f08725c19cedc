import { Body1, Link, Title3 } from '@fluentui/react-components';
import { strings } from '../../messages/strings';
import { hrefFor } from '../../routing/hash-route';

const text = strings.shell.notFound;

/** Shown for a link to a page the tab does not have. */
export function PageNotFound() {
  return (
    <article data-testid="page-not-found">
      <Title3 as="h1">{text.title}</Title3>
      <Body1 as="p">
        {text.body} <Link href={hrefFor('home')}>{text.home}</Link>.
      </Body1>
    </article>
  );
}
