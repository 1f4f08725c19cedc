import { describe, expect, it } from 'vitest';
import { ConfigError, demoBotId, demoClientId, demoPseudonymKey, demoTeamsAppId, loadConfig } from './config';

const production = {
  LEARNFIT_MODE: 'production',
  AAD_CLIENT_ID: '3f1c7a52-9f1e-4a44-b3f3-0d6f3f8e2a11',
  AAD_CLIENT_SECRET: 'from-key-vault',
  BOT_ID: '7a0d3c1b-2e4f-4b6a-9c8d-1e2f3a4b5c6d',
  BOT_PASSWORD: 'from-key-vault',
  DATABASE_URL: 'postgres://learnfit@db.example.com/learnfit',
  PUBLIC_URL: 'https://learnfit.example.com',
  PSEUDONYM_KEY: 'a-production-secret-of-at-least-32-chars',
};

describe('loadConfig', () => {
  it('starts in demo mode with no secrets and the embedded database', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('demo');
    expect(config.port).toBe(3978);
    expect(config.databaseUrl).toBeNull();
    expect(config.auth.clientId).toBe(demoClientId);
    expect(config.demo).toEqual({ seed: 42, people: 300, weeks: 6 });
    expect(config.workerConcurrency).toBe(2);
    expect(config.retentionDays).toBe(180);
    expect(Object.isFrozen(config.auth)).toBe(true);
  });

  it('accepts a complete production environment and derives the SSO audiences', () => {
    const config = loadConfig(production);
    expect(config.demo).toBeNull();
    expect(config.auth.audiences).toEqual([
      production.AAD_CLIENT_ID,
      `api://learnfit.example.com/${production.AAD_CLIENT_ID}`,
    ]);
  });

  it('refuses to run in production with demo ids, missing secrets or plain http', () => {
    const attempt = () =>
      loadConfig({
        ...production,
        AAD_CLIENT_ID: demoClientId,
        BOT_ID: demoBotId,
        AAD_CLIENT_SECRET: undefined,
        PUBLIC_URL: 'http://learnfit.example.com',
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/AAD_CLIENT_ID is the demo id/);
      expect(problems).toMatch(/AAD_CLIENT_SECRET is required/);
      expect(problems).toMatch(/BOT_ID must be your Azure Bot id/);
      expect(problems).toMatch(/PUBLIC_URL must be an https/);
    }
    expect(() => loadConfig({ ...production, DATABASE_URL: undefined })).toThrow(/DATABASE_URL is required/);
    expect(() => loadConfig({ ...production, PSEUDONYM_KEY: demoPseudonymKey })).toThrow(/PSEUDONYM_KEY/);
    expect(() => loadConfig({ ...production, PSEUDONYM_KEY: undefined })).toThrow(/PSEUDONYM_KEY/);
  });

  it('gives bot cards a Teams deep link only when a Teams app id is known', () => {
    // The demo links to its own package; production links into Teams only once TEAMS_APP_ID is set.
    expect(loadConfig({}).teamsAppId).toBe(demoTeamsAppId);
    expect(loadConfig(production).teamsAppId).toBeNull();
    const appId = '9F3D2A71-4C5E-4B8A-8E21-6D0C7B9A1E52';
    expect(loadConfig({ ...production, TEAMS_APP_ID: appId }).teamsAppId).toBe(appId.toLowerCase());
    expect(loadConfig({ TEAMS_APP_ID: appId }).teamsAppId).toBe(appId.toLowerCase());
    expect(() => loadConfig({ ...production, TEAMS_APP_ID: demoTeamsAppId.toUpperCase() })).toThrow(
      /TEAMS_APP_ID is the demo id/,
    );
    expect(() => loadConfig({ TEAMS_APP_ID: 'learnfit' })).toThrow(/TEAMS_APP_ID/);
  });

  it('names the variable when a value is malformed', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ LEARNFIT_MODE: 'staging' })).toThrow(/LEARNFIT_MODE/);
  });

  it('with NODE_ENV=production defaults to production mode and refuses everything only a demo or test rig may use', () => {
    const strict = { ...production, LEARNFIT_MODE: undefined, NODE_ENV: 'production' };
    const config = loadConfig(strict);
    expect(config).toMatchObject({
      mode: 'production',
      strict: true,
      hostEmulator: false,
      allowUnsignedBotActivities: false,
      microsoftSimulatorUrl: null,
      kThreshold: 5,
    });
    const refused: Array<[Record<string, string>, RegExp]> = [
      [{ LEARNFIT_MODE: 'demo' }, /LEARNFIT_MODE=demo is not allowed with NODE_ENV=production/],
      [{ HOST_EMULATOR: 'on' }, /HOST_EMULATOR=on is not allowed/],
      [{ MICROSOFT_SIMULATOR_URL: 'http://127.0.0.1:4100' }, /MICROSOFT_SIMULATOR_URL is not allowed/],
      [{ BOT_DANGEROUSLY_ACCEPT_UNSIGNED_ACTIVITIES: 'true' }, /BOT_DANGEROUSLY_ACCEPT_UNSIGNED_ACTIVITIES/],
      [{ K_THRESHOLD: '4' }, /K_THRESHOLD must be at least 5/],
      [{ DEMO_SEED: '7' }, /DEMO_SEED: demo settings are not allowed/],
    ];
    for (const [change, message] of refused) {
      expect(() => loadConfig({ ...strict, ...change }), JSON.stringify(change)).toThrow(message);
    }
    // A single-tenant Azure Bot names its tenant; a malformed one is refused.
    expect(
      loadConfig({ ...strict, BOT_TENANT_ID: 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d' }).bot.tenantId,
    ).toBe('a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d');
    expect(() => loadConfig({ ...strict, BOT_TENANT_ID: 'contoso' })).toThrow(/BOT_TENANT_ID/);
    // A k above the floor is the default of tenants whose admin has not chosen one.
    expect(loadConfig({ ...strict, K_THRESHOLD: '10' }).kThreshold).toBe(10);
  });

  it('lets a test rig run production mode against a simulator, but never the demo host emulator', () => {
    const rig = loadConfig({ ...production, MICROSOFT_SIMULATOR_URL: 'http://127.0.0.1:4100/' });
    expect(rig.strict).toBe(false);
    expect(rig.microsoftSimulatorUrl).toBe('http://127.0.0.1:4100');
    expect(() => loadConfig({ ...production, HOST_EMULATOR: 'on' })).toThrow(
      /HOST_EMULATOR=on needs demo mode/,
    );
    expect(() => loadConfig({ MICROSOFT_SIMULATOR_URL: 'http://127.0.0.1:4100' })).toThrow(
      /MICROSOFT_SIMULATOR_URL is for production mode/,
    );
    expect(() => loadConfig({ MICROSOFT_SIMULATOR_URL: 'ftp://127.0.0.1' })).toThrow(
      /MICROSOFT_SIMULATOR_URL/,
    );
    // The demo keeps its emulator and unsigned Playground activities unless told otherwise.
    expect(loadConfig({})).toMatchObject({
      hostEmulator: true,
      allowUnsignedBotActivities: true,
      strict: false,
    });
    expect(loadConfig({ HOST_EMULATOR: 'off' }).hostEmulator).toBe(false);
    expect(() => loadConfig({ K_THRESHOLD: '2' })).toThrow(/K_THRESHOLD must be at least 5/);
  });
});
