import { defaultAttributeSettings } from './attributes';
import { deepFreeze } from './freeze';
import { defaultLeaderSettings } from './leaders';
import { defaultLearnerSettings } from './learners';
import { defaultPrivacySettings } from './privacy';
import { defaultWorkflowFitSettings } from './workflow-fit';
import { defaultChangePlanSettings } from './change-plan';
import { defaultManagementSettings } from './management';

// One line per area. Each diagnostic owns its file in this folder and adds one import and one
// property here; the type below follows from the defaults, so nothing else needs editing.
const areas = {
  attributes: defaultAttributeSettings,
  privacy: defaultPrivacySettings,
  leaders: defaultLeaderSettings,
  learners: defaultLearnerSettings,
  workflowFit: defaultWorkflowFitSettings,
  changePlan: defaultChangePlanSettings,
  management: defaultManagementSettings,
};

/** Every threshold the diagnostics use, one typed area per diagnostic (see docs/methodology.md). */
export type DiagnosticSettings = { readonly [Area in keyof typeof areas]: (typeof areas)[Area] };

/** The documented defaults, frozen so no caller can change them for everyone. */
export const defaultSettings: DiagnosticSettings = deepFreeze(areas);

export type { AttributeSettings } from './attributes';
export type { LeaderSettings } from './leaders';
export type { AdopterCategory, LearnerSettings } from './learners';
export { adopterCategories } from './learners';
export type { PrivacySettings } from './privacy';
export { minimumK } from './privacy';
export { deepFreeze } from './freeze';
