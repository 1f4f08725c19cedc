import type { AttributeName } from './learns-social';

/** How findings speak about an attribute, and which signals it is read from. */
export interface AttributeWords {
  readonly adjective: string;
  /** What meeting the bar looks like, in a learning leader's words. */
  readonly meaning: string;
  readonly signals: readonly string[];
}

/** Plain words for each attribute. */
export const attributeWords: Readonly<Record<AttributeName, AttributeWords>> = {
  participatory: {
    adjective: 'participatory',
    meaning: 'contributing in channels or Viva Engage most weeks and answering or reacting to others',
    signals: [
      'channelPosts',
      'channelReplies',
      'engagePosts',
      'repliesToOthers',
      'reactionsGiven',
      'engageLikes',
    ],
  },
  timely: {
    adjective: 'timely',
    meaning: 'replying quickly, mostly within a day, in threads they join',
    signals: ['replyLatency'],
  },
  transparent: {
    adjective: 'transparent',
    meaning: 'working in the open (channels, Engage) rather than in private chat and email',
    signals: ['channelPosts', 'channelReplies', 'engagePosts', 'privateChatMessages', 'emailsSent'],
  },
  current: {
    adjective: 'current',
    meaning: 'active on a social surface in the last 14 days',
    signals: ['lastSocialActivity'],
  },
};
