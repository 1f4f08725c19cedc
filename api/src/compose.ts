import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { createBotMessenger, mountBot } from '@learnfit/bot';
import type { App as BotApp } from '@microsoft/teams.apps';
import { createBotPorts } from './bot-ports';
import type { Config } from './config';
import { startDemoEnvironment, type DemoEnvironment } from './demo/demo-environment';
import { seedDemoInitiative } from './demo/seed';
import { seedDemoSnapshot } from './demo/seed-snapshot';
import { createGraphAudienceMembers } from './graph/audience-members';
import { createGraphClient } from './graph/graph-client';
import { createRoutedFetch, microsoftHosts, type HostRoutes } from './graph/transport';
import { createGraphUsageReports } from './graph/usage-reports';
import { createGraphUserDirectory } from './graph/user-directory';
import { createGraphDirectorySearch } from './graph/directory-search';
import { createMsalGraphTokens } from './identity/graph-tokens';
import { createPseudonymizer } from './identity/pseudonym';
import { createSsoTokenValidator } from './identity/sso-token-validator';
import { collectionKind, createCollectionHandler } from './jobs/collection-job';
import { createJobQueue } from './jobs/queue';
import { startRetention } from './jobs/retention';
import { startWorker, type Worker } from './jobs/worker';
import { abortableSleep } from './graph/pacing/abort';
import { createRateGovernor, type RateGovernor } from './graph/pacing/governor';
import { identityUnitsFor, DOCUMENTED_LIMITS } from './graph/pacing/graph-limits';
import type { Logger } from './logger';
import { defaultEventTiming } from './http/routes/collection-events';
import { createServer } from './server';
import { createApiServices } from './services/api-services';
import { createCollectionService } from './services/collection-service';
import { createInitiativeService } from './services/initiative-service';
import { createDiagnosticsService, type DiagnosticsDeps } from './services/diagnostics-service';
import { createReportService } from './services/report-service';
import {
  createSnapshotCache,
  invalidatingInitiatives,
  shareAcrossProcesses,
} from './services/snapshot-cache';
import { createLocalBus, startPostgresBus, type BusHandlers, type ProcessBus } from './store/process-bus';
import { createAdminService } from './services/admin-service';
import { createErasureService } from './services/erasure-service';
import { createKpiService } from './services/kpi-service';
import { createPulseService } from './services/pulse-service';
// B2: the bot's conversation, proactive notifications and change-plan posts.
import { createConversationPorts } from './bot-ports/conversation-ports';
import { createChangePlanPostService } from './services/change-plan-post-service';
import {
  createNotificationService,
  notificationKind,
  notifyWhenCollected,
} from './services/notification-service';
import { botErasable, createBotStore } from './store/bot-store';
import { createDirectoryService } from './services/directory-service';
import { createProfileService } from './services/profile-service';
import { createMyPulsesService } from './services/my-pulses-service';
import { createSharingStore, sharingErasable } from './store/sharing-store';
import { createPrincipalRolesRecorder } from './store/principal-roles-recorder';
import { createPrincipalRolesStore, principalRolesErasable } from './store/principal-roles-store';
import { tracedFetch } from './telemetry';
import { createCollectionStore } from './store/collection-store';
import { createQuotaLedger } from './store/quota-ledger';
import { openStore, type Store } from './store/database';
import { createInitiativeStore } from './store/initiative-store';
import { createAuditStore } from './store/audit-store';
import { createSettingsStore } from './store/settings-store';
import { createKpiStore, kpiErasableTables } from './store/kpi-store';
import { createPulseStore, pulseErasableTables } from './store/pulse-store';

/** Microsoft's hosts routed to one simulator base URL (`npm run graph-sim`), or no routes at all. */
function simulatorRoutes(baseUrl: string | null): HostRoutes {
  if (baseUrl === null) return new Map();
  return new Map(Object.values(microsoftHosts).map((host) => [host, baseUrl]));
}

