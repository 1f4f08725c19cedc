import {
  attributeNames,
  attributeWords,
  createPrivacyGuard,
  defaultSettings,
  personalProfile,
  signalNames,
  updateSharingSchema,
  type AttributeName,
  type AttributeSettingsSource,
  type CollaborationSnapshot,
  type DataSource,
  type MyProfile,
  type ProfileEvidence,
  type SharingState,
  type SignalName,
} from '@learnfit/core';
import { HttpProblem } from '../http/problem';
import type { SsoIdentity } from '../identity/sso-token-validator';
import type { CollectionStore } from '../store/collection-store';
import type { SharingStore } from '../store/sharing-store';
import type { InitiativeRecord, InitiativeStore, PulseReader } from './ports';

/** A person's own profile and their sharing opt-ins. */
export interface ProfileService {
  myProfile(identity: SsoIdentity): Promise<MyProfile>;
  listSharing(identity: SsoIdentity): Promise<SharingState[]>;
  updateSharing(identity: SsoIdentity, body: unknown): Promise<SharingState>;
}

/** What the profile use cases need. */
export interface ProfileServiceDeps {
  readonly snapshots: Pick<CollectionStore, 'listSnapshots' | 'loadSnapshot'>;
  readonly initiatives: InitiativeStore;
  readonly sharing: SharingStore;
  /** Pulse answers (for the self-assessment beside the scores); none when absent. */
  readonly pulse?: PulseReader | null;
  /** The keyed pseudonym of a user in a tenant, as collection runs store it. */
  readonly pseudonymizerFor: (tenantId: string) => (userId: string) => string;
  readonly settings?: AttributeSettingsSource;
  readonly now: () => Date;
}

/** Newest snapshots looked through for the caller; older ones are about someone they no longer are. */
const snapshotsSearched = 20;

const signalLabels: Partial<Record<SignalName, string>> = {
  channelPosts: 'Channel posts',
  channelReplies: 'Channel replies',
  repliesToOthers: "Replies to others' posts",
  reactionsGiven: 'Reactions given',
  engagePosts: 'Viva Engage posts',
  engageLikes: 'Viva Engage likes',
  privateChatMessages: 'Private chat messages',
  emailsSent: 'Emails sent',
};

/** The source a signal is read from, so a missing source shows as "no data", not as zero. */
function sourceOf(signal: SignalName): DataSource {
  if (signal.startsWith('engage')) return 'engageActivityReport';
  if (signal === 'privateChatMessages') return 'teamsActivityReport';
  if (signal.startsWith('email')) return 'emailActivityReport';
  return 'channelMessages';
}

