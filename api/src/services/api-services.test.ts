import { describe, expect, it } from 'vitest';
import type { SsoIdentity } from '../identity/sso-token-validator';
import { createApiServices } from './api-services';
import type { InitiativeStore, UsageReports, UserDirectory } from './ports';

const identity: SsoIdentity = {
  tenantId: 't1',
  userId: 'u1',
  name: 'Ada',
  preferredUsername: 'ada@example.com',
  roles: [],
  token: 'token',
};

function setup(fail: () => boolean = () => false) {
  let time = 0;
  let lookups = 0;
  const directory: UserDirectory = {
    me: () => {
      lookups += 1;
      if (fail()) return Promise.reject(new Error('graph down'));
      return Promise.resolve({
        profile: {
          id: 'u1',
          displayName: 'Ada',
          userPrincipalName: 'ada@example.com',
          jobTitle: null,
          department: null,
          officeLocation: null,
        },
        managementChain: [],
        directReportCount: lookups,
      });
    },
  };
  const reports: UsageReports = {
    teamsUserActivity: () => Promise.resolve({ ok: false, reason: 'unavailable', detail: 'x' }),
  };
  const services = createApiServices({
    directory,
    reports,
    initiatives: {} as InitiativeStore,
    now: () => time,
  });
  return { services, lookups: () => lookups, advance: (ms: number) => (time += ms) };
}

describe('GET /api/me answers', () => {
  it('share one lookup between requests that arrive together, and reuse it for a minute', async () => {
    const { services, lookups, advance } = setup();
    const [a, b] = await Promise.all([services.describeMe(identity), services.describeMe(identity)]);
    expect(lookups()).toBe(1);
    expect(a).toBe(b);
    advance(59_000);
    await services.describeMe(identity);
    expect(lookups()).toBe(1);
    // A minute on, the old answer comes at once and a fresh one is looked up behind it.
    advance(2_000);
    expect((await services.describeMe(identity)).directReportCount).toBe(1);
    expect(lookups()).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await services.describeMe(identity)).directReportCount).toBe(2);
    // Ten minutes on, the request waits for the fresh answer.
    advance(10 * 60_000);
    expect((await services.describeMe(identity)).directReportCount).toBe(3);
    // A role granted since is a different answer: looked up at once.
    await services.describeMe({ ...identity, roles: ['Admin'] });
    expect(lookups()).toBe(4);
  });

  it('keep the old answer when a refresh fails', async () => {
    let failing = false;
    const { services, advance } = setup(() => failing);
    await services.describeMe(identity);
    failing = true;
    advance(61_000);
    expect((await services.describeMe(identity)).directReportCount).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await services.describeMe(identity)).directReportCount).toBe(1);
  });

  it('do not keep a failed lookup', async () => {
    let failing = true;
    const { services, lookups } = setup(() => failing);
    await expect(services.describeMe(identity)).rejects.toThrow('graph down');
    failing = false;
    await expect(services.describeMe(identity)).resolves.toMatchObject({ directReportCount: 2 });
    expect(lookups()).toBe(2);
  });
});
