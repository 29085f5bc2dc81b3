import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface JwksServer {
  /** `http://127.0.0.1:<port>`; also the issuer its discovery document names. */
  issuer: string;
  jwksUrl: string;
  /** How many times the key set was fetched. */
  jwksRequests(): number;
  close(): Promise<void>;
}

/**
 * A stand-in identity provider on loopback: serves `keys` (public JWKs) at /jwks.json and the
 * OpenID Provider metadata at /.well-known/openid-configuration.
 */
export async function startJwksServer(keys: object[]): Promise<JwksServer> {
  let jwksRequests = 0;
  let issuer = '';
  const server = createServer((request, response) => {
    const json = (body: unknown) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (request.url === '/jwks.json') {
      jwksRequests++;
      json({ keys });
    } else if (request.url === '/.well-known/openid-configuration') {
      json({ issuer, jwks_uri: `${issuer}/jwks.json`, id_token_signing_alg_values_supported: ['RS256', 'ES256'] });
    } else {
      response.writeHead(404).end();
    }
  });
  const port = await listen(server);
  issuer = `http://127.0.0.1:${port}`;
  return {
    issuer,
    jwksUrl: `${issuer}/jwks.json`,
    jwksRequests: () => jwksRequests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Clients keep connections alive; close would otherwise wait for them to time out.
        server.closeAllConnections();
      }),
  };
}

/** A loopback URL nothing listens on (the port was free a moment ago): an identity provider that is down. */
export async function deadLoopbackUrl(path = '/jwks.json'): Promise<string> {
  const server = createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}${path}`;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}
