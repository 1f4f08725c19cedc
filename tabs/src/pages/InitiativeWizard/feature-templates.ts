import { strings } from '../../messages/strings';
import { uniqueId, type FeatureDraft } from './wizard-model';

/** The templates a feature can start from. */
export const featureTemplateKeys = [
  'discussionChannel',
  'peerQa',
  'liveSession',
  'engageCommunity',
  'sharedNotebook',
  'externalLms',
] as const;

/** A feature template. */
export type FeatureTemplateKey = (typeof featureTemplateKeys)[number];

type TemplateValues = Omit<FeatureDraft, 'id' | 'name'>;

// Values a learning designer would start from; each stays editable in the wizard.
const values: Record<FeatureTemplateKey, TemplateValues> = {
  discussionChannel: {
    mode: 'channelPosts',
    cadence: 'weekly',
    synchronous: false,
    plannedTimes: [],
    groupSize: '',
  },
  peerQa: { mode: 'channelPosts', cadence: 'onDemand', synchronous: false, plannedTimes: [], groupSize: '' },
  liveSession: {
    mode: 'meetings',
    cadence: 'biweekly',
    synchronous: true,
    plannedTimes: [{ dayOfWeek: 2, hour: 14, durationMinutes: '60' }],
    groupSize: '12',
  },
  engageCommunity: { mode: 'engage', cadence: 'weekly', synchronous: false, plannedTimes: [], groupSize: '' },
  sharedNotebook: {
    mode: 'sharedFiles',
    cadence: 'weekly',
    synchronous: false,
    plannedTimes: [],
    groupSize: '8',
  },
  externalLms: { mode: 'externalLms', cadence: 'once', synchronous: false, plannedTimes: [], groupSize: '' },
};

const idPrefix: Record<FeatureTemplateKey, string> = {
  discussionChannel: 'discussion-channel',
  peerQa: 'peer-qa',
  liveSession: 'live-session',
  engageCommunity: 'engage-community',
  sharedNotebook: 'shared-notebook',
  externalLms: 'lms-module',
};

/** A new feature from a template, with an id not yet used among `existing`. */
export function featureFromTemplate(
  key: FeatureTemplateKey,
  existing: readonly FeatureDraft[],
): FeatureDraft {
  return {
    id: uniqueId(idPrefix[key], existing),
    name: strings.wizard.templates[key],
    ...values[key],
    plannedTimes: values[key].plannedTimes.map((time) => ({ ...time })),
  };
}

/** A new feature with neutral values and no name yet. */
export function blankFeature(existing: readonly FeatureDraft[]): FeatureDraft {
  return {
    id: uniqueId('feature', existing),
    name: '',
    mode: 'channelPosts',
    cadence: 'weekly',
    synchronous: false,
    plannedTimes: [],
    groupSize: '',
  };
}
