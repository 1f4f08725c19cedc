import express, { Router } from 'express';
import { z } from 'zod';
import type { IdentitySimulator } from './identity-sim/identity-simulator';
import type { DemoTenant } from './tenant/model';

const personaLabels = {
  learner: 'Learner',
  manager: 'Manager',
  learningLeader: 'Learning leader',
  admin: 'Admin',
} as const;

const tokenRequestSchema = z.object({ userId: z.string().min(1).max(64) }).strict();

/** Demo-only routes under `/dev`: the Teams host emulator page, its personas, and SSO tokens for them. */
export function createDevRoutes(options: {
  tenant: DemoTenant;
  identity: IdentitySimulator;
  hostEmulatorDir: string;
}): Router {
  const { tenant, identity } = options;
  const router = Router();
  const usersById = new Map(tenant.users.map((user) => [user.id, user]));

  router.get('/host', (_req, res) => {
    res.sendFile('host.html', { root: options.hostEmulatorDir });
  });
  router.use('/host/assets', express.static(options.hostEmulatorDir, { index: false }));

  router.get('/personas', (_req, res) => {
    const personas = (Object.keys(personaLabels) as (keyof typeof personaLabels)[]).map((key) => {
      const user = usersById.get(tenant.personas[key]);
      if (!user) throw new Error(`Persona ${key} is not in the tenant`);
      return {
        key,
        userId: user.id,
        displayName: user.displayName,
        jobTitle: user.jobTitle,
        roleLabel: personaLabels[key],
        userPrincipalName: user.userPrincipalName,
      };
    });
    const team =
      tenant.teams.find((candidate) => candidate.id === tenant.sampleInitiative.targetTeamId) ??
      tenant.teams[0];
    const channel = team?.channels[0];
    res.json({
      tenantId: tenant.tenantId,
      tenantName: tenant.displayName,
      personas,
      team:
        team && channel
          ? {
              teamId: `19:${team.id.replace(/-/g, '')}@thread.tacv2`,
              groupId: team.id,
              channelId: channel.id,
              teamName: team.displayName,
              channelName: channel.displayName,
            }
          : null,
    });
  });

  router.post('/token', express.json({ limit: '4kb' }), async (req, res, next) => {
    try {
      const { userId } = tokenRequestSchema.parse(req.body);
      if (!usersById.has(userId)) {
        res.status(404).json({ error: 'unknown_user' });
        return;
      }
      res.json({ token: await identity.issueSsoToken(userId) });
    } catch (error) {
      next(error);
    }
  });
  return router;
}
