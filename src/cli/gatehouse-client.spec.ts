import { GatehouseClient, ServerUnusableError } from './gatehouse-client';

const SERVER = 'http://gatehouse.test:7400';

/** A fetch that records its calls and answers with `answer`. */
function fakeFetch(answer: () => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return answer();
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('GatehouseClient.apply', () => {
  it('PUTs the manifest as JSON with the bearer token and reads the outcome header', async () => {
    const { fetch, calls } = fakeFetch(() => json(201, {}, { 'gatehouse-apply-result': 'created' }));
    const client = new GatehouseClient({ server: SERVER, token: 'secret-token', fetch });
    await expect(client.apply('orders-daily', { a: 1 })).resolves.toEqual({ ok: true, outcome: 'created' });
    expect(calls[0].url).toBe(`${SERVER}/api/v1/data-products/orders-daily`);
    expect(calls[0].init).toMatchObject({ method: 'PUT', body: '{"a":1}' });
    expect(calls[0].init.headers).toMatchObject({ 'content-type': 'application/json', authorization: 'Bearer secret-token' });
    expect(calls[0].init.signal).toBeInstanceOf(AbortSignal);
  });

  it('escapes the name in the URL', async () => {
    const { fetch, calls } = fakeFetch(() => json(400, { detail: 'bad name' }));
    await new GatehouseClient({ server: SERVER, fetch }).apply('a/b?c', {});
    expect(calls[0].url).toBe(`${SERVER}/api/v1/data-products/a%2Fb%3Fc`);
    expect(calls[0].init.headers).not.toHaveProperty('authorization');
  });

  it('returns a problem detail with its field errors', async () => {
    const problem = { type: 't', title: 'Validation failed', status: 400, detail: 'The data product manifest is invalid.', code: 'validation_failed', errors: [{ field: 'spec.tier', message: 'too big' }], requestId: 'r' };
    const { fetch } = fakeFetch(() => json(400, problem));
    await expect(new GatehouseClient({ server: SERVER, fetch }).apply('x', {})).resolves.toEqual({
      ok: false,
      failure: { detail: 'The data product manifest is invalid.', errors: [{ field: 'spec.tier', message: 'too big' }] },
    });
  });

  it('falls back to the HTTP status when the error body is not a problem', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    await expect(new GatehouseClient({ server: SERVER, fetch }).apply('x', {})).resolves.toEqual({ ok: false, failure: { detail: 'HTTP 502 Bad Gateway', errors: [] } });
  });

  it('stops on a refused token without repeating the token', async () => {
    const { fetch } = fakeFetch(() => json(401, { detail: 'Missing or invalid bearer token.' }));
    const error = await new GatehouseClient({ server: SERVER, token: 'wrong-token-value', fetch }).apply('x', {}).catch((e: Error) => e);
    expect(error).toBeInstanceOf(ServerUnusableError);
    expect((error as Error).message).toBe(`Gatehouse at ${SERVER} refused the token (401 Unauthorized); check --token or GATEHOUSE_TOKEN`);
    const missing = await new GatehouseClient({ server: SERVER, fetch }).apply('x', {}).catch((e: Error) => e.message);
    expect(missing).toMatch(/requires a token.*GATEHOUSE_TOKEN/);
  });

  it('names the server it cannot reach, with the reason', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    const { fetch } = fakeFetch(() => Promise.reject(refused));
    await expect(new GatehouseClient({ server: SERVER, fetch }).apply('x', {})).rejects.toThrow(
      `cannot reach Gatehouse at ${SERVER} (ECONNREFUSED); is it running? Set the address with --server or GATEHOUSE_URL`,
    );
  });

  it('gives up on a server that does not answer in time', async () => {
    const hang = (async (_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)))) as unknown as typeof fetch;
    await expect(new GatehouseClient({ server: SERVER, fetch: hang, timeoutMs: 20 }).apply('x', {})).rejects.toThrow(
      new ServerUnusableError(`Gatehouse at ${SERVER} did not answer within 0.02 s`),
    );
  });

  it('stops when the answer is not from Gatehouse', async () => {
    const { fetch } = fakeFetch(() => json(200, {}));
    await expect(new GatehouseClient({ server: SERVER, fetch }).apply('x', {})).rejects.toThrow(/without a gatehouse-apply-result header/);
  });
});
