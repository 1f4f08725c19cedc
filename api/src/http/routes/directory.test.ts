import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsentRequiredError } from '../../identity/auth-error';
import { createLogger } from '../../logger';
import { createDirectoryService, type DirectorySearch } from '../../services/directory-service';
import { errorHandler } from '../error-handler';
import { directoryRoutes } from './directory';

/** What the fake Graph adapter does next. */
let next: () => Promise<never[]> = () => Promise.resolve([]);
const search: DirectorySearch = { people: () => next(), groups: () => next(), teams: () => next() };

let server: Server;
let base: string;
beforeAll(async () => {
  const app = express();
  app.use((_req, res, go) => {
    res.locals['identity'] = { tenantId: 't', userId: 'u', roles: [], token: 'sso' };
    go();
  });
  app.use('/api', directoryRoutes(createDirectoryService(search)));
  app.use(errorHandler(createLogger('silent')));
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const graphError = (status: number): GraphError => new GraphError(status, 'from Graph');

describe('directory routes answer Graph and consent failures as problems the tab can act on', () => {
  it.each([
    ['consent not given', () => new ConsentRequiredError(['Group.ReadBasic.All']), 403, 'consent_required'],
    ['throttled', () => graphError(429), 503, 'graph_unavailable'],
    ['Graph outage', () => graphError(503), 503, 'graph_unavailable'],
    ['network failure', () => graphError(-1), 503, 'graph_unavailable'],
    ['Graph refused the query', () => graphError(400), 502, 'graph_error'],
  ])('%s', async (_name, error, status, code) => {
    next = () => Promise.reject(error());
    for (const kind of ['people', 'groups', 'teams']) {
      const response = await fetch(`${base}/api/directory/${kind}?q=ada`);
      expect(response.status, kind).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = (await response.json()) as { code: string; detail?: string };
      expect(problem.code).toBe(code);
      if (code === 'consent_required') expect(problem.detail).toContain('Group.ReadBasic.All');
    }
  });
});
