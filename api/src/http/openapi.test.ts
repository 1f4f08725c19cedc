import type { Router } from 'express';
import { describe, expect, it } from 'vitest';
import type { ApiServices } from '../services/api-services';
import type { CollectionService } from '../services/collection-service';
import type { InitiativeService } from '../services/initiative-service';
import type { KpiService } from '../services/kpi-service';
import type { PulseService } from '../services/pulse-service';
import type { AdminService } from '../services/admin-service';
import type { ErasureService } from '../services/erasure-service';
import { buildOpenApi, operations } from './openapi';
import { adminRoutes } from './routes/admin';
import { collectionRoutes } from './routes/collections';
import { initiativeRoutes } from './routes/initiatives';
import { meRoutes } from './routes/me';
import { kpiRoutes } from './routes/kpis';
import { pulseRoutes } from './routes/pulse';
import { collectionEventRoutes } from './routes/collection-events';
import { directoryRoutes } from './routes/directory';
import { profileRoutes } from './routes/profile';
import { myPulseRoutes } from './routes/my-pulses';
import type { MyPulsesService } from '../services/my-pulses-service';
import { diagnosticsRoutes } from './routes/diagnostics';
import { reportRoutes } from './routes/reports';
import { changePlanPostRoutes } from './routes/change-plan-posts';
import type { ChangePlanPostService } from '../services/change-plan-post-service';
import type { DiagnosticsService } from '../services/diagnostics-service';
import type { ReportService } from '../services/report-service';
import type { DirectoryService } from '../services/directory-service';
import type { ProfileService } from '../services/profile-service';

/** Method and path of every route a router defines (the services are never called here). */
function routesOf(router: Router, prefix: string): string[] {
  const stack = (
    router as unknown as { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> }
  ).stack;
  return stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods).map((method) => `${method} ${prefix}${layer.route!.path}`)
      : [],
  );
}

describe('OpenAPI document', () => {
  it('describes exactly the routes the authenticated API serves', () => {
    const services = {} as ApiServices;
    const served = [
      ...routesOf(meRoutes(services), '/api'),
      ...routesOf(adminRoutes({} as AdminService, {} as ErasureService), '/api'),
      ...routesOf(initiativeRoutes(services, {} as InitiativeService), '/api'),
      ...routesOf(collectionRoutes({} as CollectionService), '/api'),
      ...routesOf(collectionEventRoutes({} as CollectionService), '/api'),
      ...routesOf(directoryRoutes({} as DirectoryService), '/api'),
      ...routesOf(profileRoutes({} as ProfileService), '/api'),
      ...routesOf(myPulseRoutes({} as MyPulsesService), '/api'),
      ...routesOf(pulseRoutes({} as PulseService), '/api'),
      ...routesOf(kpiRoutes({} as KpiService), '/api'),
      ...routesOf(diagnosticsRoutes({} as DiagnosticsService), '/api'),
      ...routesOf(reportRoutes({} as ReportService), '/api'),
      ...routesOf(changePlanPostRoutes({} as ChangePlanPostService), '/api'),
    ].sort();
    const documented = operations
      .filter((operation) => !operation.public && operation.path.startsWith('/api/'))
      .map((operation) => `${operation.method} ${operation.path}`)
      .sort();
    expect(documented).toEqual(served);
  });

  it('is OpenAPI 3.1 with JSON schemas for bodies and answers, and problem+json errors', () => {
    const document = buildOpenApi('/') as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
    };
    expect(document.openapi).toBe('3.1.0');
    const start = document.paths['/api/collections']?.['post'];
    expect(start?.requestBody).toMatchObject({
      content: { 'application/json': { schema: { type: 'object', required: ['teamIds'] } } },
    });
    expect(Object.keys(start?.responses ?? {})).toEqual(
      expect.arrayContaining(['202', '400', '401', '403', '429']),
    );
    expect(document.paths['/api/collections/{id}']?.['get']).toBeDefined();
    expect(JSON.stringify(document)).not.toContain('"$ref":"#/components/schemas/undefined"');
  });
});
