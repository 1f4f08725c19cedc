/** Reads a JWT's `exp` (seconds) without trusting it: only to know when to ask Teams again. */
function expiryOf(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/')) as string;
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}

/**
 * Wraps Teams' `getAuthToken` so that a page's calls share one token until five minutes before it
 * expires; calls made while one request is pending wait for it. A failed request is not kept, and a
 * token whose expiry cannot be read is used once.
 */
export function cachedTokens(
  getToken: () => Promise<string>,
  now: () => number = () => Date.now(),
): () => Promise<string> {
  const marginMs = 5 * 60_000;
  let current: { token: Promise<string>; until: number } | null = null;
  return () => {
    if (current && now() < current.until) return current.token;
    const entry = { token: getToken(), until: Number.POSITIVE_INFINITY };
    current = entry;
    entry.token.then(
      (token) => {
        const expiry = expiryOf(token);
        entry.until = expiry === null ? 0 : expiry - marginMs;
      },
      () => {
        if (current === entry) current = null;
      },
    );
    return entry.token;
  };
}
