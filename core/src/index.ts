export * from './contracts/problem';
export * from './contracts/me';
export * from './contracts/initiative';
export * from './contracts/collection';
export * from './contracts/directory';
export * from './contracts/profile';
export * from './contracts/diagnostics';
export * from './contracts/report';
export * from './contracts/admin';
export * from './contracts/pulse';
export * from './contracts/kpi';
export * from './model/index';
export * from './settings/index';
export type { DiagnosticInput } from './diagnostics/input';
export * from './diagnostics/leaders-types';
export { diagnoseLeaders } from './diagnostics/leaders';
export * from './diagnostics/learners-types';
export { diagnoseLearners } from './diagnostics/learners';
export * from './privacy/types';
export { createPrivacyGuard, PrivacyError, type PrivacyErrorCode } from './privacy/guard';
export * from './attributes/learns-social';
export { indexesOf, unknownKeys } from './attributes/groups';
export { seededRandom } from './stats/seeded-random';
export { normalQuantile } from './stats/normal';
export * from './diagnostics/workflow-fit-types';
export { diagnoseWorkflowFit } from './diagnostics/workflow-fit';
export type { HourOfWeekHeatmap } from './diagnostics/workflow-timing';
export {
  cadencePerYear,
  modeSignals,
  modeWords,
  observableModes,
  type ModeSignals,
  type ObservableMode,
} from './diagnostics/work-modes';
export * from './diagnostics/change-plan-types';
export { planChange, planIntensity } from './diagnostics/change-plan';
export * from './diagnostics/management-types';
export { diagnoseManagementParticipation } from './diagnostics/management';
export { runAllDiagnostics, type AllDiagnostics } from './diagnostics/run-all';
export type { WorkflowFitSettings } from './settings/workflow-fit';
export type { ChangePlanSettings } from './settings/change-plan';
export type { ManagementSettings } from './settings/management';
export { filterLearners, type LearnerFilter } from './diagnostics/learners-filter';
export { personalProfile, type PersonalProfile } from './attributes/profile';
export { attributeWords, type AttributeWords } from './attributes/words';
export * from './snapshot/index';
export * from './contracts/change-plan-posts';
export * from './contracts/my-pulses';
export * from './model/diagnostic-views';
