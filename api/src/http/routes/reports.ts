import { Router, type Response } from 'express';
import type { RenderedReport, ReportFormat, ReportService } from '../../services/report-service';
import { identityOf } from '../authenticate';

/** Sends a rendered report; exports come as a download with a file name. */
function send(res: Response, format: ReportFormat, report: RenderedReport): void {
  res.setHeader('Content-Type', report.contentType);
  res.setHeader('Cache-Control', 'private, no-store');
  if (format === 'csv') res.attachment(report.fileName);
  res.send(report.body);
}

/**
 * Workflow-fit reports as JSON, CSV and printable HTML: `GET /api/initiatives/:id/report[.csv|.html]`
 * (learning leaders and admins) and `GET /api/reports/my-org[.csv|.html]` (managers, their own org).
 */
export function reportRoutes(service: ReportService): Router {
  const router = Router();
  const formats: ReadonlyArray<readonly [string, ReportFormat]> = [
    ['', 'json'],
    ['.csv', 'csv'],
    ['.html', 'html'],
  ];
  for (const [suffix, format] of formats) {
    router.get(`/initiatives/:id/report${suffix}`, async (req, res) => {
      send(res, format, await service.initiativeReport(identityOf(res), req.params.id, format));
    });
    router.get(`/reports/my-org${suffix}`, async (req, res) => {
      send(res, format, await service.myOrgReport(identityOf(res), req.query, format));
    });
  }
  return router;
}
