import { minimumK } from '@learnfit/core';
import { z } from 'zod';

/** Client id of the demo app registration; production refuses to run with it. */
export const demoClientId = '00000000-0000-4000-8000-0000000c1e47';
/** Bot id of the demo bot registration; production refuses to run with it. */
export const demoBotId = '00000000-0000-4000-8000-00000000b07d';

/** Teams app id (manifest `id`) of the demo package, env/.env.local `TEAMS_APP_ID`; production refuses it. */
export const demoTeamsAppId = '5b0a3c2e-7f41-4d1e-9a63-2c8e1f4b7d10';

/** Pseudonym key of the demo; production refuses to run with it. */
export const demoPseudonymKey = 'learnfit-demo-pseudonym-key-not-secret';

const onOff = z.enum(['on', 'off']);
const trueFalse = z.enum(['true', 'false']);

const rawSchema = z.object({
  NODE_ENV: z.string().optional(),
  LEARNFIT_MODE: z.enum(['demo', 'production']).optional(),
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
  /** Tenant of a single-tenant Azure Bot registration (new Azure Bots are single-tenant): where its tokens come from. */
  BOT_TENANT_ID: z.uuid().optional(),
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
  /** Routes Graph, the report download host and Entra login to one simulator (tests, staging rigs). */
  MICROSOFT_SIMULATOR_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The /dev Teams host emulator and persona switcher; needs the demo's identity simulator. */
  HOST_EMULATOR: onOff.optional(),
  BOT_DANGEROUSLY_ACCEPT_UNSIGNED_ACTIVITIES: trueFalse.optional(),
  /** Smallest group an aggregate may describe until a tenant's admin saves their own (never below 5). */
  K_THRESHOLD: z.coerce.number().int().max(100).default(minimumK),
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
  /** NODE_ENV=production: the strict checks of a real deployment were applied. */
  readonly strict: boolean;
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
  readonly bot: { readonly id: string; readonly password: string | null; readonly tenantId: string | null };
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
  /** Base URL Microsoft's hosts are routed to (never in a strict deployment); null: the real cloud. */
  readonly microsoftSimulatorUrl: string | null;
  /** Whether the /dev host emulator is served (demo only). */
  readonly hostEmulator: boolean;
  /** Whether the bot takes activities without a Bot Framework signature (demo and test rigs only). */
  readonly allowUnsignedBotActivities: boolean;
  /** Default k of tenants whose admin has not saved privacy settings. */
  readonly kThreshold: number;
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
  // A real deployment sets NODE_ENV=production; it implies production mode and the strict checks below.
  const strict = raw.NODE_ENV === 'production';
  const mode = raw.LEARNFIT_MODE ?? (strict ? 'production' : 'demo');
  const isDemo = mode === 'demo';
  const clientId = raw.AAD_CLIENT_ID ?? (isDemo ? demoClientId : '');
  const publicUrl = (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, '');
  const domain = new URL(publicUrl).host;
  const hostEmulator = (raw.HOST_EMULATOR ?? (isDemo ? 'on' : 'off')) === 'on';
  const allowUnsignedBotActivities =
    (raw.BOT_DANGEROUSLY_ACCEPT_UNSIGNED_ACTIVITIES ?? (isDemo ? 'true' : 'false')) === 'true';
  const problems = [
    ...(isDemo ? [] : productionProblems(raw)),
    ...(strict
      ? strictProblems(raw, {
          isDemo,
          hostEmulator,
          allowUnsignedBotActivities,
          demoSettings: Object.keys(env).filter((key) => key.startsWith('DEMO_') && env[key] !== undefined),
        })
      : []),
  ];
  if (raw.K_THRESHOLD < minimumK)
    problems.push(`K_THRESHOLD must be at least ${minimumK}; smaller groups could identify people.`);
  if (hostEmulator && !isDemo)
    problems.push(
      'HOST_EMULATOR=on needs demo mode: it signs people in through the demo identity simulator.',
    );
  if (isDemo && raw.MICROSOFT_SIMULATOR_URL)
    problems.push('MICROSOFT_SIMULATOR_URL is for production mode; demo mode starts its own simulators.');
  if (problems.length > 0) throw new ConfigError(problems);

  const appIdUri = raw.AAD_APP_ID_URI ?? `api://${domain}/${clientId}`;
  const config: Config = {
    mode,
    strict,
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
    bot: {
      id: raw.BOT_ID ?? demoBotId,
      password: raw.BOT_PASSWORD ?? null,
      tenantId: raw.BOT_TENANT_ID ?? null,
    },
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
    microsoftSimulatorUrl: raw.MICROSOFT_SIMULATOR_URL?.replace(/\/$/, '') ?? null,
    hostEmulator,
    allowUnsignedBotActivities,
    kThreshold: raw.K_THRESHOLD,
  };
  return deepFreeze(config);
}

type RawConfig = z.infer<typeof rawSchema>;

/** What production mode needs: its own registrations, secrets, PostgreSQL and https. */
function productionProblems(raw: RawConfig): string[] {
  const problems: string[] = [];
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
  return problems;
}

/** What a real deployment (NODE_ENV=production) refuses on top: anything that only a demo or test rig may use. */
function strictProblems(
  raw: RawConfig,
  derived: {
    isDemo: boolean;
    hostEmulator: boolean;
    allowUnsignedBotActivities: boolean;
    demoSettings: string[];
  },
): string[] {
  const problems: string[] = [];
  if (derived.isDemo)
    problems.push('LEARNFIT_MODE=demo is not allowed with NODE_ENV=production: the demo signs anyone in.');
  if (derived.demoSettings.length > 0)
    problems.push(
      `${derived.demoSettings.join(', ')}: demo settings are not allowed with NODE_ENV=production.`,
    );
  if (derived.hostEmulator) problems.push('HOST_EMULATOR=on is not allowed with NODE_ENV=production.');
  if (raw.MICROSOFT_SIMULATOR_URL)
    problems.push(
      'MICROSOFT_SIMULATOR_URL is not allowed with NODE_ENV=production: it reroutes sign-in and Graph.',
    );
  if (derived.allowUnsignedBotActivities)
    problems.push(
      'BOT_DANGEROUSLY_ACCEPT_UNSIGNED_ACTIVITIES=true is not allowed with NODE_ENV=production: anyone could act as Teams.',
    );
  return problems;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
