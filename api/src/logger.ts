/** Structured log lines. Callers pass ids, counts and codes; never message bodies or tokens. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;

/** A logger writing one JSON object per line to stdout (stderr for errors). */
export function createLogger(level: keyof typeof levels, now: () => Date = () => new Date()): Logger {
  const threshold = levels[level];
  const write = (
    name: Exclude<keyof typeof levels, 'silent'>,
    message: string,
    fields?: Record<string, unknown>,
  ): void => {
    if (levels[name] < threshold) return;
    const line = JSON.stringify({ time: now().toISOString(), level: name, message, ...fields });
    if (name === 'error') process.stderr.write(`${line}\n`);
    else process.stdout.write(`${line}\n`);
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
