import { Router } from 'express';
import type { AdminService } from '../../services/admin-service';
import type { ErasureService } from '../../services/erasure-service';
import { identityOf } from '../authenticate';

/**
 * The admin page (Admin role only): tenant settings, Graph consent and data coverage, the audit log,
 * and erasure of one person or of the whole tenant's data.
 */
export function adminRoutes(admin: AdminService, erasure: ErasureService): Router {
  const router = Router();
  router.get('/admin/settings', async (_req, res) => {
    res.json(await admin.settings(identityOf(res)));
  });
  router.put('/admin/settings', async (req, res) => {
    res.json(await admin.saveSettings(identityOf(res), req.body));
  });
  router.get('/admin/consent', async (_req, res) => {
    res.json(await admin.consent(identityOf(res)));
  });
  router.get('/admin/audit', async (req, res) => {
    res.json(await admin.audit(identityOf(res), req.query));
  });
  router.delete('/admin/people/:userId', async (req, res) => {
    res.json(await erasure.erasePerson(identityOf(res), req.params.userId));
  });
  router.delete('/admin/tenant-data', async (req, res) => {
    res.json(await erasure.eraseTenant(identityOf(res), req.body));
  });
  return router;
}
