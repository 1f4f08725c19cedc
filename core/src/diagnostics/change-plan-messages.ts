import type { Cadence, SolutionFeature, WorkMode } from '../model/initiative';
import type { PrivacyGuard } from '../privacy/types';
import type { ChangePlanSettings } from '../settings/change-plan';
import type { PlanChannel, SpellItOutMessage } from './change-plan-types';
import { notSetSegment, type LearnerSegment, type LearnersResult } from './learners-types';
import { percent } from './phrasing';
import { modeWords } from './work-modes';
import type { FeatureFit } from './workflow-fit-types';

/** A design feature with its fit. */
export interface PlannedFeature {
  readonly design: SolutionFeature;
  readonly fit: FeatureFit;
}

const cadenceWords: Readonly<Record<Cadence, string>> = {
  daily: ', a few minutes a day',
  weekly: ', once a week',
  biweekly: ', every other week',
  monthly: ', once a month',
  once: '',
  onDemand: ', whenever you need it',
};

const acknowledge = 'Got it';

function ask(mode: WorkMode | null, feature: string): string {
  switch (mode) {
    case 'channelPosts':
      return `Next time you would post a question, post it in ${feature} and answer one from someone else.`;
    case 'chat':
      return `Next time you would ask a colleague in a private chat, ask in ${feature} instead: the answer then helps everyone with the same question.`;
    case 'meetings':
    case 'calls':
      return `Bring one question from your next meeting to ${feature}, so that the answer outlasts the meeting.`;
    case 'email':
      return `Instead of emailing a question to a few colleagues, post it in ${feature}; replies reach you just as email does.`;
    case 'engage':
      return `Share one thing you learned this week in ${feature} and react to someone else's.`;
    case 'sharedFiles':
      return `When you share a file anyway, share it in ${feature} with one line on what you learned from it.`;
    default:
      return `Try ${feature} once in its first week and tell us what would make it easier.`;
  }
}

/** The design feature a segment meets first: one in its own mode, else the best-fitting one. */
function featureFor(mode: WorkMode | null, features: readonly PlannedFeature[]): PlannedFeature | null {
  const same = features.find((entry) => entry.design.mode === mode);
  if (same !== undefined) return same;
  let best: PlannedFeature | null = null;
  for (const entry of features)
    if (best === null || (entry.fit.score ?? -1) > (best.fit.score ?? -1)) best = entry;
  return best;
}

/** The message text: the segment's current work first, then the bridge to the feature, then one ask. */
export function messageText(
  audience: string,
  mode: WorkMode | null,
  share: number | null,
  features: readonly PlannedFeature[],
  initiativeName: string,
  lowShare: number,
): string {
  const opening =
    mode === null
      ? `${audience}: ${initiativeName} starts soon.`
      : `${audience}: most of your work with colleagues happens in ${modeWords[mode].noun} today.`;
  const low = share !== null && share < lowShare;
  const openly =
    share === null
      ? ''
      : low
        ? ` Learning in the open (asking, answering and sharing where others can see) is new for most of you (${percent(share)} today), so start small.`
        : ` ${percent(share)} of you already learn in the open: asking, answering and sharing where others can see.`;
  const target = featureFor(mode, features);
  if (target === null) return `${opening}${openly} Press “${acknowledge}” so that we know this reached you.`;
  const name = `“${target.design.name}”`;
  const bridge =
    target.design.mode === mode && mode !== null
      ? ` ${name} runs in ${modeWords[mode].noun} too: one more ${modeWords[mode].unit} in a place you already use${cadenceWords[target.design.cadence]}.`
      : ` ${name} runs in ${modeWords[target.design.mode].noun}${cadenceWords[target.design.cadence]}; it is linked from ${mode === null ? 'your team channel' : modeWords[mode].noun}, one click from where you already work.`;
  const plain = ask(mode, name);
  const request = low ? `Start small: ${plain.charAt(0).toLowerCase()}${plain.slice(1)}` : plain;
  return `${opening}${openly}${bridge} ${request} Press “${acknowledge}” so that we know this reached you.`;
}

/** What the messages are written from. */
export interface MessageSources {
  readonly learners: LearnersResult;
  readonly features: readonly PlannedFeature[];
  readonly initiativeName: string;
  readonly settings: ChangePlanSettings;
  readonly guard: PrivacyGuard;
  readonly week: number;
  readonly channel: PlanChannel;
}

/**
 * One "spell it out" message per released segment, written from its own dominant mode and share
 * learning social. Segments withheld under k (and people without the attribute) are folded into one
 * "everyone else" message when that remainder has k people, and left out otherwise. Nobody is named.
 */
export function spellItOut(sources: MessageSources): {
  messages: SpellItOutMessage[];
  merged: number;
  omitted: number;
} {
  const { learners, settings, guard } = sources;
  const dimension = settings.messageSegmentBy;
  const segments = learners.data.segments[dimension];
  const shown = segments.filter(
    (segment): segment is LearnerSegment & { size: number } =>
      segment.size !== null && segment.suppressed === null && segment.value !== notSetSegment,
  );
  const folded = segments.length - shown.length;
  const make = (
    id: string,
    dim: SpellItOutMessage['dimension'],
    audience: string,
    size: number,
    mode: WorkMode | null,
    share: number | null,
  ): SpellItOutMessage => ({
    id: `message:${dim}:${id}`,
    dimension: dim,
    audience,
    size,
    currentMode: mode,
    shareLearningSocial: share,
    week: sources.week,
    channel: sources.channel,
    title: `${sources.initiativeName}: what changes for ${audience}`,
    text: messageText(
      audience,
      mode,
      share,
      sources.features,
      sources.initiativeName,
      settings.lowSocialShare,
    ),
    acknowledge,
  });
  const messages = shown.map((segment) =>
    make(
      segment.value,
      dimension,
      segment.value,
      segment.size,
      segment.dominantMode,
      segment.shareLearningSocial,
    ),
  );
  const rest = learners.data.groupSize - shown.reduce((sum, segment) => sum + segment.size, 0);
  const restShown = rest > 0 ? guard.releaseValue(rest, rest) : null;
  if (restShown !== null) {
    const everyone = shown.length === 0;
    messages.push(
      make(
        everyone ? 'everyone' : 'everyone-else',
        'group',
        everyone ? 'Everyone in the group' : 'Everyone else in the group',
        restShown,
        learners.data.dominantMode,
        everyone ? learners.data.shareLearningSocial : null,
      ),
    );
  }
  return {
    messages,
    merged: restShown === null ? 0 : folded,
    omitted: restShown === null && rest > 0 ? Math.max(folded, 1) : 0,
  };
}
