import { Router } from 'express';
import type { DiagnosticsService } from '../../services/diagnostics-service';
import { identityOf } from '../authenticate';

/**
 * `GET /api/initiatives/:id/diagnostics?snapshotId=`: the five diagnostics of an initiative over its
 * newest snapshot (or the one named), for learning leaders and admins. The service hands back the JSON
 * text, cached per input, so a repeated read costs no serialisation.
 */
export function diagnosticsRoutes(service: DiagnosticsService): Router {
  const router = Router();
  router.get('/initiatives/:id/diagnostics', async (req, res) => {
    const body = await service.view(identityOf(res), req.params.id, req.query);
    res.type('application/json').setHeader('Cache-Control', 'private, no-store').send(body);
  });
  return router;
}
