import { pino, type DestinationStream } from 'pino';

/** Structured log lines. Callers pass ids, counts and codes; never message bodies or tokens. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Levels a logger can be created with; `silent` writes nothing. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** Where lines go and what time they carry; tests pass their own. */
export interface LoggerOptions {
  readonly now?: () => Date;
  /** One stream for every level (tests); by default info and below go to stdout, errors to stderr. */
  readonly destination?: DestinationStream;
}

/**
 * Field names that may carry what must never be logged: message text, request bodies, tokens. A field
 * whose name contains one of these words is dropped whole, at any depth, before pino sees it.
 */
const sensitiveName = /body|text|content|token|authorization|cookie|secret|password|assertion/i;

/** A bearer token or a JWT inside any string value (e.g. a header passed under a harmless name). */
const credentialPattern = /\bBearer\s+[^\s"',;]+|\beyJ[\w-]*\.[\w-]*\.[\w-]*/gi;

/** Belt and braces for pino's own redaction: paths where an authorization header or token can sit. */
const redactPaths = [
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'request.headers.authorization',
  '*.authorization',
  'token',
  '*.token',
];

function scrubString(value: string): string {
  return value.replace(credentialPattern, '[redacted]');
}

/** Copies fields without sensitive names and with credentials cut out of strings; cycles become '[cycle]'. */
function scrub(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return scrubString(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[cycle]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => scrub(item, seen));
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) return { name: value.name, message: scrubString(value.message) };
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (sensitiveName.test(key)) continue;
    out[key] = scrub(item, seen);
  }
  return out;
}

/** Drops and scrubs what must not be logged from one call's fields. */
export function guardFields(fields: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!fields) return {};
  return scrub(fields, new WeakSet()) as Record<string, unknown>;
}

/**
 * A pino logger writing one JSON object per line (`time` ISO, `level` as a word, `msg`), behind the
 * small `Logger` interface the rest of the code uses.
 */
export function createLogger(level: LogLevel, options: LoggerOptions = {}): Logger {
  const now = options.now ?? (() => new Date());
  const destination =
    options.destination ??
    pino.multistream(
      [
        { level: 'debug', stream: process.stdout },
        { level: 'error', stream: process.stderr },
      ],
      // Each line goes only to the stream of the highest level it reaches: errors to stderr alone.
      { dedupe: true },
    );
  const base = pino(
    {
      level,
      base: null,
      messageKey: 'msg',
      timestamp: () => `,"time":"${now().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactPaths, censor: '[redacted]' },
    },
    destination,
  );
  const write =
    (name: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields?: Record<string, unknown>): void => {
      if (!base.isLevelEnabled(name)) return;
      base[name](guardFields(fields), scrubString(message));
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
