import type { Finding, Severity } from '../model/result';
import type { ManagementSettings } from '../settings/management';
import type { AdoptionRisk, ManagementData, ManagementLevel, ManagerFlag } from './management-types';

/** What the findings need besides the released data. */
export interface ManagementFindingContext {
  readonly k: number;
  readonly settings: ManagementSettings;
  readonly directory: boolean;
  readonly social: boolean;
  readonly groupShown: boolean;
}

const riskSeverity: Readonly<Record<AdoptionRisk, Severity>> = {
  low: 'positive',
  moderate: 'warning',
  high: 'critical',
};

const flagWords: Readonly<Record<ManagerFlag, string>> = {
  burst: 'were active in one short burst rather than week after week',
  broadcastOnly: 'post without replying to the group (broadcast only)',
  absent: 'show no activity in channels or Engage at all',
  sporadic: 'are active in fewer than half the weeks',
  slow: 'take more than a business day to reply',
  notVisible: 'rarely interact with the group where it can see them',
};

const riskWords: Readonly<Record<AdoptionRisk, string>> = {
  low: 'Adoption risk is low: the group sees its management chain model the behaviour.',
  moderate: 'Adoption risk is moderate: part of the chain does not visibly model the behaviour yet.',
  high: 'Adoption risk is high: most of the chain does not visibly model the behaviour, so the group has little reason to believe the initiative matters.',
};

function levelEvidence(level: ManagementLevel) {
  return {
    label: `Level ${level.level}: managers who genuinely model`,
    value: level.genuine,
    unit: 'managers',
    n: level.managers,
    from: ['channelPosts', 'channelReplies', 'engagePosts', 'repliesToOthers', 'edges', 'latencies'],
  };
}

function headlineFinding(data: ManagementData, settings: ManagementSettings): Finding | null {
  if (data.adoptionRisk === null) return null;
  const levels = data.levels.filter((level) => level.managers > 0);
  const counted =
    data.riskBasis === 'levels' && data.levelsWithheld === 0
      ? `${data.levelsModelling} of ${settings.levels} levels of management above the group genuinely model social learning where the group can see it.`
      : `Across all ${data.managersInChain} managers on the ${data.levelsPresent} levels above the group, ${data.genuineInChain ?? 0} genuinely model social learning where the group can see it.`;
  return {
    code: 'management.levels-modelling',
    severity: riskSeverity[data.adoptionRisk],
    text: `${counted} ${riskWords[data.adoptionRisk]}`,
    evidence: levels.map(levelEvidence),
  };
}

function flagFindings(data: ManagementData): Finding[] {
  return data.levels.flatMap((level): Finding[] => {
    if (level.genuine === null || level.managers === 0) return [];
    let worst: { flag: ManagerFlag; count: number } | null = null;
    for (const [flag, count] of Object.entries(level.flags) as [ManagerFlag, number | null][]) {
      if (count !== null && count > 0 && (worst === null || count > worst.count)) worst = { flag, count };
    }
    if (worst === null) return [];
    const fake = worst.flag === 'burst' || worst.flag === 'broadcastOnly';
    return [
      {
        code: fake ? 'management.not-genuine' : 'management.shortfall',
        severity: fake && worst.count * 2 >= level.managers ? 'warning' : 'info',
        text:
          `At level ${level.level}, ${worst.count} of ${level.managers} managers ${flagWords[worst.flag]}.` +
          (fake ? ' A group notices modelling that is not genuine, and momentum stalls.' : ''),
        evidence: [
          {
            label: `Level ${level.level}: ${worst.flag}`,
            value: worst.count,
            unit: 'managers',
            n: level.managers,
            from: ['signals', 'edges'],
          },
        ],
      },
    ];
  });
}

function gapFindings(data: ManagementData, context: ManagementFindingContext): Finding[] {
  const { k, settings } = context;
  const findings: Finding[] = [];
  if (!context.groupShown) {
    findings.push({
      code: 'management.group-below-k',
      severity: 'warning',
      text: `The target group has fewer than ${k} people in the data, so management figures for it are not shown.`,
      evidence: [],
    });
    return findings;
  }
  if (!context.directory || data.levelsPresent === 0) {
    findings.push({
      code: 'management.no-chain',
      severity: 'warning',
      text: context.directory
        ? 'The directory shows no managers above the target group, so management participation cannot be read.'
        : 'The directory was not collected, so the management chain above the group is unknown.',
      evidence: [],
    });
    return findings;
  }
  if (!context.social) {
    findings.push({
      code: 'management.no-social-data',
      severity: 'warning',
      text: 'Neither channel messages nor Engage activity were collected, so modelling cannot be observed.',
      evidence: [],
    });
  }
  if (data.levelsPresent < settings.levels) {
    findings.push({
      code: 'management.short-chain',
      severity: 'info',
      text: `The directory shows ${data.levelsPresent} level${data.levelsPresent === 1 ? '' : 's'} of management above the group rather than ${settings.levels}; the verdict covers the levels that exist.`,
      evidence: [],
    });
  }
  const withheld = data.levels.filter((level) => level.withheld !== null);
  if (withheld.length > 0) {
    findings.push({
      code: 'management.levels-withheld',
      severity: 'info',
      text:
        `Behaviour at level ${withheld.map((level) => level.level).join(' and ')} is not shown: each level's figures ` +
        `need at least ${k} managers, so that no manager's own behaviour can be read from them.`,
      evidence: [],
    });
  }
  if (!data.timelyAssessed && context.social) {
    findings.push({
      code: 'management.timeliness-unknown',
      severity: 'info',
      text: 'Reply times come from channel messages, which were not collected; timeliness was not required.',
      evidence: [],
    });
  }
  return findings;
}

/** The management findings a learning leader can read aloud; managers are never named. */
export function managementFindings(data: ManagementData, context: ManagementFindingContext): Finding[] {
  const headline = headlineFinding(data, context.settings);
  return [...(headline === null ? [] : [headline]), ...flagFindings(data), ...gapFindings(data, context)];
}
