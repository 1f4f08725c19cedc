import type { SolutionFeature, WorkMode } from '../model/initiative';
import type { Evidence } from '../model/result';
import type { WorkflowFitSettings } from '../settings/workflow-fit';
import { isObservable, modeSignals, modeWords, rhythmCadences, type RhythmCadence } from './work-modes';
import type { FeatureFit, ModeUsage, Recommendation } from './workflow-fit-types';
import { bestSlot, sessionBins, slotLabel, type HourOfWeekHeatmap } from './workflow-timing';

/**
 * Modes that can carry the same kind of feature, most open first: an asynchronous discussion can live
 * in a channel or in Engage, a live session in a meeting or a call, a digest in a channel instead of email.
 */
const substitutes: Readonly<Record<WorkMode, readonly WorkMode[]>> = {
  channelPosts: ['engage'],
  engage: ['channelPosts'],
  chat: ['channelPosts'],
  meetings: ['calls'],
  calls: ['meetings'],
  email: ['channelPosts', 'engage'],
  sharedFiles: ['channelPosts'],
  externalLms: ['channelPosts', 'engage', 'sharedFiles'],
};

function signalsOf(mode: WorkMode): string[] {
  return isObservable(mode) ? [...modeSignals[mode].use] : [];
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function quoted(name: string): string {
  return `“${name}”`;
}

/** The released mode with the highest weekly use among `candidates`; ties keep the earlier candidate. */
function mostUsed(
  modes: readonly ModeUsage[],
  candidates: readonly WorkMode[],
): { mode: WorkMode; share: number } | null {
  let best: { mode: WorkMode; share: number } | null = null;
  for (const candidate of candidates) {
    const share = modes.find((entry) => entry.mode === candidate)?.weeklyUsers ?? null;
    if (share !== null && (best === null || share > best.share)) best = { mode: candidate, share };
  }
  return best;
}

function weeklyEvidence(mode: WorkMode, share: number, groupSize: number): Evidence {
  return {
    label: `Share of the group using ${modeWords[mode].noun} weekly`,
    value: share,
    unit: 'share',
    n: groupSize,
    from: signalsOf(mode),
  };
}

function modeMoves(
  feature: SolutionFeature,
  fit: FeatureFit,
  modes: readonly ModeUsage[],
  settings: WorkflowFitSettings,
  groupSize: number,
): Recommendation[] {
  const name = quoted(feature.name);
  const everyMode = modes.filter((entry) => entry.mode !== 'externalLms').map((entry) => entry.mode);
  if (fit.mode === 'externalLms') {
    const host = mostUsed(modes, substitutes.externalLms);
    if (host === null) return [];
    return [
      {
        featureId: feature.id,
        code: 'bridge-habit',
        text:
          `LearnFit cannot see use of the external learning platform, and it sits outside daily work. ` +
          `Link ${name} from ${modeWords[host.mode].noun}, where ${percent(host.share)} of the group ` +
          `is active weekly, so that it is one click from where people already are.`,
        evidence: [weeklyEvidence(host.mode, host.share, groupSize)],
      },
    ];
  }
  if (fit.adoption === null) return [];
  const better = mostUsed(modes, substitutes[fit.mode]);
  const weak = fit.outsideCurrentWork || fit.adoption < settings.weakPart;
  if (weak && better !== null && better.share >= fit.adoption + settings.minimumGain) {
    return [
      {
        featureId: feature.id,
        code: 'move-mode',
        text:
          `Run ${name} in ${modeWords[better.mode].noun}, where ${percent(better.share)} of the group ` +
          `already ${modeWords[better.mode].verb} weekly, not in ${modeWords[fit.mode].noun} ` +
          `(${percent(fit.adoption)}).`,
        evidence: [
          weeklyEvidence(better.mode, better.share, groupSize),
          weeklyEvidence(fit.mode, fit.adoption, groupSize),
        ],
      },
    ];
  }
  if (fit.outsideCurrentWork) {
    const home = mostUsed(modes, everyMode);
    if (home === null || home.mode === fit.mode) return [];
    return [
      {
        featureId: feature.id,
        code: 'bridge-habit',
        text:
          `${fit.adoption === 0 ? 'Nobody in the group' : `Only ${percent(fit.adoption)} of the group`} ` +
          `${modeWords[fit.mode].verb} weekly, so ${name} ` +
          `asks for a new habit. Announce every round of it in ${modeWords[home.mode].noun}, where ` +
          `${percent(home.share)} are active weekly, and link to it from there.`,
        evidence: [
          weeklyEvidence(fit.mode, fit.adoption, groupSize),
          weeklyEvidence(home.mode, home.share, groupSize),
        ],
      },
    ];
  }
  if (fit.score !== null && fit.score >= settings.keepFromScore) {
    return [
      {
        featureId: feature.id,
        code: 'keep',
        text:
          `Keep ${name} in ${modeWords[fit.mode].noun}: ${percent(fit.adoption)} of the group already ` +
          `${modeWords[fit.mode].verb} weekly, so it fits how they work today.`,
        evidence: [weeklyEvidence(fit.mode, fit.adoption, groupSize)],
      },
    ];
  }
  return [];
}

function timingMove(
  feature: SolutionFeature,
  fit: FeatureFit,
  heatmap: HourOfWeekHeatmap,
  settings: WorkflowFitSettings,
): Recommendation[] {
  const planned = feature.plannedTimes[0];
  if (fit.timing === null || fit.timing >= settings.weakPart || planned === undefined) return [];
  const slot = bestSlot(heatmap.values, planned.durationMinutes, settings.typicalActiveHoursPerWeek);
  if (slot === null || slot.timing < fit.timing + settings.minimumGain) return [];
  const atBest = heatmap.values[slot.dayOfWeek * 24 + slot.hour] ?? null;
  const atPlanned = heatmap.values[sessionBins(planned)[0] ?? 0] ?? null;
  const now =
    atPlanned === null ? 'too few to show at the planned time' : `${percent(atPlanned)} at the planned time`;
  return [
    {
      featureId: feature.id,
      code: 'move-time',
      text:
        `Move ${quoted(feature.name)} from ${slotLabel(planned.dayOfWeek, planned.hour)} to ` +
        `${slotLabel(slot.dayOfWeek, slot.hour)}: ${atBest === null ? 'more' : percent(atBest)} of the ` +
        `group's channel and Engage users have been active in that hour, against ${now}.`,
      evidence: [
        {
          label: 'Timing fit at the planned time',
          value: fit.timing,
          unit: 'share',
          n: heatmap.peopleWithData ?? 0,
          from: ['hourOfWeek'],
        },
        {
          label: 'Timing fit at the proposed time',
          value: slot.timing,
          unit: 'share',
          n: heatmap.peopleWithData ?? 0,
          from: ['hourOfWeek'],
        },
      ],
    },
  ];
}

function cadenceMove(
  feature: SolutionFeature,
  fit: FeatureFit,
  modes: readonly ModeUsage[],
  settings: WorkflowFitSettings,
  groupSize: number,
): Recommendation[] {
  const match = fit.cadenceMatch;
  if (match === null || match >= settings.weakPart) return [];
  const usage = modes.find((entry) => entry.mode === fit.mode);
  const from = rhythmCadences.indexOf(fit.cadence as RhythmCadence);
  if (usage === undefined || from < 0) return [];
  const lighter = rhythmCadences
    .slice(from + 1)
    .find((cadence) => (usage.rhythmMatch[cadence] ?? 0) >= match + settings.minimumGain);
  if (lighter === undefined) return [];
  const lighterMatch = usage.rhythmMatch[lighter] ?? 0;
  return [
    {
      featureId: feature.id,
      code: 'lighter-cadence',
      text:
        `Start ${quoted(feature.name)} ${lighter} rather than ${fit.cadence}: the people who use ` +
        `${modeWords[fit.mode].noun} keep ${percent(match)} of a ${fit.cadence} rhythm there ` +
        `today but ${percent(lighterMatch)} of a ${lighter} one. Raise the pace once the habit holds.`,
      evidence: [
        {
          label: `Match with a ${fit.cadence} rhythm`,
          value: match,
          unit: 'share',
          n: groupSize,
          from: signalsOf(fit.mode),
        },
        {
          label: `Match with a ${lighter} rhythm`,
          value: lighterMatch,
          unit: 'share',
          n: groupSize,
          from: signalsOf(fit.mode),
        },
      ],
    },
  ];
}

function intensityMove(
  feature: SolutionFeature,
  fit: FeatureFit,
  modes: readonly ModeUsage[],
  settings: WorkflowFitSettings,
  groupSize: number,
): Recommendation[] {
  if (fit.intensity === null || fit.intensity >= settings.weakPart || fit.outsideCurrentWork) return [];
  const median = modes.find((entry) => entry.mode === fit.mode)?.medianPerActiveWeek ?? null;
  if (median === null) return [];
  return [
    {
      featureId: feature.id,
      code: 'seed-activity',
      text:
        `Expect light use: in a week when people use ${modeWords[fit.mode].noun}, the typical count is ` +
        `${median}. Ask champions to open ${quoted(feature.name)} with the first contributions so that ` +
        `others find something to join.`,
      evidence: [
        {
          label: `Median contributions per active week in ${modeWords[fit.mode].noun}`,
          value: median,
          unit: 'count',
          n: groupSize,
          from: signalsOf(fit.mode),
        },
      ],
    },
  ];
}

/**
 * Concrete moves per feature, built only from released figures: change the mode to one the group
 * already uses, keep what fits, move a session to the group's active hours, start at a lighter cadence,
 * seed thin modes, and bridge features that sit outside today's work.
 */
export function recommend(
  design: readonly SolutionFeature[],
  fits: readonly FeatureFit[],
  modes: readonly ModeUsage[],
  heatmap: HourOfWeekHeatmap,
  settings: WorkflowFitSettings,
  groupSize: number,
): Recommendation[] {
  return design.flatMap((feature, index) => {
    const fit = fits[index];
    if (fit === undefined) return [];
    return [
      ...modeMoves(feature, fit, modes, settings, groupSize),
      ...timingMove(feature, fit, heatmap, settings),
      ...cadenceMove(feature, fit, modes, settings, groupSize),
      ...intensityMove(feature, fit, modes, settings, groupSize),
    ];
  });
}
