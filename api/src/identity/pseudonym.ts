import { createHmac } from 'node:crypto';

/**
 * Keyed pseudonyms for stored snapshots: HMAC-SHA-256 of tenant and Entra id under a secret key,
 * 128 bits in base64url. Stable across runs (baseline and follow-ups line up), not reversible without
 * the key, and different per tenant.
 */
export function createPseudonymizer(key: string, tenantId: string): (id: string) => string {
  const cache = new Map<string, string>();
  return (id) => {
    let pseudonym = cache.get(id);
    if (pseudonym === undefined) {
      pseudonym = createHmac('sha256', key)
        .update(`${tenantId}:${id.toLowerCase()}`)
        .digest('base64url')
        .slice(0, 22);
      cache.set(id, pseudonym);
    }
    return pseudonym;
  };
}
