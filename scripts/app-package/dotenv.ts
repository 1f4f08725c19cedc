// Minimal dotenv reader (KEY=VALUE, comments, optional quotes) for env/.env.<name>[.user] files.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Variables read from env files, by name. */
export type EnvVars = Record<string, string>;

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

function parseQuoted(raw: string, where: string): string {
  const quote = raw[0];
  let value = '';
  let i = 1;
  for (; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === quote) break;
    if (quote === '"' && ch === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1] ?? '';
      value += ESCAPES[next] ?? `\\${next}`;
      i++;
      continue;
    }
    value += ch;
  }
  if (i >= raw.length) throw new Error(`${where}: unterminated ${quote} quote`);
  const rest = raw.slice(i + 1).trim();
  if (rest !== '' && !rest.startsWith('#')) throw new Error(`${where}: unexpected text after closing quote`);
  return value;
}

/**
 * Parse dotenv text: `KEY=VALUE` lines, optional `export ` prefix, `#` comment lines, inline ` #` comments
 * after unquoted values, and "double" (with \n \t \" \\ escapes) or 'single' (literal) quoted values.
 * Later keys win. Throws with file:line on a malformed line.
 */
export function parseDotenv(text: string, fileName = '<env>'): EnvVars {
  const vars: EnvVars = {};
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, index) => {
    const where = `${fileName}:${index + 1}`;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const body = trimmed.startsWith('export ') ? trimmed.slice('export '.length).trimStart() : trimmed;
    const eq = body.indexOf('=');
    if (eq <= 0) throw new Error(`${where}: expected KEY=VALUE, got "${trimmed}"`);
    const key = body.slice(0, eq).trim();
    if (!KEY.test(key)) throw new Error(`${where}: invalid variable name "${key}"`);
    const raw = body.slice(eq + 1).trim();
    if (raw.startsWith('"') || raw.startsWith("'")) {
      vars[key] = parseQuoted(raw, where);
    } else {
      const comment = raw.search(/\s#/);
      vars[key] = (comment === -1 ? raw : raw.slice(0, comment)).trim();
    }
  });
  return vars;
}

/** Result of loading one environment: merged variables and the files they came from, in overlay order. */
export interface LoadedEnv {
  vars: EnvVars;
  files: string[];
}

/** Load `<envDir>/.env.<name>` (required), then overlay `<envDir>/.env.<name>.user` if it exists. */
export async function loadEnv(envDir: string, name: string): Promise<LoadedEnv> {
  if (!ENV_NAME.test(name)) {
    throw new Error(`invalid environment name "${name}" (letters, digits, "-" and "_" only)`);
  }
  const base = path.join(envDir, `.env.${name}`);
  if (!existsSync(base)) {
    throw new Error(
      `environment file ${base} not found; create it (see env/.env.dev.example) or pass another --env`,
    );
  }
  const files = [base];
  const user = `${base}.user`;
  if (existsSync(user)) files.push(user);
  const vars: EnvVars = {};
  for (const file of files) Object.assign(vars, parseDotenv(await readFile(file, 'utf8'), file));
  return { vars, files };
}
