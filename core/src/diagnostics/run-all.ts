import type { ChangePlanResult } from './change-plan-types';
import { planChange } from './change-plan';
import type { DiagnosticInput } from './input';
import { diagnoseLeaders } from './leaders';
import type { LeadersResult } from './leaders-types';
import { diagnoseLearners } from './learners';
import type { LearnersResult } from './learners-types';
import { diagnoseManagementParticipation } from './management';
import type { ManagementResult } from './management-types';
import { diagnoseWorkflowFit } from './workflow-fit';
import type { WorkflowFitResult } from './workflow-fit-types';

/** The five diagnostics of one initiative over one snapshot, in the article's order. */
export interface AllDiagnostics {
  readonly leaders: LeadersResult;
  readonly learners: LearnersResult;
  readonly workflowFit: WorkflowFitResult;
  readonly changePlan: ChangePlanResult;
  readonly managementParticipation: ManagementResult;
}

/** Runs all five diagnostics; the change plan reads the workflow-fit and learner results. */
export function runAllDiagnostics(input: DiagnosticInput): AllDiagnostics {
  const leaders = diagnoseLeaders(input);
  const learners = diagnoseLearners(input);
  const workflowFit = diagnoseWorkflowFit(input);
  const changePlan = planChange(input, workflowFit, learners);
  const managementParticipation = diagnoseManagementParticipation(input);
  return { leaders, learners, workflowFit, changePlan, managementParticipation };
}
