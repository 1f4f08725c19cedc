import { attributeNames, type AttributeName } from '../attributes/learns-social';
import { attributeWords } from '../attributes/words';
import type { Finding } from '../model/result';
import { capitalize } from './phrasing';

/** A finding that some named people are not in the data; none when everyone was found. */
export function notInSnapshotFinding(
  code: string,
  missing: number,
  sentence: string,
  label: string,
): Finding[] {
  if (missing <= 0) return [];
  return [
    {
      code,
      severity: 'info',
      text: `${missing} ${sentence} not in the data (they may have left or be outside the collection's scope).`,
      evidence: [{ label, value: missing, unit: 'people', n: missing, from: ['directory'] }],
    },
  ];
}

/** A finding that some attributes cannot be scored with the sources available, and what the rule then needs. */
export function unscorableFinding(
  code: string,
  scorable: Readonly<Record<AttributeName, boolean>>,
  required: number,
  coverageNote: string,
): Finding[] {
  const unscorable = attributeNames.filter((name) => !scorable[name]);
  if (unscorable.length === 0) return [];
  const words = capitalize(unscorable.map((name) => attributeWords[name].adjective).join(' and '));
  return [
    {
      code,
      severity: 'info',
      text: `${words} cannot be scored with the data available: ${coverageNote} "Learns social" then needs ${required} of the ${attributeNames.length - unscorable.length} attributes that can be scored.`,
      evidence: [],
    },
  ];
}
