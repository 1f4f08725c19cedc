// Fills Teams Toolkit style ${{VAR}} placeholders in the manifest template.
import type { EnvVars } from './dotenv';

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Thrown when the template uses variables the environment does not define; `missing` lists them. */
export class MissingVariablesError extends Error {
  /** Names of the undefined variables, in order of first use. */
  readonly missing: string[];

  constructor(missing: string[]) {
    super(`missing variable(s): ${missing.join(', ')}`);
    this.name = 'MissingVariablesError';
    this.missing = missing;
  }
}

/** Names of all `${{VAR}}` placeholders in a template, unique, in order of first use. */
export function listPlaceholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''))];
}

/**
 * Replace every `${{VAR}}` in a JSON template with its value, escaped for use inside a JSON string
 * (placeholders must sit inside string literals). An empty value counts as defined.
 * Throws MissingVariablesError naming every undefined variable.
 */
export function renderTemplate(template: string, vars: Readonly<EnvVars>): string {
  const missing = listPlaceholders(template).filter((name) => !Object.hasOwn(vars, name));
  if (missing.length > 0) throw new MissingVariablesError(missing);
  return template.replace(PLACEHOLDER, (_match, name: string) =>
    JSON.stringify(vars[name] ?? '').slice(1, -1),
  );
}

/** Render a JSON manifest template and parse it; throws on missing variables or invalid JSON. */
export function renderManifest(template: string, vars: Readonly<EnvVars>): Record<string, unknown> {
  const text = renderTemplate(template, vars);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `rendered manifest is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('rendered manifest is not a JSON object');
  }
  return parsed as Record<string, unknown>;
}