function usable(snapshot: CollaborationSnapshot, source: DataSource): boolean {
  const coverage = snapshot.coverage.find((entry) => entry.source === source);
  return coverage !== undefined && (coverage.status === 'complete' || coverage.status === 'partial');
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The person's own figures behind one attribute, over the snapshot's window. */
function evidenceFor(snapshot: CollaborationSnapshot, index: number, name: AttributeName): ProfileEvidence[] {
  const weeks = snapshot.weekStarts.length;
  const evidence: ProfileEvidence[] = [];
  for (const signal of attributeWords[name].signals) {
    if ((signalNames as readonly string[]).includes(signal)) {
      const key = signal as SignalName;
      let total = 0;
      const column = snapshot.signals[key];
      for (let week = 0; week < weeks; week++) total += column[index * weeks + week] ?? 0;
      evidence.push({
        signal,
        label: signalLabels[key] ?? signal,
        value: usable(snapshot, sourceOf(key)) ? total : null,
        unit: 'count',
      });
    } else if (signal === 'replyLatency') {
      const minutes: number[] = [];
      const { person, minutes: samples } = snapshot.latencies;
      for (let i = 0; i < person.length; i++) if (person[i] === index) minutes.push(samples[i] ?? 0);
      evidence.push({
        signal,
        label: 'Median minutes to reply in threads you joined',
        value: median(minutes),
        unit: 'minutes',
      });
      evidence.push({
        signal: 'replySamples',
        label: 'Threads you replied in',
        value: minutes.length,
        unit: 'count',
      });
    } else if (signal === 'lastSocialActivity') {
      const last = snapshot.lastSocialActivity[index] ?? null;
      const days =
        last === null
          ? null
          : Math.max(0, Math.round((Date.parse(snapshot.dataAsOf) - Date.parse(last)) / 86_400_000));
      evidence.push({
        signal,
        label: 'Days since your last channel or Viva Engage contribution',
        value: days,
        unit: 'days',
      });
    }
  }
  return evidence;
}

/** True when the initiative's design team names the user (people audiences only). */
function inDesignTeam(initiative: InitiativeRecord, userId: string): boolean {
  const team = initiative.design?.designTeam;
  if (team?.kind !== 'people') return false;
  const wanted = userId.toLowerCase();
  return team.ids.some((id) => id.toLowerCase() === wanted);
}

/** Wires the profile use cases. */
export function createProfileService(deps: ProfileServiceDeps): ProfileService {
  const settings = deps.settings ?? defaultSettings;
  const guard = createPrivacyGuard(defaultSettings.privacy);
  const keyOf = (identity: SsoIdentity): string => deps.pseudonymizerFor(identity.tenantId)(identity.userId);

  const stateOf = (initiative: InitiativeRecord, sharedAt: Date | undefined): SharingState => ({
    initiativeId: initiative.id,
    initiativeName: initiative.name,
    shared: sharedAt !== undefined,
    sharedAt: sharedAt?.toISOString() ?? null,
  });

  return {
    async myProfile(identity) {
      const key = keyOf(identity);
      const snapshots = (await deps.snapshots.listSnapshots(identity.tenantId))
        .slice(-snapshotsSearched)
        .reverse();
      for (const info of snapshots) {
        const snapshot = await deps.snapshots.loadSnapshot(identity.tenantId, info.id);
        if (!snapshot) continue;
        const index = snapshot.people.findIndex((person) => person.key === key);
        if (index < 0) continue;
        const pulse =
          info.initiativeId !== null && deps.pulse
            ? await deps.pulse.responses(identity.tenantId, info.initiativeId)
            : [];
        const owned = personalProfile(snapshot, settings, key, pulse);
        // Released through the guard like every owned result: only the person themself sees it here.
        const profile = owned === null ? null : guard.releaseOwned(owned, key);
        if (!profile) continue;
        const bar = settings.attributes.bar;
        return {
          snapshotId: info.id,
          initiativeId: info.initiativeId,
          dataAsOf: profile.dataAsOf,
          weeks: snapshot.weekStarts.length,
          bar,
          attributesMet: profile.attributesMet,
          learnsSocial: profile.learnsSocial,
          attributes: Object.fromEntries(
            attributeNames.map((name) => {
              const score = profile[name];
              return [
                name,
                {
                  score,
                  meetsBar: score === null ? null : score >= bar,
                  selfAssessment: profile.selfAssessment?.[name] ?? null,
                  meaning: attributeWords[name].meaning,
                  evidence: evidenceFor(snapshot, index, name),
                },
              ];
            }),
          ) as MyProfile['attributes'],
        };
      }
      throw new HttpProblem(
        404,
        'not_found',
        'No profile for you yet',
        'None of the snapshots stored for your organisation includes you. A profile appears after a learning leader runs a collection over a team or group you belong to.',
      );
    },

    async listSharing(identity) {
      const [initiatives, records] = await Promise.all([
        deps.initiatives.list(identity.tenantId),
        deps.sharing.listForPerson(identity.tenantId, keyOf(identity)),
      ]);
      const sharedAt = new Map(records.map((record) => [record.initiativeId, record.sharedAt]));
      return initiatives
        .filter((initiative) => inDesignTeam(initiative, identity.userId))
        .map((initiative) => stateOf(initiative, sharedAt.get(initiative.id)));
    },

    async updateSharing(identity, body) {
      const request = updateSharingSchema.parse(body);
      const initiative = await deps.initiatives.get(identity.tenantId, request.initiativeId);
      if (!initiative)
        throw new HttpProblem(
          404,
          'not_found',
          'No such initiative',
          `There is no initiative ${request.initiativeId}.`,
        );
      if (!inDesignTeam(initiative, identity.userId))
        throw new HttpProblem(
          403,
          'forbidden',
          'Only design-team members can share their profile with it',
          'You can share your profile only with initiatives whose design team lists you by name. Ask the learning leader to add you to the design team.',
        );
      const key = keyOf(identity);
      await deps.sharing.setShared(identity.tenantId, initiative.id, key, request.share, deps.now());
      const record = (await deps.sharing.listForPerson(identity.tenantId, key)).find(
        (entry) => entry.initiativeId === initiative.id,
      );
      return stateOf(initiative, record?.sharedAt);
    },
  };
}
