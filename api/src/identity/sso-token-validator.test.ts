import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { AuthError } from './auth-error';
import { createSsoTokenValidator } from './sso-token-validator';

const tenantId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const clientId = '00000000-0000-4000-8000-0000000c1e47';

async function setUp(keyStatus = 200) {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] };
  let now = Date.parse('2026-11-30T10:00:00Z');
  const fetched: string[] = [];
  const validator = createSsoTokenValidator({
    fetch: (input) => {
      fetched.push(String(input));
      return Promise.resolve(
        keyStatus === 200 ? Response.json(jwks) : new Response('{}', { status: keyStatus }),
      );
    },
    audiences: [clientId],
    allowedTenants: [],
    now: () => new Date(now),
  });
  const token = (kid: string) =>
    new SignJWT({ tid: tenantId, oid: 'u1', scp: 'access_as_user' })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(`https://login.microsoftonline.com/${tenantId}/v2.0`)
      .setAudience(clientId)
      .setIssuedAt(now / 1000)
      .setExpirationTime(now / 1000 + 3600)
      .sign(privateKey);
  return { validator, token, fetched, advance: (ms: number) => (now += ms) };
}

describe('SSO token validator key cache', () => {
  it('fetches a tenant’s keys once, and not again for every token with an unknown kid', async () => {
    const { validator, token, fetched, advance } = await setUp();
    await expect(validator.validate(await token('k1'))).resolves.toMatchObject({ userId: 'u1', tenantId });
    await expect(validator.validate(await token('k1'))).resolves.toMatchObject({ userId: 'u1' });
    for (let i = 0; i < 5; i += 1) {
      await expect(validator.validate(await token(`rotated-${i}`))).rejects.toMatchObject({
        code: 'invalid_token',
      });
    }
    expect(fetched).toHaveLength(1);
    advance(6 * 60 * 1000);
    await expect(validator.validate(await token('rotated-6'))).rejects.toBeInstanceOf(AuthError);
    expect(fetched).toHaveLength(2);
  });

  it('answers wrong_tenant, not a server error, when the token names a tenant without keys', async () => {
    const { validator, token } = await setUp(400);
    await expect(validator.validate(await token('k1'))).rejects.toMatchObject({ code: 'wrong_tenant' });
  });
});