/** Folders the server serves files from, resolved by the entry point. */
export interface AppPaths {
  readonly tabDistDir: string;
  readonly hostEmulatorDir: string;
}

/** A composed, not yet listening, LearnFit application. */
export interface ComposedApp {
  readonly app: Express;
  readonly store: Store;
  readonly demo: DemoEnvironment | null;
  /** The collection worker of this process, or null when WORKER_CONCURRENCY is 0. */
  readonly worker: Worker | null;
  close(): Promise<void>;
}

/**
 * The one place adapters are built and wired: demo simulators (demo mode only), transport, identity,
 * Graph, store, services, bot and HTTP server.
 */
export async function composeApp(
  config: Config,
  paths: AppPaths,
  logger: Logger,
  now: () => Date = () => new Date(),
): Promise<ComposedApp> {
  const demo = config.demo
    ? await startDemoEnvironment({
        demo: config.demo,
        clientId: config.auth.clientId,
        clientSecret: config.auth.clientSecret ?? '',
        now,
        hostEmulatorDir: paths.hostEmulatorDir,
      })
    : null;
  // Each call to Microsoft (Graph, login) is a child span of the request being handled, when tracing is on.
  const send = tracedFetch(createRoutedFetch(demo?.routes ?? simulatorRoutes(config.microsoftSimulatorUrl)));
  const store = await openStore(
    config.databaseUrl
      ? { kind: 'postgres', url: config.databaseUrl }
      : {
          kind: 'pglite',
          dataDir: config.dataDir === ':memory:' ? null : path.join(config.dataDir, 'pglite'),
        },
  );
  let stopWorker: (() => Promise<void>) | undefined;
  let bus: ProcessBus | undefined;
  try {
    // Decoded snapshots, diagnostics and rendered reports, shared by both services; erasure of a person
    // or tenant must call `snapshotCache.invalidate(tenantId)`. Initiative writes refresh it themselves.
    const localCache = createSnapshotCache();
    // Several instances on one PostgreSQL database tell each other what to drop and when to look at the
    // queue; the embedded database has one process, which tells itself.
    let pokeWorker: () => void = () => undefined;
    const busHandlers: BusHandlers = {
      onMessage: (message) => {
        if (message.type === 'poke') pokeWorker();
        else if (message.key === null) void localCache.invalidate(message.tenantId);
        else void localCache.forget(message.tenantId, message.key);
      },
      onReconnected: () => {
        localCache.clear();
        pokeWorker();
      },
    };
    bus = config.databaseUrl
      ? await startPostgresBus(config.databaseUrl, busHandlers, logger)
      : createLocalBus(busHandlers);
    const processBus = bus;
    const snapshotCache = config.databaseUrl
      ? shareAcrossProcesses(
          localCache,
          (tenantId, key) => processBus.publish({ type: 'cache', tenantId, key }),
          (error) =>
            logger.warn('process bus: could not tell other instances to drop a cache', {
              error: error instanceof Error ? error.message : String(error),
            }),
        )
      : localCache;
    const pokeEverywhere = (): void => {
      processBus.publish({ type: 'poke' }).catch(() => pokeWorker());
    };
    const initiatives = invalidatingInitiatives(createInitiativeStore(store.db), snapshotCache);
    if (demo) {
      const sampleId = await seedDemoInitiative(initiatives, demo.tenant, now());
      // A stored baseline of the sample initiative from the demo's ground truth, so that diagnostics and
      // reports answer at once (a real collection waits about ten minutes on the report quota).
      await seedDemoSnapshot({
        store: createCollectionStore(store.db, now),
        tenant: demo.tenant,
        initiativeId: sampleId,
        pseudonymize: createPseudonymizer(config.pseudonymKey, demo.tenant.tenantId),
      });
    }

    const tokens = createMsalGraphTokens({
      clientId: config.auth.clientId,
      clientSecret: config.auth.clientSecret ?? '',
      fetch: send,
      logLevel: config.logLevel,
    });
    const appClients = new Map<string, ReturnType<typeof createGraphClient>>();
    const appClientFor = (tenantId: string): ReturnType<typeof createGraphClient> => {
      let client = appClients.get(tenantId);
      if (!client) {
        client = createGraphClient({ fetch: send, accessToken: () => tokens.forApp(tenantId) });
        appClients.set(tenantId, client);
      }
      return client;
    };
    // One governor per tenant: every run of a tenant in this process shares Graph's per-app limits.
    const governors = new Map<string, RateGovernor>();
    const governorFor = (tenantId: string): RateGovernor => {
      let governor = governors.get(tenantId);
      if (!governor) {
        governor = createRateGovernor({
          now: () => now().getTime(),
          // A stopped run's sleep clears its timer: a 10-minute quota wait must not hold the process.
          sleep: abortableSleep,
          // The identity budget grows with tenant size; the small-tenant one is safe for all.
          limits: { ...DOCUMENTED_LIMITS, identityUnitsPer10s: identityUnitsFor(0) },
          // The 10-minute report quota is shared with every process on this database.
          ledger: createQuotaLedger(store.db, tenantId),
        });
        governors.set(tenantId, governor);
      }
      return governor;
    };
    // One collection per tenant at a time across processes: a tenant's runs share Graph's quotas.
    const queue = createJobQueue(store.db, now, { onePerTenant: [collectionKind] });
    const collectionStore = createCollectionStore(store.db, now);
    // B2: the bot's outbound path. Outside the demo it signs with the Azure Bot's token, which the mounted
    // bot app obtains; the demo's connector is a loopback fake that needs none.
    let botApp: BotApp | null = null;
    const messenger = createBotMessenger({
      token: async () =>
        config.bot.password ? ((await botApp?.tokenManager.getBotToken())?.toString() ?? null) : null,
    });
    const botStore = createBotStore(store.db, now);
    const notifications = createNotificationService({
      queue,
      store: botStore,
      initiatives: createInitiativeStore(store.db),
      pulse: createPulseStore(store.db, now),
      membersOf: createGraphAudienceMembers(appClientFor, governorFor),
      keyFor: (tenantId, userId) => createPseudonymizer(config.pseudonymKey, tenantId)(userId),
      messenger: () => messenger,
      publicUrl: config.publicUrl,
      now,
    });
    const worker =
      config.workerConcurrency > 0
        ? startWorker(queue, {
            workerId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
            concurrency: config.workerConcurrency,
            handlers: {
              // B2: a finished run queues its bot notification.
              [collectionKind]: notifyWhenCollected(
                createCollectionHandler({
                  queue,
                  store: collectionStore,
                  clientFor: appClientFor,
                  governorFor,
                  pseudonymizerFor: (tenantId) => createPseudonymizer(config.pseudonymKey, tenantId),
                  now,
                }),
                notifications,
              ),
              [notificationKind]: notifications.handler,
            },
            logger,
          })
        : null;
    stopWorker = worker ? () => worker.stop() : undefined;
    pokeWorker = () => worker?.poke();
    // Pulse answers are stored under the same keyed pseudonym as snapshots, so diagnostics can pair them.
    const pseudonymizers = new Map<string, (id: string) => string>();
    const pseudonymizerFor = (tenantId: string): ((id: string) => string) => {
      let pseudonymizer = pseudonymizers.get(tenantId);
      if (!pseudonymizer) {
        pseudonymizer = createPseudonymizer(config.pseudonymKey, tenantId);
        pseudonymizers.set(tenantId, pseudonymizer);
      }
      return pseudonymizer;
    };
    const pulseStore = createPulseStore(store.db, now);
    const sharingStore = createSharingStore(store.db);
    const kpiStore = createKpiStore(store.db);
    const settingsStore = createSettingsStore(store.db, {
      k: config.kThreshold,
      retentionDays: config.retentionDays,
      initiativeCreators: 'learningLeaders',
      nameManagersInParticipation: false,
    });
    const auditLog = createAuditStore(store.db, now);
    // Each tenant keeps data as long as its admin chose, or the server's default until one saves.
    const retention = startRetention(
      collectionStore,
      async (tenantId) => (await settingsStore.get(tenantId)).retentionDays,
      now,
      logger,
      async (tenantId, before) =>
        (await pulseStore.purgeDrafts(tenantId, before)) + (await pulseStore.purgeAnswers(tenantId, before)),
    );
    const services = createApiServices({
      directory: createGraphUserDirectory(async (identity, scopes) => {
        const token = await tokens.forUser(identity.tenantId, identity.token, scopes);
        return createGraphClient({ fetch: send, accessToken: () => Promise.resolve(token) });
      }),
      reports: createGraphUsageReports({ clientFor: appClientFor, now }),
      initiatives,
    });
    const diagnosticsDeps: DiagnosticsDeps = {
      initiatives,
      snapshots: collectionStore,
      settings: settingsStore,
      pulse: pulseStore,
      kpis: kpiStore,
      sharing: sharingStore,
      audit: auditLog,
      membersOf: createGraphAudienceMembers(appClientFor, governorFor),
      pseudonymizerFor,
      cache: snapshotCache,
      now,
      // B2: answers to the posted change-plan cards (the post service is built just below).
      acknowledgements: (tenantId, initiativeId) => changePlanPosts.summaries(tenantId, initiativeId),
    };
    const diagnostics = createDiagnosticsService(diagnosticsDeps);
    const changePlanPosts = createChangePlanPostService({
      store: botStore,
      initiatives,
      settings: settingsStore,
      diagnostics,
      messenger: () => messenger,
      keyFor: (tenantId, userId) => pseudonymizerFor(tenantId)(userId),
      botId: config.bot.id,
      now,
    });
    const collections = createCollectionService({
      queue,
      store: collectionStore,
      initiatives,
      now,
      // Wakes the worker holding a cancelled run, or any idle one for a queued run, in every instance.
      poke: pokeEverywhere,
    });
    // App roles of every validated SSO token, kept for the bot, which receives no token (bot-ports/).
    const principalRoles = createPrincipalRolesStore(store.db);
    const rolesRecorder = createPrincipalRolesRecorder({ store: principalRoles, now, logger });
    if (demo) {
      // The demo's people hold their app roles in the identity simulator; note them as if each had
      // opened the tab once, so the bot (Agents Playground, tests) knows them from the start.
      for (const [userId, roles] of Object.entries(demo.tenant.appRoles)) {
        await principalRoles.record(demo.tenant.tenantId, userId, roles, now());
      }
    }
    const app = await createServer({
      mode: config.mode,
      tabDistDir: paths.tabDistDir,
      validator: createSsoTokenValidator({
        fetch: send,
        audiences: config.auth.audiences,
        // A demo deployment serves only its synthetic tenant.
        allowedTenants:
          config.auth.allowedTenants.length > 0 || !demo
            ? config.auth.allowedTenants
            : [demo.tenant.tenantId],
        now,
      }),
      onSignedIn: (identity) => rolesRecorder.seen(identity),
      services,
      initiatives: createInitiativeService({
        initiatives,
        now,
        settings: settingsStore,
        managesPeople: async (identity) => (await services.describeMe(identity)).roles.includes('Manager'),
      }),
      diagnostics,
      reports: createReportService(diagnosticsDeps, diagnostics),
      admin: createAdminService({
        settings: settingsStore,
        audit: auditLog,
        appToken: (tenantId) => tokens.forApp(tenantId),
        snapshots: collectionStore,
        clientId: config.auth.clientId,
        consentRedirectUrl: `${config.publicUrl}/tab/index.html`,
        onSettingsSaved: (tenantId) => snapshotCache.invalidate(tenantId),
        now,
        logger,
      }),
      erasure: createErasureService({
        db: store.db,
        pseudonymizerFor: (tenantId) => createPseudonymizer(config.pseudonymKey, tenantId),
        // Tables other features own, erased in the same transaction.
        erasables: [
          sharingErasable,
          pulseErasableTables,
          kpiErasableTables,
          principalRolesErasable,
          botErasable,
        ],
        onErased: (tenantId) => snapshotCache.invalidate(tenantId),
        now,
      }),
      pulse: createPulseService({
        initiatives,
        pulse: pulseStore,
        settings: settingsStore,
        keyFor: (tenantId, userId) => pseudonymizerFor(tenantId)(userId),
        now,
        // B2: the bot's pulse invitation now and its one reminder later.
        onWaveOpened: (tenantId, initiativeId, wave) =>
          notifications.pulseOpened(tenantId, initiativeId, wave),
      }),
      kpis: createKpiService({ initiatives, kpis: kpiStore, now }),
      directory: createDirectoryService(
        createGraphDirectorySearch(async (identity, scopes) => {
          // The token first, so a missing consent surfaces as ConsentRequiredError (403 consent_required)
          // rather than wrapped inside a Graph client error.
          const token = await tokens.forUser(identity.tenantId, identity.token, scopes);
          return createGraphClient({ fetch: send, accessToken: () => Promise.resolve(token) });
        }),
      ),
      profiles: createProfileService({
        snapshots: collectionStore,
        initiatives,
        sharing: sharingStore,
        pulse: pulseStore,
        pseudonymizerFor,
        now,
      }),
      myPulses: createMyPulsesService({
        initiatives,
        pulse: pulseStore,
        snapshots: collectionStore,
        keyFor: (tenantId, userId) => pseudonymizerFor(tenantId)(userId),
      }),
      collections,
      changePlanPosts,
      readiness: [
        { name: 'database', check: () => store.ping() },
        {
          name: 'graph',
          check: async () => {
            // Any HTTP answer proves the transport reaches Graph; only a network failure fails.
            const response = await send('https://graph.microsoft.com/v1.0/', { method: 'GET' });
            await response.body?.cancel();
          },
        },
      ],
      mountBot: async (expressApp) => {
        botApp = await mountBot(
          expressApp,
          {
            ...createBotPorts({
              services,
              diagnostics,
              reports: createReportService(diagnosticsDeps, diagnostics),
              diagnosticsDeps,
              principalRoles,
              appClientFor,
              governorFor,
              // The same tenants the SSO validator accepts: a demo serves only its synthetic tenant.
              allowedTenants:
                config.auth.allowedTenants.length > 0 || !demo
                  ? config.auth.allowedTenants
                  : [demo.tenant.tenantId],
              // Cards carry a Teams deep link when TEAMS_APP_ID is set (the demo's by default), else web links only.
              links: { publicUrl: config.publicUrl, teamsAppId: config.teamsAppId },
              now,
            }),
            // B2: the conversation (welcome, commands, notifications opt-out, change-plan card answers).
            ...createConversationPorts({
              botId: config.bot.id,
              store: botStore,
              collections,
              initiatives,
              posts: changePlanPosts,
              messenger,
              appLink: `${config.publicUrl}/tab/index.html`,
              now,
            }),
          },
          {
            appId: config.bot.id,
            appPassword: config.bot.password,
            ...(config.bot.tenantId ? { tenantId: config.bot.tenantId } : {}),
            dangerouslyAcceptUnsignedActivities: config.allowUnsignedBotActivities,
          },
        );
      },
      demoRouter: config.hostEmulator ? (demo?.router ?? null) : null,
      rateLimits: config.rateLimits,
      collectionEvents: { ...defaultEventTiming, maxStreamMs: config.eventStreamMaxSeconds * 1000 },
      logger,
    });
    return {
      app,
      store,
      demo,
      worker,
      close: async () => {
        clearInterval(retention);
        await worker?.stop();
        await bus?.close();
        await store.close();
        await demo?.close();
      },
    };
  } catch (error) {
    await stopWorker?.();
    await bus?.close();
    await store.close();
    await demo?.close();
    throw error;
  }
}
