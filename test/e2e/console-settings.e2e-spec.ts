import { documentedResponses } from '../support/openapi-responses';
import { startTestApp, TestApp } from '../support/test-app';

describe('console settings (HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ lineageViewMaxNodes: 250 });
    const person = { id: 'olga', name: 'Olga', kind: 'person', teams: [], roles: [] };
    expect((await t.request('POST', '/api/v1/principals', { body: person })).status).toBe(201);
  });
  afterAll(() => t.close());

  it('tells any signed-in principal how many lineage nodes to draw at once', async () => {
    const issued = await t.request('POST', '/api/v1/tokens', { body: { principal: 'olga' } });
    const r = await t.request('GET', '/api/v1/console/settings', { token: issued.body.token });
    expect([r.status, r.body]).toEqual([200, { lineageMaxNodes: 250 }]);
    expect((await documentedResponses(t))('GET', '/api/v1/console/settings', r.body)).toEqual([]);
  });

  it('is not public', async () => {
    expect((await t.request('GET', '/api/v1/console/settings', { token: null })).status).toBe(401);
  });
});
