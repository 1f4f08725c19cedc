import { attributeNames, type AttributeName } from '../attributes/learns-social';
import { attributeWords } from '../attributes/words';
import type { WorkMode } from '../model/initiative';
import type { Finding, ResultCoverage, Severity } from '../model/result';
import type { DiagnosticSettings } from '../settings/index';
import { learnerKpiFindings } from './learners-kpi-findings';
import { segmentDimensions, type LearnersData } from './learners-types';
import { capitalize, countOf, percent } from './phrasing';
import { notInSnapshotFinding, unscorableFinding } from './scope-findings';

/** What the learner findings need besides the released data. */
export interface LearnerFindingContext {
  readonly settings: DiagnosticSettings;
  readonly k: number;
  readonly scorable: Readonly<Record<AttributeName, boolean>>;
  readonly coverage: ResultCoverage;
  readonly hasComparisonGroup: boolean;
}

const modeNames: Readonly<Record<WorkMode, string>> = {
  channelPosts: 'Teams channels',
  chat: 'Teams chat',
  meetings: 'meetings',
  calls: 'calls',
  email: 'email',
  engage: 'Viva Engage',
  sharedFiles: 'shared files',
  externalLms: 'the external learning platform',
};
const allSignals = ['participatory', 'timely', 'transparent', 'current'];
const dimensionWords = { department: 'department', location: 'location', role: 'role' } as const;

function scopeFindings(data: LearnersData, context: LearnerFindingContext): Finding[] {
  const findings: Finding[] = [];
  if (data.groupSize === 0) {
    findings.push({
      code: 'learners.no-group',
      severity: 'warning',
      text: 'No member of the target group was found in the data, so there is no one to diagnose. Choose the target group in the initiative.',
      evidence: [],
    });
  } else if (data.groupSize < context.k) {
    findings.push({
      code: 'learners.group-below-k',
      severity: 'info',
      text: `The target group has fewer than ${context.k} people in the data, so its figures are withheld to protect individuals.`,
      evidence: [],
    });
  }
  findings.push(
    ...notInSnapshotFinding(
      'learners.not-in-snapshot',
      data.notInSnapshot,
      'people named in the target group are',
      'People not found',
    ),
    ...unscorableFinding(
      'learners.attributes-unscorable',
      context.scorable,
      data.attributesRequired,
      context.coverage.note,
    ),
  );
  return findings;
}

function learnSocialFindings(data: LearnersData, context: LearnerFindingContext): Finding[] {
  const share = data.shareLearningSocial;
  if (share === null || data.learnsSocial === null) return [];
  const low = context.settings.learners.lowShareLearningSocial;
  const severity: Severity =
    share < low / 2 ? 'critical' : share < low ? 'warning' : share >= 0.5 ? 'positive' : 'info';
  const findings: Finding[] = [
    {
      code: 'learners.learn-social',
      severity,
      text: `${percent(share)} of the target group learn social (${countOf(data.learnsSocial, data.groupSize)}).`,
      evidence: [
        {
          label: 'Learners who learn social',
          value: share,
          unit: 'share',
          n: data.groupSize,
          from: allSignals,
        },
      ],
    },
  ];
  const ranked = data.distributions
    .filter((entry) => entry.shareMeetingBar !== null)
    .sort(
      (a, b) =>
        (a.shareMeetingBar ?? 0) - (b.shareMeetingBar ?? 0) ||
        attributeNames.indexOf(a.attribute) - attributeNames.indexOf(b.attribute),
    );
  const weakest = ranked[0];
  if (weakest !== undefined && weakest.shareMeetingBar !== null && ranked.length > 1) {
    const words = attributeWords[weakest.attribute];
    findings.push({
      code: 'learners.weakest-attribute',
      severity: weakest.shareMeetingBar < 0.5 ? 'warning' : 'info',
      text: `${capitalize(words.adjective)} is the weakest of the four habits: ${percent(weakest.shareMeetingBar)} of the learners meet its bar (${words.meaning}).`,
      evidence: [
        {
          label: `Learners ${words.adjective}`,
          value: weakest.shareMeetingBar,
          unit: 'share',
          n: weakest.scored ?? 0,
          from: words.signals,
        },
      ],
    });
  }
  return findings;
}

