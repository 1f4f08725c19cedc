import { z } from 'zod';

/** Client id of the demo app registration; production refuses to run with it. */
export const demoClientId = '00000000-0000-4000-8000-0000000c1e47';
/** Bot id of the demo bot registration; production refuses to run with it. */
export const demoBotId = '00000000-0000-4000-8000-00000000b07d';

/** Teams app id (manifest `id`) of the demo package, env/.env.local `TEAMS_APP_ID`; production refuses it. */
export const demoTeamsAppId = '5b0a3c2e-7f41-4d1e-9a63-2c8e1f4b7d10';

/** Pseudonym key of the demo; production refuses to run with it. */
export const demoPseudonymKey = 'learnfit-demo-pseudonym-key-not-secret';

const rawSchema = z.object({
  LEARNFIT_MODE: z.enum(['demo', 'production']).default('demo'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  AAD_CLIENT_ID: z.uuid().optional(),
  AAD_CLIENT_SECRET: z.string().min(1).optional(),
  AAD_APP_ID_URI: z.string().min(1).optional(),
  AAD_ALLOWED_TENANTS: z.string().optional(),
  BOT_ID: z.uuid().optional(),
  BOT_PASSWORD: z.string().min(1).optional(),
  TEAMS_APP_ID: z.uuid().optional(),
  DEMO_SEED: z.coerce.number().int().default(42),
  DEMO_PEOPLE: z.coerce.number().int().min(50).max(100_000).default(300),
  DEMO_WEEKS: z.coerce.number().int().min(1).max(52).default(6),
  PSEUDONYM_KEY: z.string().min(32).optional(),
  WORKER_CONCURRENCY: z.coerce.number().int().min(0).max(16).default(2),
  API_RATE_PER_USER: z.coerce.number().int().min(1).max(100_000).default(600),
  API_RATE_PER_TENANT: z.coerce.number().int().min(1).max(1_000_000).default(6000),
  RETENTION_DAYS: z.coerce.number().int().min(7).max(3650).default(180),
  EVENT_STREAM_MAX_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  OTEL_TRACES: z.enum(['off', 'console']).default('off'),
  APPLICATIONINSIGHTS_CONNECTION_STRING: z.string().min(1).optional(),
  TAB_DIST_DIR: z.string().min(1).default('tabs/dist'),
});

/** Settings that exist only in demo mode: the synthetic tenant and its simulators. */
export interface DemoConfig {
  readonly seed: number;
  readonly people: number;
  readonly weeks: number;
}

/** The one typed configuration of a LearnFit process, parsed once at start-up. */
export interface Config {
  readonly mode: 'demo' | 'production';
  readonly port: number;
  readonly host: string;
  readonly publicUrl: string;
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  readonly auth: {
    readonly clientId: string;
    readonly clientSecret: string | null;
    /** Audiences accepted on SSO tokens: the client id and the Application ID URI. */
    readonly audiences: readonly string[];
    /** Tenants whose users may call the API; empty means any tenant that passes validation. */
    readonly allowedTenants: readonly string[];
  };
  readonly bot: { readonly id: string; readonly password: string | null };
  /** The Teams app id (manifest `id`) for deep links on bot cards; null: cards carry web links only. */
  readonly teamsAppId: string | null;
  readonly demo: DemoConfig | null;
  /** Secret of the keyed pseudonyms in stored snapshots (HMAC-SHA-256). */
  readonly pseudonymKey: string;
  /** Collection runs this process works on at once; 0: this process only serves HTTP. */
  readonly workerConcurrency: number;
  /** Requests per minute per signed-in user and per tenant on `/api`. */
  readonly rateLimits: { readonly perUserPerMinute: number; readonly perTenantPerMinute: number };
  /** Days snapshots and collection staging are kept. */
  readonly retentionDays: number;
  /** Longest a progress event stream stays open before the browser reconnects. */
  readonly eventStreamMaxSeconds: number;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Traces: `console` prints spans; an Application Insights connection string readies them for Azure Monitor. */
  readonly telemetry: {
    readonly traces: 'off' | 'console';
    readonly appInsightsConnectionString: string | null;
  };
  readonly tabDistDir: string;
}

/** Thrown when the environment describes a configuration LearnFit must not run with. */
export class ConfigError extends Error {
  readonly code = 'invalid_config';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment into a frozen Config, refusing unsafe production settings. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const parsed = rawSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const raw = parsed.data;
  const isDemo = raw.LEARNFIT_MODE === 'demo';
  const clientId = raw.AAD_CLIENT_ID ?? (isDemo ? demoClientId : '');
  const publicUrl = (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, '');
  const domain = new URL(publicUrl).host;
  const problems: string[] = [];

  if (!isDemo) {
    if (!raw.AAD_CLIENT_ID) problems.push('AAD_CLIENT_ID is required in production.');
    if (raw.AAD_CLIENT_ID === demoClientId)
      problems.push('AAD_CLIENT_ID is the demo id; use your own app registration.');
    if (!raw.AAD_CLIENT_SECRET) problems.push('AAD_CLIENT_SECRET is required in production.');
    if (!raw.BOT_ID || raw.BOT_ID === demoBotId)
      problems.push('BOT_ID must be your Azure Bot id in production.');
    if (raw.TEAMS_APP_ID?.toLowerCase() === demoTeamsAppId)
      problems.push('TEAMS_APP_ID is the demo id; use the id of your app package.');
    if (!raw.BOT_PASSWORD) problems.push('BOT_PASSWORD is required in production.');
    if (!raw.DATABASE_URL) problems.push('DATABASE_URL is required in production (PostgreSQL).');
    if (!raw.PSEUDONYM_KEY || raw.PSEUDONYM_KEY === demoPseudonymKey)
      problems.push('PSEUDONYM_KEY (at least 32 characters, secret) is required in production.');
    if (!raw.PUBLIC_URL?.startsWith('https://'))
      problems.push('PUBLIC_URL must be an https:// URL in production.');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const appIdUri = raw.AAD_APP_ID_URI ?? `api://${domain}/${clientId}`;
  const config: Config = {
    mode: raw.LEARNFIT_MODE,
    port: raw.PORT,
    host: raw.HOST,
    publicUrl,
    databaseUrl: raw.DATABASE_URL ?? null,
    dataDir: raw.DATA_DIR,
    auth: {
      clientId,
      clientSecret: raw.AAD_CLIENT_SECRET ?? (isDemo ? 'demo-secret' : null),
      audiences: [clientId, appIdUri],
      allowedTenants: (raw.AAD_ALLOWED_TENANTS ?? '')
        .split(',')
        .map((tenant) => tenant.trim())
        .filter((tenant) => tenant.length > 0),
    },
    bot: { id: raw.BOT_ID ?? demoBotId, password: raw.BOT_PASSWORD ?? null },
    teamsAppId: (raw.TEAMS_APP_ID ?? (isDemo ? demoTeamsAppId : null))?.toLowerCase() ?? null,
    demo: isDemo ? { seed: raw.DEMO_SEED, people: raw.DEMO_PEOPLE, weeks: raw.DEMO_WEEKS } : null,
    pseudonymKey: raw.PSEUDONYM_KEY ?? demoPseudonymKey,
    workerConcurrency: raw.WORKER_CONCURRENCY,
    retentionDays: raw.RETENTION_DAYS,
    eventStreamMaxSeconds: raw.EVENT_STREAM_MAX_SECONDS,
    rateLimits: { perUserPerMinute: raw.API_RATE_PER_USER, perTenantPerMinute: raw.API_RATE_PER_TENANT },
    logLevel: raw.LOG_LEVEL,
    telemetry: {
      traces: raw.OTEL_TRACES,
      appInsightsConnectionString: raw.APPLICATIONINSIGHTS_CONNECTION_STRING ?? null,
    },
    tabDistDir: raw.TAB_DIST_DIR,
  };
  return deepFreeze(config);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
