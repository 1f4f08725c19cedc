import { Router } from 'express';
import type { DirectoryService } from '../../services/directory-service';
import { identityOf } from '../authenticate';

/**
 * `GET /api/directory/{people,groups,teams}?q=`: directory search on behalf of the signed-in user, for
 * picking target groups, design teams and comparison groups. Search text stays out of logs (the request
 * log records the path only).
 */
export function directoryRoutes(service: DirectoryService): Router {
  const router = Router();
  router.get('/directory/people', async (req, res) => {
    res.json({ items: await service.people(identityOf(res), req.query) });
  });
  router.get('/directory/groups', async (req, res) => {
    res.json({ items: await service.groups(identityOf(res), req.query) });
  });
  router.get('/directory/teams', async (req, res) => {
    res.json({ items: await service.teams(identityOf(res), req.query) });
  });
  return router;
}
