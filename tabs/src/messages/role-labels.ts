import type { RoleName } from '@learnfit/core';
import { strings } from './strings';

/** The label a person reads for a LearnFit role. */
export function roleLabel(role: RoleName): string {
  return strings.roles[role];
}
