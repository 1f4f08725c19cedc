import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthError } from '../identity/auth-error';
import type { SsoIdentity, SsoTokenValidator } from '../identity/sso-token-validator';
import { authenticate } from './authenticate';

const person: SsoIdentity = {
  tenantId: 't1',
  userId: 'u1',
  name: null,
  preferredUsername: null,
  roles: ['Admin'],
  token: 'good',
};

const validator: SsoTokenValidator = {
  validate: (token) =>
    token === 'good' ? Promise.resolve(person) : Promise.reject(new AuthError('invalid_token', 'bad')),
};

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

/** A server whose `/ok` answers 200 and `/refused` 422, behind `authenticate`; returns what the hook heard. */
async function start(): Promise<{ base: string; heard: SsoIdentity[] }> {
  const heard: SsoIdentity[] = [];
  const app = express();
  app.use(authenticate(validator, (identity) => heard.push(identity)));
  app.get('/ok', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/refused', (_req, res) => {
    res.status(422).json({ ok: false });
  });
  app.use((_error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(401).end();
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  close = () => new Promise((resolve) => server.close(() => resolve()));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, heard };
}

/** Waits for the response's `finish` handlers, which run after the client has its answer. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('authenticate', () => {
  it('tells the sign-in hook about a request that succeeded', async () => {
    const { base, heard } = await start();
    const response = await fetch(`${base}/ok`, { headers: { Authorization: 'Bearer good' } });
    expect(response.status).toBe(200);
    await settle();
    expect(heard).toEqual([person]);
  });

  it('says nothing of a request that was refused, or of a token that was', async () => {
    const { base, heard } = await start();
    expect((await fetch(`${base}/refused`, { headers: { Authorization: 'Bearer good' } })).status).toBe(422);
    expect((await fetch(`${base}/ok`, { headers: { Authorization: 'Bearer bad' } })).status).toBe(401);
    expect((await fetch(`${base}/ok`)).status).toBe(401);
    await settle();
    expect(heard).toEqual([]);
  });
});
