import type { RunEvent } from '../openlineage/openlineage.types';
import type { NodeState } from './lineage-store.state';

/** A node's stored state with the row version it was read at (PostgreSQL's `xmin`). */
export interface CachedNode {
  version: string;
  state: NodeState;
}

/**
 * What a lineage write read of the stored state before, kept so the next write that needs the same
 * rows gets only their identity from the database, not their JSON: a run's START is read back when
 * its COMPLETE arrives, and every event names nodes whose facets rarely change. Reading that JSON
 * was a third of what the database produced and the Node thread decoded per event.
 *
 * Nothing here can be stale. A run event is known by its digest, the SHA-256 of its content. A node
 * is known with the version of its row (`xmin`, the transaction that wrote that row version), and
 * the database sends the node's JSON again whenever the stored version is another one, so a write
 * by another transaction or another Gatehouse instance is always seen. Both maps are bounded and
 * drop the least recently used entries; a miss costs what a read cost before.
 */
export class StoredStateCache {
  /** Run id → digest → the event as the run projection reads it. */
  private readonly runs = new Map<string, Map<string, RunEvent>>();
  private readonly nodes = new Map<string, CachedNode>();
  private events = 0;

  constructor(
    private readonly maxEvents = 4096,
    private readonly maxNodes = 8192,
  ) {}

  /**
   * The events known of these runs, by digest. A read takes this snapshot before it asks, and the
   * database leaves out the JSON of these digests; concurrent writes may evict entries meanwhile.
   */
  runEvents(runIds: string[]): Map<string, RunEvent> {
    const known = new Map<string, RunEvent>();
    for (const runId of runIds) {
      const events = this.runs.get(runId);
      if (!events) continue;
      this.touch(this.runs, runId, events);
      for (const [digest, event] of events) known.set(digest, event);
    }
    return known;
  }

  /** Keeps a run event in the shape the projection reads (datasets and job by name only). */
  rememberRunEvent(digest: string, event: RunEvent): void {
    const runId = event.run.runId;
    const events = this.runs.get(runId) ?? new Map<string, RunEvent>();
    if (events.has(digest)) return;
    events.set(digest, projectionShape(event));
    this.events++;
    this.touch(this.runs, runId, events);
    for (const [oldest, dropped] of this.runs) {
      if (this.events <= this.maxEvents || oldest === runId) break;
      this.runs.delete(oldest);
      this.events -= dropped.size;
    }
  }

  /** The known state of these nodes (a snapshot, as for run events). */
  knownNodes(ids: string[]): Map<string, CachedNode> {
    const known = new Map<string, CachedNode>();
    for (const id of ids) {
      const cached = this.nodes.get(id);
      if (!cached) continue;
      this.touch(this.nodes, id, cached);
      known.set(id, cached);
    }
    return known;
  }

  rememberNode(id: string, version: string, state: NodeState): void {
    this.touch(this.nodes, id, { version, state });
    if (this.nodes.size > this.maxNodes) this.nodes.delete(this.nodes.keys().next().value!);
  }

  /** Moves an entry to the end of its map's order, where the most recently used are. */
  private touch<V>(map: Map<string, V>, key: string, value: V): void {
    map.delete(key);
    map.set(key, value);
  }
}

/** What the store's read sends of a run's other events: the job and the datasets by name only. */
function projectionShape(event: RunEvent): RunEvent {
  const name = (d: { namespace: string; name: string }) => ({ namespace: d.namespace, name: d.name });
  return { ...event, job: name(event.job), inputs: event.inputs.map(name), outputs: event.outputs.map(name) };
}
