import { Router } from 'express';
import type { PulseService } from '../../services/pulse-service';
import { identityOf } from '../authenticate';

/**
 * The pulse survey of an initiative: `GET .../pulse` (questions, open wave, the caller's own answer),
 * waves (list, open, close; leaders), `PUT .../answer` and `PUT .../draft` (anyone in the tenant, their
 * own, while the wave is open) and `GET .../results` (leaders; aggregates over at least k people only).
 */
export function pulseRoutes(service: PulseService): Router {
  const router = Router();
  router.get('/initiatives/:id/pulse', async (req, res) => {
    res.json(await service.view(identityOf(res), req.params.id));
  });
  router.get('/initiatives/:id/pulse/waves', async (req, res) => {
    res.json({ items: await service.waves(identityOf(res), req.params.id) });
  });
  router.post('/initiatives/:id/pulse/waves', async (req, res) => {
    const wave = await service.openWave(identityOf(res), req.params.id, req.body);
    res
      .status(201)
      .location(`/api/initiatives/${encodeURIComponent(req.params.id)}/pulse/waves/${wave.id}`)
      .json(wave);
  });
  router.post('/initiatives/:id/pulse/waves/:waveId/close', async (req, res) => {
    res.json(await service.closeWave(identityOf(res), req.params.id, req.params.waveId));
  });
  router.put('/initiatives/:id/pulse/waves/:waveId/answer', async (req, res) => {
    res.json(await service.answer(identityOf(res), req.params.id, req.params.waveId, req.body));
  });
  router.put('/initiatives/:id/pulse/waves/:waveId/draft', async (req, res) => {
    res.json(await service.draft(identityOf(res), req.params.id, req.params.waveId, req.body));
  });
  router.get('/initiatives/:id/pulse/waves/:waveId/results', async (req, res) => {
    res.json(await service.results(identityOf(res), req.params.id, req.params.waveId));
  });
  return router;
}
