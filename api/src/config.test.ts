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
});
