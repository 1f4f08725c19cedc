// Valid requests for every API operation, for tests that must get past input validation to reach what
// they test (roles, tenant isolation). A route added without a sample here falls back to an empty body,
// which the role and isolation tests still exercise, but then only up to validation.
import type { Operation } from '../../api/src/http/openapi';
import type { DemoTenant } from '../../api/src/demo/tenant/model';
import { RawBody } from './http';

/**
 * A valid body for `operation` in `tenant`; `tag` marks free text so a test can look for it later; `ids`
 * are the records the sample refers to (as for samplePath).
 */
export function sampleBody(
  operation: Operation,
  tenant: DemoTenant,
  tag = 'sample',
  ids: Readonly<Record<string, string>> = {},
): unknown {
  const people = tenant.users.slice(0, 3).map((user) => user.id);
  const design = {
    targetGroup: { kind: 'people', ids: people },
    // Every persona designs, so each may opt in to share their profile with the design team.
    designTeam: { kind: 'people', ids: Object.values(tenant.personas) },
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
    'post /api/initiatives/:id/pulse/waves': {
      closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    },
    'put /api/initiatives/:id/pulse/waves/:waveId/answer': {
      currentModes: { chat: 'daily', channelPosts: 'weekly' },
      preferredModes: ['chat'],
      expectedHelp: 4,
      selfAssessment: { participatory: 3, timely: 4, transparent: 2, current: 5 },
    },
    'put /api/initiatives/:id/kpis/:kpiId/values': { phase: 'baseline', group: 'target', values: [1, 2, 3] },
    'post /api/initiatives/:id/kpis/values.csv': new RawBody(
      'text/csv',
      'kpi,phase,group,value\nk1,followUp,target,2.5\nk1,followUp,target,3\n',
    ),
    'put /api/me/sharing': { initiativeId: ids.initiatives ?? '', share: true },
    'delete /api/admin/tenant-data': { confirm: tenant.tenantId },
    'put /api/admin/settings': {
      k: 5,
      retentionDays: 180,
      initiativeCreators: 'learningLeaders',
      nameManagersInParticipation: false,
    },
  };
  const key = `${operation.method} ${operation.path}`;
  if (key in bodies) return bodies[key];
  return operation.body ? {} : undefined;
}

/** A query string the operation needs to get past validation ('' for none). */
function sampleQuery(operation: Operation): string {
  return operation.path.startsWith('/api/directory/') ? '?q=a' : '';
}

/**
 * Fills each path parameter with the first id of the matching kind in `ids` (`:id` by the path's
 * resource), and adds the query the operation needs.
 */
export function samplePath(operation: Operation, ids: Readonly<Record<string, string>>): string {
  return sampleQuery(operation) === ''
    ? fill(operation, ids)
    : `${fill(operation, ids)}${sampleQuery(operation)}`;
}

function fill(operation: Operation, ids: Readonly<Record<string, string>>): string {
  return operation.path.replace(/:(\w+)/g, (_match, name: string) => {
    const resource = name === 'id' ? (/^\/api\/(\w+)/.exec(operation.path)?.[1] ?? 'id') : name;
    return encodeURIComponent(ids[resource] ?? ids[name] ?? '00000000-0000-4000-8000-000000000000');
  });
}
