import { fill, strings } from '../../messages/strings';

const e = strings.wizard.errors;

/** The parts of a zod issue the wizard reads (kept narrow so the wizard does not depend on zod's types). */
export interface Issue {
  readonly code: string;
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly expected?: string;
  readonly format?: string;
  readonly received?: string;
}

/** A schema issue in words a person can act on (the schema's own messages are for developers). */
export function issueMessage(issue: Issue): string {
  const minimum = Number(issue.minimum ?? 0);
  const maximum = Number(issue.maximum ?? 0);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return minimum <= 1 ? e.required : fill(e.tooShort, { minimum });
      if (issue.origin === 'array' || issue.origin === 'set') return fill(e.chooseAtLeast, { minimum });
      return fill(e.tooSmall, { minimum });
    case 'too_big':
      if (issue.origin === 'string') return fill(e.tooLong, { maximum });
      if (issue.origin === 'array' || issue.origin === 'set') return fill(e.tooMany, { maximum });
      return fill(e.tooBig, { maximum });
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int' ? e.wholeNumber : e.generic;
    case 'invalid_format':
      if (issue.format === 'date') return e.date;
      if (issue.format === 'regex') return e.badId;
      return e.generic;
    default:
      return e.generic;
  }
}
