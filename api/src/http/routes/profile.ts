import { Router } from 'express';
import type { ProfileService } from '../../services/profile-service';
import { identityOf } from '../authenticate';

/**
 * `GET /api/me/profile` (the caller's own learns-social profile, shown to nobody else here) and
 * `GET|PUT /api/me/sharing` (opt in or out of sharing it with a design team they belong to).
 */
export function profileRoutes(service: ProfileService): Router {
  const router = Router();
  router.get('/me/profile', async (_req, res) => {
    res.json(await service.myProfile(identityOf(res)));
  });
  router.get('/me/sharing', async (_req, res) => {
    res.json({ items: await service.listSharing(identityOf(res)) });
  });
  router.put('/me/sharing', async (req, res) => {
    res.json(await service.updateSharing(identityOf(res), req.body));
  });
  return router;
}
