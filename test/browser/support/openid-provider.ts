import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A person the provider signs in: the login name typed in its form is the account id. */
export interface Account {
  sub: string;
  name: string;
  groups: string[];
  roles: string[];
}

export interface OpenIdProvider {
  issuer: string;
  clientId: string;
  close(): Promise<void>;
}

/**
 * A real, certified OpenID Provider (the npm package oidc-provider) on loopback, with the console
 * registered as a public client (authorization code + PKCE, no secret) and its development login
 * and consent pages, which the browser tests fill in like a person would.
 */
export async function startOpenIdProvider(options: { redirectUri: string; accounts: Account[]; clientId?: string }): Promise<OpenIdProvider> {
  const { default: Provider } = (await import('oidc-provider')) as unknown as { default: new (issuer: string, config: object) => { listen(port: number, host: string, done: () => void): Server; proxy: boolean } };
  const clientId = options.clientId ?? 'gatehouse-console';
  const accounts = new Map(options.accounts.map((a) => [a.sub, a]));
  // Port first, then the issuer that names it: the provider's issuer must equal the tokens' `iss`.
  const probe = await new Promise<Server>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const issuer = `http://127.0.0.1:${port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_name: 'Gatehouse console',
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    scopes: ['openid', 'profile', 'email', 'groups', 'roles'],
    claims: { openid: ['sub'], profile: ['name'], groups: ['groups'], roles: ['roles'] },
    // Gatehouse reads teams and roles from the ID token, which the console sends as its bearer.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: { IdToken: 600, AccessToken: 600, AuthorizationCode: 60, Session: 3600, Interaction: 600, Grant: 3600 },
    cookies: { keys: ['gatehouse-browser-tests'] },
    findAccount: (_ctx: unknown, id: string) => {
      const account = accounts.get(id);
      return account ? { accountId: id, claims: () => ({ ...account }) } : undefined;
    },
  });
  const server = await new Promise<Server>((resolve) => {
    const s: Server = provider.listen(port, '127.0.0.1', () => resolve(s));
  });
  return {
    issuer,
    clientId,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
