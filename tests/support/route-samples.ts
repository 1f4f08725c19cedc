// Valid requests for every API operation, for tests that must get past input validation to reach what
// they test (roles, tenant isolation). A route added without a sample here falls back to an empty body,
// which the role and isolation tests still exercise, but then only up to validation.
import type { Operation } from '../../api/src/http/openapi';
import type { DemoTenant } from '../../api/src/demo/tenant/model';

/** A valid body for `operation` in `tenant`; `tag` marks free text so a test can look for it later. */
export function sampleBody(operation: Operation, tenant: DemoTenant, tag = 'sample'): unknown {
  const people = tenant.users.slice(0, 3).map((user) => user.id);
  const design = {
    targetGroup: { kind: 'people', ids: people },
    designTeam: { kind: 'people', ids: people.slice(0, 1) },
    kpis: [
      {
        id: 'k1',
        name: 'Time to first deal',
        kirkpatrickLevel: 4,
        direction: 'decrease',
        source: 'entered',
      },
    ],
  };
  const bodies: Record<string, unknown> = {
    'post /api/initiatives': { name: `${tag} plan`, design },
    'patch /api/initiatives/:id': { goal: `${tag} goal` },
    'post /api/collections': { teamIds: [tenant.sampleInitiative.targetTeamId] },
  };
  const key = `${operation.method} ${operation.path}`;
  if (key in bodies) return bodies[key];
  return operation.body ? {} : undefined;
}

/** Fills each path parameter with the first id of the matching kind in `ids` (`:id` by the path's resource). */
export function samplePath(operation: Operation, ids: Readonly<Record<string, string>>): string {
  return operation.path.replace(/:(\w+)/g, (_match, name: string) => {
    const resource = name === 'id' ? (/^\/api\/(\w+)/.exec(operation.path)?.[1] ?? 'id') : name;
    return encodeURIComponent(ids[resource] ?? ids[name] ?? '00000000-0000-4000-8000-000000000000');
  });
}