function modeFindings(data: LearnersData, context: LearnerFindingContext): Finding[] {
  const findings: Finding[] = [];
  if (data.dominantMode !== null && data.modeMix !== null) {
    const dominant = data.modeMix[data.dominantMode] ?? 0;
    const channel = data.modeMix.channelPosts;
    findings.push({
      code: 'learners.dominant-mode',
      severity: data.dominantMode === 'channelPosts' || data.dominantMode === 'engage' ? 'positive' : 'info',
      text:
        `Most of the group's collaboration happens in ${modeNames[data.dominantMode]} (${percent(dominant)} of interactions, weighted)` +
        (channel !== undefined && data.dominantMode !== 'channelPosts'
          ? `; Teams channels carry ${percent(channel)}.`
          : '.'),
      evidence: Object.entries(data.modeMix).map(([mode, value]) => ({
        label: `Share of interactions in ${modeNames[mode as WorkMode]}`,
        value: value ?? null,
        unit: 'share',
        n: data.groupSize,
        from: [mode],
      })),
    });
  }
  const overall = data.shareLearningSocial;
  for (const dimension of segmentDimensions) {
    const released = data.segments[dimension].filter((segment) => segment.shareLearningSocial !== null);
    if (overall === null || released.length < 2) continue;
    const lowest = [...released].sort(
      (a, b) => (a.shareLearningSocial ?? 0) - (b.shareLearningSocial ?? 0) || (a.value < b.value ? -1 : 1),
    )[0];
    if (
      lowest === undefined ||
      (lowest.shareLearningSocial ?? 0) > overall - context.settings.learners.segmentBehindPoints / 100
    )
      continue;
    const advice =
      lowest.dominantMode === null
        ? 'spell the message out in its own workflow'
        : `it works mostly in ${modeNames[lowest.dominantMode]}, so spell the message out there`;
    findings.push({
      code: 'learners.segment-behind',
      severity: 'warning',
      text: `In the ${dimensionWords[dimension]} "${lowest.value}", ${percent(lowest.shareLearningSocial ?? 0)} learn social against ${percent(overall)} of the whole group; ${advice}.`,
      evidence: [
        {
          label: `${lowest.value}: learners who learn social`,
          value: lowest.shareLearningSocial,
          unit: 'share',
          n: lowest.size ?? 0,
          from: allSignals,
        },
        {
          label: 'Whole group: learners who learn social',
          value: overall,
          unit: 'share',
          n: data.groupSize,
          from: allSignals,
        },
      ],
    });
  }
  const withheld = segmentDimensions.reduce(
    (sum, dimension) =>
      sum + data.segments[dimension].filter((segment) => segment.suppressed !== null).length,
    0,
  );
  if (withheld > 0 && data.groupSize > 0) {
    findings.push({
      code: 'learners.segments-withheld',
      severity: 'info',
      text: `${withheld} segment${withheld === 1 ? ' is' : 's are'} withheld because ${withheld === 1 ? 'it is' : 'they are'} smaller than ${context.k} people or could be worked out from the others.`,
      evidence: [],
    });
  }
  return findings;
}

function adoptionFindings(data: LearnersData): Finding[] {
  const laggards = data.adopters.categories.find((entry) => entry.category === 'laggards');
  const formed = data.adopters.habitFormed;
  if (formed === null || laggards?.share === null || laggards === undefined || data.groupSize === 0)
    return [];
  const share = laggards.share ?? 0;
  return [
    {
      code: 'learners.adoption',
      severity: share > 0.5 ? 'warning' : share <= laggards.rogersShare ? 'positive' : 'info',
      text: `${percent(formed / data.groupSize)} of the group have formed a habit of contributing on a social surface; ${percent(share)} have not (laggards), against ${percent(laggards.rogersShare)} in Rogers' adoption curve.`,
      evidence: [
        {
          label: 'Formed the social habit',
          value: formed / data.groupSize,
          unit: 'share',
          n: data.groupSize,
          from: ['channelPosts', 'channelReplies', 'engagePosts'],
        },
        {
          label: 'Laggards',
          value: share,
          unit: 'share',
          n: data.groupSize,
          from: ['channelPosts', 'channelReplies', 'engagePosts'],
        },
      ],
    },
  ];
}

function pulseFindings(data: LearnersData, context: LearnerFindingContext): Finding[] {
  const { pulse } = data;
  if (pulse.respondents === null) {
    return data.groupSize >= context.k
      ? [
          {
            code: 'learners.pulse-too-few',
            severity: 'info',
            text: `Fewer than ${context.k} learners answered the pulse, so its results are withheld.`,
            evidence: [],
          },
        ]
      : [];
  }
  const findings: Finding[] = [];
  const gapPoints = context.settings.learners.selfGapPoints;
  for (const entry of pulse.attributes) {
    if (entry.gap === null || Math.abs(entry.gap) < gapPoints) continue;
    const more = entry.gap > 0;
    const words = attributeWords[entry.attribute];
    findings.push({
      code: more ? 'learners.self-overrated' : 'learners.self-underrated',
      severity: more ? 'warning' : 'info',
      text: `Learners see themselves as ${more ? 'more' : 'less'} ${words.adjective} than their activity shows (${Math.round(Math.abs(entry.gap))} points ${more ? 'above' : 'below'} the observed score on a scale of 100).`,
      evidence: [
        {
          label: 'Self minus observed',
          value: entry.gap,
          unit: 'points',
          n: pulse.respondents,
          from: ['pulse', ...words.signals],
        },
      ],
    });
  }
  return findings;
}

/** The learner diagnostic's findings, from released figures only. */
export function learnerFindings(data: LearnersData, context: LearnerFindingContext): Finding[] {
  return [
    ...scopeFindings(data, context),
    ...learnSocialFindings(data, context),
    ...modeFindings(data, context),
    ...adoptionFindings(data),
    ...pulseFindings(data, context),
    ...learnerKpiFindings(data.kpis, context),
  ];
}
