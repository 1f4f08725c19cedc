import type { PulseResponse } from '../model/initiative';
import type { CollaborationSnapshot } from '../model/snapshot';
import type { Owned } from '../privacy/types';
import { keyIndex } from './groups';
import {
  attributeNames,
  scorePerson,
  type AttributeName,
  type AttributeSettingsSource,
  type PersonScores,
} from './learns-social';

/** A person's own social-learning profile: observed scores beside their latest self-assessment. */
export interface PersonalProfile extends PersonScores {
  /** Self-ratings 1–5, averaged over the person's pulse answers; null when they have not answered. */
  readonly selfAssessment: Readonly<Record<AttributeName, number>> | null;
  readonly dataAsOf: string;
}

/**
 * The profile of `personKey` as an owned result: only that person (or whom they share it with, from
 * `sharedWith`) may see it, through `guard.releaseOwned`. Null when the snapshot does not know them.
 */
export function personalProfile(
  snapshot: CollaborationSnapshot,
  settings: AttributeSettingsSource,
  personKey: string,
  pulse: readonly PulseResponse[],
  sharedWith: readonly string[] = [],
): Owned<PersonalProfile> | null {
  const index = keyIndex(snapshot).get(personKey);
  if (index === undefined) return null;
  const answers = pulse.filter((response) => response.personKey === personKey);
  const selfAssessment =
    answers.length === 0
      ? null
      : (Object.fromEntries(
          attributeNames.map((name) => [
            name,
            answers.reduce((sum, response) => sum + response.selfAssessment[name], 0) / answers.length,
          ]),
        ) as Record<AttributeName, number>);
  return {
    ownerKey: personKey,
    sharedWith: sharedWith.filter((key) => key !== personKey),
    value: { ...scorePerson(snapshot, settings, index), selfAssessment, dataAsOf: snapshot.dataAsOf },
  };
}
