import { Router } from 'express';
import type { ApiServices } from '../../services/api-services';
import { identityOf } from '../authenticate';

/** `GET /api/initiatives`: the caller's tenant's initiatives (summaries). */
export function initiativeRoutes(services: ApiServices): Router {
  const router = Router();
  router.get('/initiatives', async (_req, res) => {
    res.json({ items: await services.listInitiatives(identityOf(res).tenantId) });
  });
  return router;
}
