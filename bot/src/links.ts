import { isDiagnosticView } from '@learnfit/core';
import type { LinkSettings, ReportTarget } from './ports';

/** The two ways a card opens a report: inside Teams (deep link to the tab) and in a browser. */
export interface ReportLinks {
  /** `https://teams.microsoft.com/l/entity/…`, or null when the Teams app id is not configured. */
  readonly teams: string | null;
  readonly web: string;
}

/** The tab's hash path of a report, e.g. `initiatives/abc/learners` or `report`. */
export function tabPath(target: ReportTarget): string {
  if (target.kind === 'my-org') return 'report';
  const id = encodeURIComponent(target.initiativeId);
  return target.view ? `initiatives/${id}/${target.view}` : `initiatives/${id}`;
}

/**
 * Links to a page of the tab. The deep link opens the personal tab `entityId` and passes the tab's
 * hash path as `subEntityId`; the tab reads it from `app.getContext()` (`page.subPageId`) and
 * navigates to `#/<subPageId>`. `webUrl` is the fallback Teams uses where the tab cannot open.
 */
export function tabLinks(
  settings: LinkSettings,
  path: string,
  entityId: 'home' | 'initiatives',
): ReportLinks {
  const web = `${settings.publicUrl}/tab/index.html#/${path}`;
  if (!settings.teamsAppId) return { teams: null, web };
  const query = new URLSearchParams({
    webUrl: web,
    label: 'LearnFit',
    context: JSON.stringify({ subEntityId: path }),
  });
  const teams =
    `https://teams.microsoft.com/l/entity/${encodeURIComponent(settings.teamsAppId)}/${entityId}` +
    `?${query.toString().replace(/\+/g, '%20')}`;
  return { teams, web };
}

/** Links to a report: initiatives open in the `initiatives` tab, the viewer's org in `home`. */
export function reportLinks(settings: LinkSettings, target: ReportTarget): ReportLinks {
  return tabLinks(settings, tabPath(target), target.kind === 'my-org' ? 'home' : 'initiatives');
}

const idPattern = /^[A-Za-z0-9._~-]{1,64}$/;

/**
 * The report a LearnFit link names, or null for any other URL: the host and path must be this
 * deployment's tab (`<publicUrl>/tab/index.html#/…` or `<publicUrl>/tab/#/…`), and the hash one of
 * `#/initiatives/<id>`, `#/initiatives/<id>/<view>` or `#/report`.
 */
export function targetOfUrl(settings: LinkSettings, raw: string): ReportTarget | null {
  if (raw.length > 2048) return null;
  let url: URL;
  let base: URL;
  try {
    url = new URL(raw);
    base = new URL(settings.publicUrl);
  } catch {
    return null;
  }
  if (url.origin !== base.origin) return null;
  const basePath = base.pathname.replace(/\/$/, '');
  if (url.pathname !== `${basePath}/tab/index.html` && url.pathname !== `${basePath}/tab/`) return null;
  const hash = url.hash.replace(/^#\/?/, '');
  const [path = ''] = hash.split('?');
  const segments = path.split('/').filter((segment) => segment !== '');
  if (segments.length === 1 && segments[0] === 'report') return { kind: 'my-org' };
  if (segments[0] !== 'initiatives' || segments.length < 2 || segments.length > 3) return null;
  let initiativeId: string;
  try {
    initiativeId = decodeURIComponent(segments[1] ?? '');
  } catch {
    return null;
  }
  if (!idPattern.test(initiativeId)) return null;
  const view = segments[2];
  if (view === undefined) return { kind: 'initiative', initiativeId, view: null };
  return isDiagnosticView(view) ? { kind: 'initiative', initiativeId, view } : null;
}
