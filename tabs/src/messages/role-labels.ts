import type { RoleName } from '@learnfit/core';

const labels: Record<RoleName, string> = {
  Learner: 'Learner',
  Manager: 'Manager',
  LearningLeader: 'Learning leader',
  Admin: 'Admin',
};

/** The label a person reads for a LearnFit role. */
export function roleLabel(role: RoleName): string {
  return labels[role];
}
