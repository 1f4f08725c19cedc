import { Router } from 'express';
import type { MyPulsesService } from '../../services/my-pulses-service';
import { identityOf } from '../authenticate';

/** `GET /api/me/pulses`: the caller's initiatives and the pulse waves waiting for their answer. */
export function myPulseRoutes(service: MyPulsesService): Router {
  const router = Router();
  router.get('/me/pulses', async (_req, res) => {
    res.json({ items: await service.list(identityOf(res)) });
  });
  return router;
}
