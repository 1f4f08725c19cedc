import { Router } from 'express';
import type { ApiServices } from '../../services/api-services';
import { identityOf } from '../authenticate';

/** `GET /api/me`: the signed-in person, their roles, management chain and 30-day activity. */
export function meRoutes(services: ApiServices): Router {
  const router = Router();
  router.get('/me', async (_req, res) => {
    res.json(await services.describeMe(identityOf(res)));
  });
  return router;
}
