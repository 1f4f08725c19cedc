// Outside the demo, the bot endpoint accepts only activities the Bot Framework signed for our bot id.
// Teams SDK 2.0.9 reads the signing keys from the folder of its cloud's OpenID metadata URL
// (`…/openidconfiguration` → `…/keys`), so a loopback server stands in for login.botframework.com and
// every check runs offline with real RS256 signatures.
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mountBot, type BotPorts } from '@learnfit/bot';
import express from 'express';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const botId = '7a0d3c1b-2e4f-4b6a-9c8d-1e2f3a4b5c6d';
const tenantId = '11111111-1111-4111-8111-111111111111';
const serviceUrl = 'https://smba.trafficmanager.net/emea/';

let keys: { good: KeyLike; stranger: KeyLike };
let keyServer: Server;
let bot: Server;
let botUrl: string;
/** Port calls made while handling activities: a rejected activity must leave this empty. */
const calls: string[] = [];

/** Ports that record every call; any call on a rejected activity fails the test. */
function recordingPorts(): BotPorts {
  return new Proxy({} as BotPorts, {
    get: (_target, name) => {
      if (name === 'links') return { publicUrl: 'https://learnfit.example.com', teamsAppId: null };
      if (name === 'botId') return botId;
      if (name === 'then') return undefined;
      return (...args: unknown[]) => {
        calls.push(String(name));
        if (name === 'search') return Promise.resolve([]);
        if (name === 'identifyUser')
          return Promise.resolve({ tenantId: String(args[0]), userId: String(args[1]), roles: ['Learner'] });
        return Promise.resolve(null);
      };
    },
  });
}

function query() {
  return {
    type: 'invoke',
    name: 'composeExtension/query',
    id: 'f:1',
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:u', aadObjectId: '00000000-0000-4000-8000-000000000001' },
    recipient: { id: `28:${botId}` },
    conversation: { id: 'a:1', tenantId },
    channelData: { tenant: { id: tenantId } },
    value: { commandId: 'searchInitiatives', parameters: [{ name: 'query', value: 'x' }] },
  };
}

async function sign(
  key: KeyLike,
  claims: { iss?: string; aud?: string; serviceurl?: string; exp?: number },
  kid = 'good',
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ serviceurl: claims.serviceurl ?? serviceUrl })
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuer(claims.iss ?? 'https://api.botframework.com')
    .setAudience(claims.aud ?? botId)
    .setIssuedAt(now - 60)
    .setExpirationTime(claims.exp ?? now + 3600)
    .sign(key);
}

async function post(authorization: string | null): Promise<number> {
  const response = await fetch(botUrl, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(authorization ? { Authorization: authorization } : {}),
    },
    body: JSON.stringify(query()),
  });
  await response.body?.cancel();
  return response.status;
}

beforeAll(async () => {
  const good = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  keys = { good: good.privateKey, stranger: stranger.privateKey };
  const jwk = { ...(await exportJWK(good.publicKey)), kid: 'good', use: 'sig', alg: 'RS256' };
  keyServer = http.createServer((req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(req.url === '/v1/.well-known/keys' ? { keys: [jwk] } : {}));
  });
  await new Promise<void>((resolve) => keyServer.listen(0, '127.0.0.1', resolve));
  const keyPort = (keyServer.address() as AddressInfo).port;
  const app = express();
  await mountBot(app, recordingPorts(), {
    appId: botId,
    appPassword: 'not-a-real-secret',
    dangerouslyAcceptUnsignedActivities: false,
    openIdMetadataUrl: `http://127.0.0.1:${keyPort}/v1/.well-known/openidconfiguration`,
  });
  bot = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => bot.once('listening', resolve));
  botUrl = `http://127.0.0.1:${(bot.address() as AddressInfo).port}/api/messages`;
});

afterAll(() => {
  bot?.close();
  keyServer?.close();
});

describe('bot endpoint outside demo mode', () => {
  it('answers 401 to an unsigned activity and runs nothing', async () => {
    calls.length = 0;
    expect(await post(null)).toBe(401);
    expect(await post('Bearer not-a-jwt')).toBe(401);
    expect(calls).toEqual([]);
  });

  it('answers 401 to tokens signed by another key, for another audience or issuer, expired, or for another serviceUrl', async () => {
    calls.length = 0;
    const now = Math.floor(Date.now() / 1000);
    expect(await post(`Bearer ${await sign(keys.stranger, {})}`)).toBe(401);
    expect(await post(`Bearer ${await sign(keys.stranger, {}, 'unknown-kid')}`)).toBe(401);
    expect(
      await post(`Bearer ${await sign(keys.good, { aud: '00000000-0000-4000-8000-0000000000aa' })}`),
    ).toBe(401);
    expect(await post(`Bearer ${await sign(keys.good, { iss: 'https://evil.example.com' })}`)).toBe(401);
    expect(await post(`Bearer ${await sign(keys.good, { exp: now - 600 })}`)).toBe(401);
    expect(await post(`Bearer ${await sign(keys.good, { serviceurl: 'https://evil.example.com/' })}`)).toBe(
      401,
    );
    expect(calls).toEqual([]);
  });

  it('accepts an activity the Bot Framework signed for our bot id', async () => {
    calls.length = 0;
    expect(await post(`Bearer ${await sign(keys.good, {})}`)).toBe(200);
    expect(calls).toContain('identifyUser');
  });

  it('will not start without a password unless unsigned activities are explicitly allowed', async () => {
    await expect(
      mountBot(express(), recordingPorts(), {
        appId: botId,
        appPassword: null,
        dangerouslyAcceptUnsignedActivities: false,
      }),
    ).rejects.toThrow(/app password/);
  });
});
