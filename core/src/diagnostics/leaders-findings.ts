import type { AttributeName } from '../attributes/learns-social';
import { attributeWords } from '../attributes/words';
import type { Finding, ResultCoverage, Severity } from '../model/result';
import type { DiagnosticSettings } from '../settings/index';
import type { LeadersData } from './leaders-types';
import { countOf, figure, percent, ratioPhrase } from './phrasing';
import { notInSnapshotFinding, unscorableFinding } from './scope-findings';

/** What the leader findings need besides the released data. */
export interface LeaderFindingContext {
  readonly settings: DiagnosticSettings;
  readonly k: number;
  readonly learnersSize: number;
  readonly scorable: Readonly<Record<AttributeName, boolean>>;
  readonly required: number;
  readonly coverage: ResultCoverage;
}

const learnsSocialSignals = ['participatory', 'timely', 'transparent', 'current'];

function learnSocialFindings(data: LeadersData, context: LeaderFindingContext): Finding[] {
  const share = data.shareLearnSocial;
  if (share === null || data.learnSocial === null) return [];
  const behindBy = context.settings.leaders.behindLearnersPoints / 100;
  const theirs = data.learnersShareLearnSocial;
  const behind = theirs !== null && share < theirs - behindBy;
  const severity: Severity = behind ? 'warning' : share >= 0.5 ? 'positive' : 'info';
  const findings: Finding[] = [
    {
      code: 'leaders.learn-social',
      severity,
      text: `${countOf(data.learnSocial, data.teamSize)} design-team leaders learn social (${percent(share)}).`,
      evidence: [
        {
          label: 'Leaders who learn social',
          value: share,
          unit: 'share',
          n: data.teamSize,
          from: learnsSocialSignals,
        },
      ],
    },
  ];
  if (behind && theirs !== null) {
    findings.push({
      code: 'leaders.behind-learners',
      severity: 'warning',
      text: `Fewer of the design team learn social (${percent(share)}) than of the learners (${percent(theirs)}): the team would be asking learners for habits it does not show itself.`,
      evidence: [
        {
          label: 'Leaders who learn social',
          value: share,
          unit: 'share',
          n: data.teamSize,
          from: learnsSocialSignals,
        },
        {
          label: 'Learners who learn social',
          value: theirs,
          unit: 'share',
          n: context.learnersSize,
          from: learnsSocialSignals,
        },
      ],
    });
  }
  return findings;
}

function channelFinding(data: LeadersData, context: LeaderFindingContext): Finding[] {
  const { leadersPerPersonWeek: mine, learnersPerPersonWeek: theirs, ratio } = data.channelContrast;
  if (mine === null || theirs === null) return [];
  const evidence = [
    {
      label: 'Design team: channel posts and replies per person per week',
      value: mine,
      unit: 'per person-week',
      n: data.teamSize,
      from: ['channelPosts', 'channelReplies'],
    },
    {
      label: 'Learners: channel posts and replies per person per week',
      value: theirs,
      unit: 'per person-week',
      n: context.learnersSize,
      from: ['channelPosts', 'channelReplies'],
    },
  ];
  const rates = `${figure(mine)} against ${figure(theirs)} posts and replies per person per week`;
  if (ratio === null) {
    return mine > 0
      ? [
          {
            code: 'leaders.channel-posting',
            severity: 'positive',
            text: `The design team posts in channels (${figure(mine)} per person per week); the learners do not post at all.`,
            evidence,
          },
        ]
      : [];
  }
  const warn = context.settings.leaders.postingRatioWarning;
  const severity: Severity = ratio < warn ? 'warning' : ratio > 1 / warn ? 'positive' : 'info';
  const text =
    ratio === 0
      ? `The design team does not post in channels at all, while the learners post ${figure(theirs)} times per person per week.`
      : `The design team posts in channels ${ratioPhrase(ratio)} the learners do (${rates}).`;
  return [{ code: 'leaders.channel-posting', severity, text, evidence }];
}

function attributeFindings(data: LeadersData, context: LeaderFindingContext): Finding[] {
  const findings: Finding[] = [];
  const behindBy = context.settings.leaders.behindLearnersPoints / 100;
  const gapPoints = context.settings.leaders.selfGapPoints;
  for (const comparison of data.attributes) {
    const words = attributeWords[comparison.attribute];
    const mine = comparison.leadersShareMeetingBar;
    const theirs = comparison.learnersShareMeetingBar;
    if (mine !== null && theirs !== null && mine < theirs - behindBy) {
      findings.push({
        code: 'leaders.attribute-behind',
        severity: 'warning',
        text: `Fewer leaders than learners are ${words.adjective} (${percent(mine)} against ${percent(theirs)}), that is, ${words.meaning}.`,
        evidence: [
          {
            label: `Leaders ${words.adjective}`,
            value: mine,
            unit: 'share',
            n: data.teamSize,
            from: words.signals,
          },
          {
            label: `Learners ${words.adjective}`,
            value: theirs,
            unit: 'share',
            n: context.learnersSize,
            from: words.signals,
          },
        ],
      });
    }
    const gap = comparison.selfMinusObserved;
    const self = comparison.leadersSelfScore;
    if (gap !== null && self !== null && Math.abs(gap) >= gapPoints) {
      const more = gap > 0;
      findings.push({
        code: more ? 'leaders.self-overrated' : 'leaders.self-underrated',
        severity: more ? 'warning' : 'info',
        text: `Leaders rate themselves as ${more ? 'more' : 'less'} ${words.adjective} than their activity shows (${figure(Math.abs(gap))} points ${more ? 'above' : 'below'} the observed score on a scale of 100).`,
        evidence: [
          {
            label: `Self-assessed ${words.adjective}`,
            value: self,
            unit: 'of 100',
            n: data.respondents ?? 0,
            from: ['pulse'],
          },
          {
            label: 'Self minus observed',
            value: gap,
            unit: 'points',
            n: data.respondents ?? 0,
            from: ['pulse', ...words.signals],
          },
        ],
      });
    }
  }
  return findings;
}

function scopeFindings(data: LeadersData, context: LeaderFindingContext): Finding[] {
  const findings: Finding[] = [];
  if (data.teamSize === 0) {
    findings.push({
      code: 'leaders.no-team',
      severity: 'warning',
      text: 'No design-team member was found in the data, so the leader diagnostic has no one to look at. Name the design and implementation team in the initiative.',
      evidence: [],
    });
  } else if (data.teamSize < context.k) {
    findings.push({
      code: 'leaders.team-below-k',
      severity: 'info',
      text: `The design team has fewer than ${context.k} people in the data, so team figures are withheld to protect individuals. Each leader can open their own profile and may share it with the team.`,
      evidence: [],
    });
  }
  findings.push(
    ...notInSnapshotFinding(
      'leaders.not-in-snapshot',
      data.notInSnapshot,
      'of the named design-team members are',
      'Members not found',
    ),
    ...unscorableFinding(
      'leaders.attributes-unscorable',
      context.scorable,
      context.required,
      context.coverage.note,
    ),
  );
  return findings;
}

/** The leader diagnostic's findings, from released figures only. */
export function leaderFindings(data: LeadersData, context: LeaderFindingContext): Finding[] {
  return [
    ...scopeFindings(data, context),
    ...learnSocialFindings(data, context),
    ...channelFinding(data, context),
    ...attributeFindings(data, context),
  ];
}
