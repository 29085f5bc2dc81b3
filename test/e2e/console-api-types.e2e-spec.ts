import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/database/project-paths';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The console's API types (console/src/api/schema.d.ts) are generated from this server's OpenAPI
 * document; this fails when the checked-in file no longer matches the document (regenerate with
 * `npm run console:types`).
 */
describe("the console's generated API types", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('match what /openapi.json gives today', async () => {
    const document = (await t.request('GET', '/openapi.json', { token: null })).body;
    const generator = join(projectRoot(), 'console', 'scripts', 'api-types.mjs');
    const { apiTypesFor, SCHEMA_FILE } = (await import(generator)) as { apiTypesFor(doc: unknown): Promise<string>; SCHEMA_FILE: string };
    const checkedIn = readFileSync(join(projectRoot(), 'console', SCHEMA_FILE), 'utf8');
    const fresh = await apiTypesFor(document);
    // A short message rather than a 5,000-line diff: what to run says it all.
    expect(fresh === checkedIn ? 'up to date' : 'console/src/api/schema.d.ts is stale: run npm run console:types').toBe('up to date');
  });
});
