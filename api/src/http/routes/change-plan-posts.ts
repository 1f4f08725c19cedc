import { Router } from 'express';
import type { ChangePlanPostService } from '../../services/change-plan-post-service';
import { identityOf } from '../authenticate';

/**
 * "Spell it out" posts (learning leaders and admins): `POST .../change-plan/posts` posts the chosen
 * change-plan messages as cards to a channel through the bot; `GET` lists them with their answer counts.
 */
export function changePlanPostRoutes(service: ChangePlanPostService): Router {
  const router = Router();
  router.post('/initiatives/:id/change-plan/posts', async (req, res) => {
    res.status(201).json(await service.post(identityOf(res), req.params.id, req.body));
  });
  router.get('/initiatives/:id/change-plan/posts', async (req, res) => {
    res.json(await service.list(identityOf(res), req.params.id));
  });
  return router;
}
