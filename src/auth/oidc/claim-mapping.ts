import type { OidcConfig } from '../../config/config';
import { BOOTSTRAP_ADMIN, Principal } from '../principal';

export type ClaimMapping = Pick<OidcConfig, 'claims' | 'serviceClaim'>;

/** A principal, or why the claims do not make one (for the log; the caller only sees 401). */
export type MappedClaims = { principal: Principal } | { problem: string };

const MAX_ID_LENGTH = 200;

/** Builds the principal a verified JWT describes. Teams and roles come only from the claims. */
export function principalFromClaims(claims: Record<string, unknown>, mapping: ClaimMapping): MappedClaims {
  const { claims: names } = mapping;
  const id = claimAt(claims, names.id);
  if (typeof id !== 'string' || id.trim() === '' || id.length > MAX_ID_LENGTH) {
    return { problem: `claim ${names.id} must be a non-empty string of at most ${MAX_ID_LENGTH} characters` };
  }
  // `admin` is the built-in administrator; an identity provider cannot speak for it.
  if (id === BOOTSTRAP_ADMIN.id) return { problem: `claim ${names.id} names the reserved principal ${BOOTSTRAP_ADMIN.id}` };
  const name = claimAt(claims, names.name);
  return {
    principal: {
      id,
      kind: isServiceAccount(claims, mapping.serviceClaim) ? 'service' : 'person',
      name: typeof name === 'string' && name.trim() ? name.trim() : id,
      // Groups may already be written `team:sales-data`; principals keep plain slugs.
      teams: [...new Set(stringList(claimAt(claims, names.teams)).map((team) => team.replace(/^team:/, '')))],
      roles: stringList(claimAt(claims, names.roles)),
    },
  };
}

/**
 * A claim by its exact name first (names may contain dots or be URLs, as namespaced claims are),
 * else as a dotted path into nested objects (`realm_access.roles`).
 */
export function claimAt(claims: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(claims, name)) return claims[name];
  let value: unknown = claims;
  for (const part of name.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** An array of strings, or one string of space- or comma-separated values (as `scope` is); nothing else counts. */
export function stringList(value: unknown): string[] {
  const items = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  return [...new Set(items.map((v) => v.trim()).filter(Boolean))];
}

/**
 * With `claim=value`, the claim must equal the value (or, for a list, contain it); with a bare
 * claim name, the claim must be present and not false, 0, empty or "false".
 */
export function isServiceAccount(claims: Record<string, unknown>, marker: ClaimMapping['serviceClaim']): boolean {
  if (!marker) return false;
  const value = claimAt(claims, marker.claim);
  if (marker.value !== undefined) {
    if (Array.isArray(value)) return value.includes(marker.value);
    return (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && String(value) === marker.value;
  }
  return value !== undefined && value !== null && value !== false && value !== 0 && value !== '' && value !== 'false';
}
