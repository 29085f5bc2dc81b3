import type { RunEvent } from '../openlineage/openlineage.types';
import { StoredStateCache } from './stored-state.cache';

const event = (runId: string, eventType: RunEvent['eventType'] = 'START'): RunEvent => ({
  kind: 'run',
  eventType,
  eventTime: '2026-11-30T00:00:00Z',
  producer: 'https://example.com/p',
  schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
  run: { runId, facets: { nominalTime: { _producer: 'p', _schemaURL: 's', nominalStartTime: '2026-11-30T00:00:00Z' } } },
  job: { namespace: 'ns', name: 'job', facets: { jobType: { _producer: 'p', _schemaURL: 's', jobType: 'TASK' } } },
  inputs: [{ namespace: 'ns', name: 'in', facets: { schema: { _producer: 'p', _schemaURL: 's', fields: [] } } }],
  outputs: [{ namespace: 'ns', name: 'out', outputFacets: { outputStatistics: { _producer: 'p', _schemaURL: 's', rowCount: 1 } } }],
});

describe('StoredStateCache', () => {
  it('keeps run events in the shape the store reads them back in: job and datasets by name only', () => {
    const cache = new StoredStateCache();
    cache.rememberRunEvent('d1', event('r1'));
    expect(cache.runEvents(['r1', 'unknown'])).toEqual(
      new Map([['d1', { ...event('r1'), job: { namespace: 'ns', name: 'job' }, inputs: [{ namespace: 'ns', name: 'in' }], outputs: [{ namespace: 'ns', name: 'out' }] }]]),
    );
  });

  it('drops the runs used least recently once it holds more events than its bound', () => {
    const cache = new StoredStateCache(3, 10);
    cache.rememberRunEvent('a1', event('a'));
    cache.rememberRunEvent('a2', event('a', 'COMPLETE'));
    cache.rememberRunEvent('b1', event('b'));
    cache.runEvents(['a']); // a is now the most recently used
    cache.rememberRunEvent('c1', event('c'));
    expect([...cache.runEvents(['a', 'b', 'c']).keys()].sort()).toEqual(['a1', 'a2', 'c1']);
    cache.rememberRunEvent('a1', event('a')); // known: nothing changes
    cache.rememberRunEvent('d1', event('d'));
    expect([...cache.runEvents(['a', 'b', 'c', 'd']).keys()].sort()).toEqual(['c1', 'd1']);
  });

  it('answers nodes with the row version they were read at, and drops the least recently used', () => {
    const cache = new StoredStateCache(10, 2);
    const state = (id: string) => ({ id, facets: {}, facet_times: {} });
    cache.rememberNode('x', '100', state('x'));
    cache.rememberNode('y', '101', state('y'));
    cache.knownNodes(['x']);
    cache.rememberNode('z', '102', state('z'));
    expect(cache.knownNodes(['x', 'y', 'z'])).toEqual(
      new Map([
        ['x', { version: '100', state: state('x') }],
        ['z', { version: '102', state: state('z') }],
      ]),
    );
    cache.rememberNode('x', '140', state('x'));
    expect(cache.knownNodes(['x']).get('x')?.version).toBe('140');
  });
});
