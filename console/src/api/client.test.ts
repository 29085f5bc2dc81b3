import { describe, expect, it } from 'vitest';
import { getToken, onSessionEvent, peekNotice, signIn } from '../auth/session';
import { fakeFetch, json, problem } from '../test/fakeApi';
import { api, data } from './client';
import { ApiProblem, problemFromResponse } from './problem';

describe('the API client', () => {
  it('sends the session token as a bearer token, to the same origin', async () => {
    const fake = fakeFetch(() => json({ id: 'ana', name: 'Ana', kind: 'person', teams: [], roles: [] }));
    signIn('ghs_session');
    const me = await data(api.GET('/api/v1/me'));
    expect(me.name).toBe('Ana');
    expect(fake.requests[0]!.headers.get('authorization')).toBe('Bearer ghs_session');
    expect(new URL(fake.requests[0]!.url).pathname).toBe('/api/v1/me');
  });

  it('keeps an Authorization header the caller set', async () => {
    const fake = fakeFetch(() => json({}));
    signIn('ghs_session');
    await api.GET('/api/v1/me', { headers: { Authorization: 'Bearer other' } });
    expect(fake.requests[0]!.headers.get('authorization')).toBe('Bearer other');
  });

  it('serializes query parameters from the typed params', async () => {
    const fake = fakeFetch(() => json({ items: [] }));
    await api.GET('/api/v1/data-products', { params: { query: { q: 'orders daily', tier: 2, cursor: 'abc' } } });
    const url = new URL(fake.requests[0]!.url);
    expect(url.searchParams.get('q')).toBe('orders daily');
    expect(url.searchParams.get('tier')).toBe('2');
    expect(url.searchParams.get('cursor')).toBe('abc');
  });

  it('throws every non-2xx answer as an ApiProblem with the problem+json members', async () => {
    fakeFetch(() =>
      problem(400, 'validation_failed', 'Validation failed', {
        errors: [
          { field: 'spec.sla.freshness', message: 'must be a positive ISO 8601 duration' },
          { field: 'query.cursor', message: 'is not a cursor' },
        ],
      }),
    );
    const error = await data(api.GET('/api/v1/data-products', { params: { query: {} } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    const p = error as ApiProblem;
    expect([p.status, p.code, p.title, p.detail, p.requestId]).toEqual([400, 'validation_failed', 'Validation failed', 'Validation failed.', 'req-1']);
    expect(p.errors).toEqual([
      { field: 'spec.sla.freshness', message: 'must be a positive ISO 8601 duration' },
      { field: 'query.cursor', message: 'is not a cursor' },
    ]);
    expect(p.errorsFor('query.cursor')).toEqual(['is not a cursor']);
  });

  it('reads the policy decision of a 403', async () => {
    fakeFetch(() =>
      problem(403, 'forbidden', 'Forbidden', {
        detail: 'Not allowed to update DataProduct orders: owners edit their own products.',
        reason: 'owners edit their own products',
        rule: { role: 'owner', file: 'roles.yaml', path: 'roles.owner.rules[1]' },
        policyVersion: 'sha256:abc',
      }),
    );
    const p = (await api.GET('/api/v1/policies').catch((e: unknown) => e)) as ApiProblem;
    expect([p.status, p.reason, p.rule, p.policyVersion]).toEqual([403, 'owners edit their own products', { role: 'owner', file: 'roles.yaml', path: 'roles.owner.rules[1]' }, 'sha256:abc']);
    expect(p.isForbidden).toBe(true);
  });

  it('makes a problem of an answer that is not problem+json (a proxy error page)', async () => {
    fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html', 'x-request-id': 'edge-9' } }));
    const p = (await api.GET('/api/v1/me').catch((e: unknown) => e)) as ApiProblem;
    expect([p.status, p.code, p.title, p.requestId]).toEqual([502, 'unexpected_response', 'Bad gateway', 'edge-9']);
    expect(p.errors).toEqual([]);
  });

  it('makes a network_error problem when the server cannot be reached', async () => {
    fakeFetch(() => {
      throw new TypeError('fetch failed');
    });
    const p = (await api.GET('/api/v1/me').catch((e: unknown) => e)) as ApiProblem;
    expect(p).toBeInstanceOf(ApiProblem);
    expect([p.status, p.code, p.title]).toEqual([0, 'network_error', 'Gatehouse could not be reached']);
  });

  it('ends the session on a 401 for the session token, with a notice', async () => {
    fakeFetch(() => problem(401, 'unauthorized', 'Unauthorized'));
    const events: string[] = [];
    onSessionEvent((e) => events.push(e));
    signIn('ghs_expired');
    const p = (await api.GET('/api/v1/me').catch((e: unknown) => e)) as ApiProblem;
    expect(p.status).toBe(401);
    expect(getToken()).toBeNull();
    expect(sessionStorage.length).toBe(0);
    expect(events).toEqual(['signed-in', 'ended']);
    expect(peekNotice()).toBe('Your session ended; sign in again.');
  });

  it('does not end the session on a 401 for another token (one being tried at sign-in)', async () => {
    fakeFetch(() => problem(401, 'unauthorized', 'Unauthorized'));
    signIn('ghs_good');
    await api.GET('/api/v1/me', { headers: { Authorization: 'Bearer ghs_wrong' } }).catch(() => undefined);
    expect(getToken()).toBe('ghs_good');
  });
});

describe('problemFromResponse', () => {
  it('takes the status from the response when the body has none, and the request id from the header', () => {
    const p = problemFromResponse(new Response(null, { status: 409, headers: { 'x-request-id': 'r-7' } }), { title: 'Conflict', code: 'conflict' });
    expect([p.status, p.title, p.code, p.requestId, p.rule]).toEqual([409, 'Conflict', 'conflict', 'r-7', null]);
  });

  it('ignores a malformed rule and field list', () => {
    const p = problemFromResponse(new Response(null, { status: 403 }), { title: 'Forbidden', status: 403, code: 'forbidden', rule: { role: 'x' }, errors: 'nope' });
    expect(p.rule).toBeNull();
    expect(p.errors).toEqual([]);
  });
});
