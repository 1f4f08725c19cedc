import express, { Router } from 'express';
import type { KpiService } from '../../services/kpi-service';
import { identityOf } from '../authenticate';

/**
 * KPI values of an initiative (leaders only): `GET .../kpis` (definitions, series, summaries),
 * `PUT .../kpis/:kpiId/values` (replace one series, JSON) and `POST .../kpis/values.csv` (replace the
 * series in a CSV file, all or nothing).
 */
export function kpiRoutes(service: KpiService): Router {
  const router = Router();
  router.get('/initiatives/:id/kpis', async (req, res) => {
    res.json(await service.list(identityOf(res), req.params.id));
  });
  router.put('/initiatives/:id/kpis/:kpiId/values', async (req, res) => {
    res.json(await service.putValues(identityOf(res), req.params.id, req.params.kpiId, req.body));
  });
  // Only this route reads text bodies; anything else (JSON included) reaches the service as a non-string.
  router.post(
    '/initiatives/:id/kpis/values.csv',
    express.text({ type: 'text/csv', limit: '2mb' }),
    async (req, res) => {
      res.json(await service.uploadCsv(identityOf(res), req.params.id, req.body as unknown));
    },
  );
  return router;
}
