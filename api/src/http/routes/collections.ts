import { Router } from 'express';
import type { CollectionService } from '../../services/collection-service';
import { identityOf } from '../authenticate';

/**
 * Collection runs and snapshots: `POST /api/collections` queues a run (202), `GET /api/collections[/:id]`
 * reads runs with their progress (phase, done, total, seconds left) for the tab's progress bar,
 * `DELETE /api/collections/:id` cancels, `GET /api/snapshots` lists stored snapshots.
 */
export function collectionRoutes(service: CollectionService): Router {
  const router = Router();
  router.post('/collections', async (req, res) => {
    const run = await service.start(identityOf(res), req.body);
    res.status(202).location(`/api/collections/${run.id}`).json(run);
  });
  router.get('/collections', async (_req, res) => {
    res.json({ items: await service.list(identityOf(res)) });
  });
  router.get('/collections/:id', async (req, res) => {
    res.json(await service.get(identityOf(res), req.params.id));
  });
  router.delete('/collections/:id', async (req, res) => {
    await service.cancel(identityOf(res), req.params.id);
    res.status(204).end();
  });
  router.get('/snapshots', async (req, res) => {
    const initiativeId =
      typeof req.query['initiativeId'] === 'string' ? req.query['initiativeId'] : undefined;
    res.json({ items: await service.snapshots(identityOf(res), initiativeId) });
  });
  return router;
}
