// Reads the permission table of docs/permissions.md: permission, type, admin consent, used by, why.
import type { GraphScheme } from '../../api/src/graph/graph-permissions';

/** One row of the table. */
export interface DocRow {
  readonly permission: string;
  readonly scheme: GraphScheme | null;
  readonly adminConsent: string;
  /** Repository files named (in backticks) in the "used by" cell. */
  readonly files: readonly string[];
  /** The whole row, for reasons ("least …", "not listed …"). */
  readonly text: string;
}

const schemes: Readonly<Record<string, GraphScheme>> = {
  delegated: 'DelegatedWork',
  application: 'Application',
};

/** The rows of the first table whose header starts with `permission`. */
export function readPermissionTable(markdown: string): DocRow[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => /^\|\s*permission\s*\|/.test(line));
  if (start < 0) return [];
  const rows: DocRow[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line
      .slice(1, line.lastIndexOf('|'))
      .split('|')
      .map((cell) => cell.trim());
    const [permission = '', type = '', adminConsent = '', usedBy = ''] = cells;
    rows.push({
      permission: permission.replace(/`/g, ''),
      scheme: schemes[type] ?? null,
      adminConsent,
      files: [...usedBy.matchAll(/`((?:api|bot|core|tabs|scripts)\/[^`\s]+\.tsx?)`/g)].map((m) => m[1] ?? ''),
      text: line,
    });
  }
  return rows;
}
