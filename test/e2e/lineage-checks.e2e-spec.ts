import { randomUUID } from 'node:crypto';
import { LineageGraphRepository } from '../../src/lineage/graph/lineage-graph.repository';
import { LineageIngestService } from '../../src/lineage/ingest/lineage-ingest.service';
import { PRODUCER, runEvent } from '../support/openlineage';
import { startTestApp, TestApp } from '../support/test-app';

const WAREHOUSE = 'postgres://warehouse:5432';
// A quote and a backslash: payloads are searched as text first, so the name must be spelled as JSON spells it.
const ODD = 'analytics."odd\\name"';

describe('latest data-quality results read from lineage (what the checksPassing gate decides on)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const at = (second: number) => new Date(Date.UTC(2026, 3, 1, 0, 0, second)).toISOString();
  const assetChecks = (passed: boolean) => ({
    gatehouse_assetChecks: { _producer: PRODUCER, _schemaURL: 'https://example.com/schemas/AssetChecks.json', checks: [{ name: 'has_rows', passed }] },
  });
  const assertions = (success: boolean) => ({
    dataQualityAssertions: {
      _producer: PRODUCER,
      _schemaURL: 'https://openlineage.io/spec/facets/1-0-1/DataQualityAssertionsDatasetFacet.json',
      assertions: [{ assertion: 'not_null', success }],
    },
  });

  /** One run event of job `job` that writes `output` and reads `input`, each with the given facets. */
  async function send(o: { eventType: string; second: number; namespace?: string; output?: [string, object]; input?: [string, object] }): Promise<string> {
    const runId = randomUUID();
    const event = runEvent({ job: 'quality', namespace: o.namespace, eventType: o.eventType, runId, eventTime: at(o.second) });
    if (o.output) event.outputs = [{ namespace: WAREHOUSE, name: o.output[0], outputFacets: o.output[1] }];
    if (o.input) event.inputs = [{ namespace: WAREHOUSE, name: o.input[0], inputFacets: o.input[1] }];
    await t.app.get(LineageIngestService).ingestBody(event, 'tests');
    return runId;
  }

  it('gives each dataset the checks of the newest COMPLETE or FAIL event of a run in the namespaces asked for', async () => {
    await send({ eventType: 'COMPLETE', second: 1, output: [ODD, assetChecks(false)] });
    const newest = await send({ eventType: 'COMPLETE', second: 5, output: [ODD, assetChecks(true)] });
    // Not a result: a START, a run of another namespace, a dataset whose name only starts the same.
    await send({ eventType: 'START', second: 9, output: [ODD, assetChecks(false)] });
    await send({ eventType: 'COMPLETE', second: 10, namespace: 'elsewhere', output: [ODD, assetChecks(false)] });
    await send({ eventType: 'COMPLETE', second: 11, output: [`${ODD}_v2`, assetChecks(false)] });
    const failed = await send({ eventType: 'FAIL', second: 3, input: ['analytics.orders', assertions(false)] });
    await send({ eventType: 'COMPLETE', second: 4, output: ['analytics.unchecked', {}] });

    const results = await t.app.get(LineageGraphRepository).latestChecks(
      [ODD, 'analytics.orders', 'analytics.unchecked'].map((name) => ({ namespace: WAREHOUSE, name })),
      ['tests'],
    );
    expect(results).toEqual([
      { dataset: `dataset:${WAREHOUSE}:${ODD}`, runId: newest, at: at(5), checks: [{ name: 'has_rows', passed: true }] },
      { dataset: `dataset:${WAREHOUSE}:analytics.orders`, runId: failed, at: at(3), checks: [{ name: 'not_null', passed: false }] },
    ]);
  });
});
