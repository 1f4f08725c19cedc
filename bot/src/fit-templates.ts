import { cadences, workModes, type Cadence, type SolutionFeature, type WorkMode } from '@learnfit/core';

/** A proposed learning format the quick fit check offers. */
export interface FitTemplate {
  readonly id: string;
  readonly title: string;
  readonly mode: WorkMode;
  readonly cadence: Cadence;
  readonly synchronous: boolean;
  /** Words in a message that suggest this format (matched in memory only; the text is never kept). */
  readonly cue: RegExp;
}

/** The formats offered in the dialog, in display order. */
export const fitTemplates: readonly FitTemplate[] = [
  {
    id: 'discussion-channel',
    title: 'Discussion channel',
    mode: 'channelPosts',
    cadence: 'weekly',
    synchronous: false,
    cue: /\b(discussion|channel|thread|forum)s?\b/,
  },
  {
    id: 'peer-qa',
    title: 'Peer Q&A',
    mode: 'chat',
    cadence: 'weekly',
    synchronous: false,
    cue: /\b(q ?& ?a|q and a|questions?|ask (each other|a peer|peers)|peer[- ]to[- ]peer|buddy)\b/,
  },
  {
    id: 'live-session',
    title: 'Live session',
    mode: 'meetings',
    cadence: 'biweekly',
    synchronous: true,
    cue: /\b(live|session|webinar|workshop|meet-?up|town ?hall|lunch ?(and|&) ?learn)s?\b/,
  },
  {
    id: 'engage-community',
    title: 'Viva Engage community',
    mode: 'engage',
    cadence: 'weekly',
    synchronous: false,
    cue: /\b(viva engage|engage|yammer|community|communities)\b/,
  },
  {
    id: 'shared-notebook',
    title: 'Shared notebook',
    mode: 'sharedFiles',
    cadence: 'weekly',
    synchronous: false,
    cue: /\b(onenote|notebook|wiki|shared (doc|document|file|page)s?|loop)\b/,
  },
  {
    id: 'external-lms',
    title: 'External LMS module',
    mode: 'externalLms',
    cadence: 'monthly',
    synchronous: false,
    cue: /\b(lms|e-?learning|course|module|cornerstone|moodle|degreed|linkedin learning)s?\b/,
  },
];

/** Longest message text the matcher reads; the rest is ignored. */
const maxMessageChars = 20_000;

/**
 * Template ids whose cue words appear in a message (for pre-filling the dialog). Markup is removed and
 * the text is only read here: it is neither returned, stored nor logged.
 */
export function templatesInMessage(content: string | null | undefined): string[] {
  if (!content) return [];
  const plain = content
    .slice(0, maxMessageChars)
    .replace(/<[^>]*>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&nbsp;/g, ' ')
    .toLowerCase();
  return fitTemplates.filter((template) => template.cue.test(plain)).map((template) => template.id);
}

/** What the dialog sends back on submit (Adaptive Card inputs are strings). */
export interface FitFormData {
  readonly templates?: unknown;
  readonly customName?: unknown;
  readonly customMode?: unknown;
  readonly customCadence?: unknown;
  readonly customSync?: unknown;
}

/** Why a submitted form cannot be checked. */
export class FitFormError extends Error {
  readonly code = 'invalid_fit_form';
}

const maxFeatures = 7;

/** The features a submitted form describes: the chosen templates plus an optional custom one. */
export function featuresFromForm(data: FitFormData): SolutionFeature[] {
  const chosen =
    typeof data.templates === 'string' ? data.templates.split(',').filter((id) => id !== '') : [];
  const features: SolutionFeature[] = [];
  for (const id of new Set(chosen)) {
    const template = fitTemplates.find((candidate) => candidate.id === id);
    if (!template) throw new FitFormError(`Unknown format ${id.slice(0, 40)}.`);
    features.push({
      id: template.id,
      name: template.title,
      mode: template.mode,
      cadence: template.cadence,
      synchronous: template.synchronous,
      plannedTimes: [],
      groupSize: null,
    });
  }
  const mode = data.customMode;
  if (typeof mode === 'string' && mode !== '') {
    if (!(workModes as readonly string[]).includes(mode)) throw new FitFormError('Unknown work mode.');
    const cadence =
      typeof data.customCadence === 'string' && data.customCadence !== '' ? data.customCadence : 'weekly';
    if (!(cadences as readonly string[]).includes(cadence)) throw new FitFormError('Unknown cadence.');
    const name = typeof data.customName === 'string' ? data.customName.trim().slice(0, 80) : '';
    features.push({
      id: 'custom',
      name: name === '' ? 'Custom format' : name,
      mode: mode as WorkMode,
      cadence: cadence as Cadence,
      synchronous: data.customSync === 'true' || data.customSync === true,
      plannedTimes: [],
      groupSize: null,
    });
  }
  if (features.length === 0) throw new FitFormError('Choose at least one format, or describe your own.');
  if (features.length > maxFeatures) throw new FitFormError(`Choose at most ${maxFeatures} formats.`);
  return features;
}
