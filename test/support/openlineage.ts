import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

const FIXTURES = join(__dirname, '..', 'fixtures', 'openlineage');

/** A sample event from test/fixtures/openlineage (a fresh copy each time). */
export function sampleEvent(name: string): any {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));
}

export const PRODUCER = 'https://example.com/gatehouse-tests';
export const RUN_EVENT_SCHEMA = 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent';

/** A minimal, valid RunEvent for graph-building tests. */
export function runEvent(options: {
  job: string;
  namespace?: string;
  eventType?: string;
  runId?: string;
  eventTime?: string;
  inputs?: { namespace: string; name: string; facets?: Record<string, unknown> }[];
  outputs?: { namespace: string; name: string; facets?: Record<string, unknown> }[];
  runFacets?: Record<string, unknown>;
}): any {
  return {
    eventType: options.eventType ?? 'COMPLETE',
    eventTime: options.eventTime ?? new Date().toISOString(),
    producer: PRODUCER,
    schemaURL: RUN_EVENT_SCHEMA,
    run: { runId: options.runId ?? randomUUID(), ...(options.runFacets ? { facets: options.runFacets } : {}) },
    job: { namespace: options.namespace ?? 'tests', name: options.job },
    inputs: options.inputs ?? [],
    outputs: options.outputs ?? [],
  };
}
