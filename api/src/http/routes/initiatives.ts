import { Router } from 'express';
import type { ApiServices } from '../../services/api-services';
import type { InitiativeService } from '../../services/initiative-service';
import { identityOf } from '../authenticate';

/**
 * Initiatives: `GET /api/initiatives` (summaries), `POST /api/initiatives` (201), `GET` and `PATCH
 * /api/initiatives/:id`, `POST /api/initiatives/:id/archive`. Writes need LearningLeader or Admin.
 */
export function initiativeRoutes(services: ApiServices, initiatives: InitiativeService): Router {
  const router = Router();
  router.get('/initiatives', async (_req, res) => {
    res.json({ items: await services.listInitiatives(identityOf(res).tenantId) });
  });
  router.post('/initiatives', async (req, res) => {
    const created = await initiatives.create(identityOf(res), req.body);
    res.status(201).location(`/api/initiatives/${created.id}`).json(created);
  });
  router.get('/initiatives/:id', async (req, res) => {
    res.json(await initiatives.get(identityOf(res), req.params.id));
  });
  router.patch('/initiatives/:id', async (req, res) => {
    res.json(await initiatives.update(identityOf(res), req.params.id, req.body));
  });
  router.post('/initiatives/:id/archive', async (req, res) => {
    res.json(await initiatives.archive(identityOf(res), req.params.id));
  });
  return router;
}
