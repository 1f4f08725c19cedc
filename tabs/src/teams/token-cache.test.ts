import { describe, expect, it, vi } from 'vitest';
import { cachedTokens } from './token-cache';

function jwt(expSeconds: number): string {
  const part = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '');
  return `${part({ alg: 'RS256' })}.${part({ exp: expSeconds })}.signature`;
}

describe('cachedTokens', () => {
  it('shares one token until five minutes before it expires', async () => {
    let clock = 1_000_000_000_000;
    const token = jwt(clock / 1000 + 3600);
    const getToken = vi.fn(() => Promise.resolve(token));
    const tokens = cachedTokens(getToken, () => clock);
    await Promise.all([tokens(), tokens(), tokens()]);
    expect(getToken).toHaveBeenCalledTimes(1);
    clock += 54 * 60_000;
    await tokens();
    expect(getToken).toHaveBeenCalledTimes(1);
    clock += 2 * 60_000;
    await tokens();
    expect(getToken).toHaveBeenCalledTimes(2);
  });

  it('asks again after a refusal, and never keeps a token it cannot read', async () => {
    const getToken = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('resourceDisabled'))
      .mockResolvedValue('not-a-jwt');
    const tokens = cachedTokens(getToken);
    await expect(tokens()).rejects.toThrow('resourceDisabled');
    await expect(tokens()).resolves.toBe('not-a-jwt');
    await tokens();
    expect(getToken).toHaveBeenCalledTimes(3);
  });
});
