import type { components, paths } from './schema';

/**
 * Short names for schema types used across the console, all derived from schema.d.ts (never
 * written by hand). Pages alias what they need the same way, next to them or here when shared.
 */
type Schemas = components['schemas'];

/** `GET /api/v1/me`: who the bearer token is. */
export type Me = paths['/api/v1/me']['get']['responses'][200]['content']['application/json'];

/** `GET /api/v1/auth/options` (public): how the console may sign in. */
export type AuthOptions = Schemas['SignInOptions'];
/** The OpenID provider and the console's public client id, when single sign-on is set up. */
export type OidcOptions = NonNullable<AuthOptions['oidc']>;

/** A promotion gate's status. */
export type GateStatus = Schemas['GateResult']['status'];
