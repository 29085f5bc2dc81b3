/**
 * Who made a request: a stored person or service account (API token), a JWT's subject (OIDC), or
 * the built-in bootstrap administrator. Policies tell service accounts from people by `kind`;
 * `teams` are plain slugs, which data products name as owner `team:<slug>`.
 */
export interface Principal {
  id: string;
  kind: 'person' | 'service' | 'bootstrap';
  name: string;
  roles: string[];
  teams: string[];
}

export const BOOTSTRAP_ADMIN: Principal = {
  id: 'admin',
  kind: 'bootstrap',
  name: 'Bootstrap administrator',
  roles: ['admin'],
  teams: [],
};
