import { z } from 'zod';

const buildEnvSchema = z.object({
  BASE_URL: z.string().startsWith('/'),
  VITE_API_BASE_URL: z.url().optional(),
});

/** The tab's build-time settings, parsed once; nothing else reads `import.meta.env`. */
export interface TabConfig {
  /** Origin of the LearnFit API; empty means the origin that served the tab. */
  readonly apiBaseUrl: string;
  /** Path the tab is served under, e.g. `/tab/`. */
  readonly basePath: string;
  /** How long to wait for a Teams host before showing the "not in Teams" explanation. */
  readonly hostTimeoutMs: number;
}

function parseTabConfig(env: unknown): TabConfig {
  const parsed = buildEnvSchema.parse(env);
  return Object.freeze({
    apiBaseUrl: (parsed.VITE_API_BASE_URL ?? '').replace(/\/$/, ''),
    basePath: parsed.BASE_URL.endsWith('/') ? parsed.BASE_URL : `${parsed.BASE_URL}/`,
    hostTimeoutMs: 3000,
  });
}

/** Settings fixed when the tab was built. */
export const tabConfig: TabConfig = parseTabConfig(import.meta.env);
