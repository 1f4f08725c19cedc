import { indexesOf } from '../attributes/groups';
import type { DataSource } from '../model/snapshot';
import type { PrivacyGuard } from '../privacy/types';
import type { ManagementSettings } from '../settings/management';
import { isUsable, resultCoverage } from './coverage';
import type { DiagnosticInput } from './input';
import { judgeLevels, walkManagerLevels, type LevelBehaviour } from './management-chain';
import { managementFindings } from './management-findings';
import {
  managerFlags,
  type AdoptionRisk,
  type ManagementData,
  type ManagementLevel,
  type ManagementResult,
  type ManagerFlag,
} from './management-types';

const riskOrder: readonly AdoptionRisk[] = ['low', 'moderate', 'high'];

function raise(risk: AdoptionRisk): AdoptionRisk {
  return riskOrder[Math.min(riskOrder.indexOf(risk) + 1, riskOrder.length - 1)] ?? 'high';
}

/**
 * Releases the per-level counts as one partition of the chain's managers (each counts at one level):
 * a level under k managers is withheld, and so is the next-smallest when subtraction from the chain's
 * total would reveal it. Every figure of a level shares that level's fate.
 */
function releaseLevels(
  behaviour: readonly LevelBehaviour[] | null,
  managersPerLevel: readonly number[],
  guard: PrivacyGuard,
  settings: ManagementSettings,
  groupShown: boolean,
): { levels: ManagementLevel[]; suppressed: number } {
  const total = managersPerLevel.reduce((sum, n) => sum + n, 0);
  const present = managersPerLevel.flatMap((n, index) => (n > 0 ? [index] : []));
  const measured = groupShown && behaviour !== null;
  const table = guard.releaseTable(
    measured
      ? present.map((index) => ({
          dims: { level: String(index + 1) },
          n: managersPerLevel[index] ?? 0,
          value: behaviour[index]?.genuine ?? null,
        }))
      : [],
    total,
  );
  const noFlags = Object.fromEntries(managerFlags.map((flag) => [flag, null])) as Record<ManagerFlag, null>;
  const levels = managersPerLevel.map((managers, index): ManagementLevel => {
    const cell = table.cells[present.indexOf(index)];
    const seen = behaviour?.[index];
    const shown = cell !== undefined && cell.suppressed === null && seen !== undefined;
    const genuine = shown ? seen.genuine : null;
    const shareGenuine = genuine === null || managers === 0 ? null : genuine / managers;
    return {
      level: index + 1,
      managers,
      genuine,
      shareGenuine: shareGenuine === null ? null : Math.round(shareGenuine * 10000) / 10000,
      models: shareGenuine === null ? null : shareGenuine >= settings.levelModelsShare,
      flags: shown ? { ...seen.flags } : noFlags,
      withheld: cell === undefined ? null : cell.suppressed,
    };
  });
  // A withheld level hides its genuine count and its six flag counts; a group under k hides them all.
  const hidden = measured
    ? levels.filter((level) => level.withheld !== null).length
    : groupShown
      ? 0
      : present.length;
  const suppressed = behaviour === null ? 0 : hidden * (1 + managerFlags.length);
  return { levels, suppressed };
}

function assessRisk(
  levels: readonly ManagementLevel[],
  shareGenuineInChain: number | null,
  settings: ManagementSettings,
): { risk: AdoptionRisk | null; basis: ManagementData['riskBasis'] } {
  const present = levels.filter((level) => level.managers > 0);
  if (present.length === 0) return { risk: null, basis: null };
  const known = present.filter((level) => level.models !== null);
  const notModelling = known.filter((level) => level.models === false).length;
  const faked = known.some((level) => {
    const fake = (level.flags.burst ?? 0) + (level.flags.broadcastOnly ?? 0);
    return fake * 2 >= level.managers && fake > 0;
  });
  if (known.length === present.length) {
    const base = riskOrder[Math.min(notModelling, 2)] ?? 'high';
    return { risk: faked ? raise(base) : base, basis: 'levels' };
  }
  if (notModelling >= 2) return { risk: 'high', basis: 'levels' };
  if (shareGenuineInChain === null) return { risk: null, basis: null };
  const base: AdoptionRisk = shareGenuineInChain >= settings.levelModelsShare ? 'moderate' : 'high';
  return { risk: faked ? raise(base) : base, basis: 'pooled' };
}

/**
 * Diagnostic 5: walks the manager chain up from the target group and asks, per level, how many
 * managers genuinely model social learning where the group can see it, and what adoption risk follows.
 * No manager is ever named; per-level behaviour is released only over at least k managers.
 */
export function diagnoseManagementParticipation(input: DiagnosticInput): ManagementResult {
  const { snapshot, initiative, guard } = input;
  const settings = input.settings.management;
  const members = indexesOf(snapshot, initiative.targetGroup);
  const directory = isUsable(snapshot, 'directory');
  const channel = isUsable(snapshot, 'channelMessages');
  const social = channel || isUsable(snapshot, 'engageActivityReport');
  const chain = walkManagerLevels(snapshot, directory ? members : [], settings.levels);
  const managersPerLevel = chain.levels.map((level) => level.length);
  const behaviour = social ? judgeLevels(snapshot, members, chain, settings, channel) : null;
  const groupShown = guard.releaseValue(members.length, members.length) !== null;
  const { levels, suppressed } = releaseLevels(behaviour, managersPerLevel, guard, settings, groupShown);

  const managersInChain = managersPerLevel.reduce((sum, n) => sum + n, 0);
  const genuineRaw = behaviour === null ? null : behaviour.reduce((sum, level) => sum + level.genuine, 0);
  const genuineInChain =
    groupShown && genuineRaw !== null ? guard.releaseValue(managersInChain, genuineRaw) : null;
  const shareGenuineInChain =
    genuineInChain === null || managersInChain === 0
      ? null
      : Math.round((genuineInChain / managersInChain) * 10000) / 10000;
  const { risk, basis } = assessRisk(levels, shareGenuineInChain, settings);
  const present = levels.filter((level) => level.managers > 0);
  const data: ManagementData = {
    groupSize: members.length,
    levels,
    levelsPresent: present.length,
    levelsModelling: levels.filter((level) => level.models === true).length,
    levelsWithheld: present.filter((level) => level.withheld !== null).length,
    managersInChain,
    genuineInChain,
    shareGenuineInChain,
    adoptionRisk: risk,
    riskBasis: basis,
    timelyAssessed: channel,
  };
  const used: DataSource[] = ['directory', 'channelMessages', 'engageActivityReport'];
  return {
    diagnostic: 'managementParticipation',
    headline: {
      label: 'Levels of management modelling social learning',
      value: basis === 'levels' && data.levelsWithheld === 0 ? data.levelsModelling : null,
      unit: `of ${settings.levels}`,
    },
    data,
    findings: managementFindings(data, { k: guard.k, settings, directory, social, groupShown }),
    coverage: resultCoverage(snapshot, used),
    suppressedCells:
      suppressed + (genuineRaw !== null && genuineInChain === null && managersInChain > 0 ? 1 : 0),
  };
}
