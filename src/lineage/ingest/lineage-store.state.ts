import type { SqlTransaction } from '../../database/sql-session';
import type { Facets, RunEvent } from '../openlineage/openlineage.types';
import type { StoredStateCache } from './stored-state.cache';

/** A graph node as stored: its facets and the event time each facet was last set by. */
export interface NodeState {
  id: string;
  facets: Facets;
  facet_times: Record<string, string>;
}

/** An edge the events of a call show, with the latest event time they show it at. */
export interface EdgeSighting {
  origin: string;
  destination: string;
  at: string;
}

/** An edge as stored (ISO times). */
export interface KnownEdge {
  first: string;
  last: string;
}

export interface StoredState {
  /**
   * The other stored events of each run, in arrival order (seq), with what the run projection
   * reads: the job and the datasets by name only (their facets, most of an event's size, are the
   * graph nodes' business and would only be decoded to be dropped).
   */
  runEvents: Map<string, RunEvent[]>;
  nodes: Map<string, NodeState>;
  edges: Map<string, KnownEdge>;
}

export const edgeKey = (origin: string, destination: string) => `${origin}\u0000${destination}`;

/**
 * Everything a lineage write needs to know of what is stored, in ONE round trip (each costs the
 * ingestion more than the bytes it carries): the runs' other events (the call's own, `ownDigests`,
 * are at hand already, whether new or stored before), and the nodes and edges the events name —
 * read without locking. What `cache` already holds comes back as identities only (see
 * StoredStateCache); what is read in full is remembered there. A payload read in full is decoded
 * from its JSON text once: `OFFSET 0` keeps the planner from repeating the cast at each use.
 */
export async function readState(
  tx: SqlTransaction,
  wanted: { runIds: string[]; ownDigests: string[]; nodeIds: string[]; edges: EdgeSighting[] },
  cache: StoredStateCache,
): Promise<StoredState> {
  const knownEvents = cache.runEvents(wanted.runIds);
  const knownNodes = cache.knownNodes(wanted.nodeIds);
  const [row] = await tx.query<{ events: { r: string; d: string; p: RunEvent | null }[]; nodes: { id: string; v: string; facets: Facets | null; facet_times: Record<string, string> | null }[]; edges: { o: string; d: string; f: string; l: string }[] }>(
    `SELECT
       (SELECT coalesce(json_agg(json_build_object('r', run_id::text, 'd', digest, 'p', CASE WHEN digest = ANY($6::text[]) THEN NULL ELSE
                 (SELECT (j - 'job' - 'inputs' - 'outputs') || jsonb_build_object(
                   'job', jsonb_build_object('namespace', j->'job'->'namespace', 'name', j->'job'->'name'),
                   'inputs', (SELECT coalesce(jsonb_agg(jsonb_build_object('namespace', d->'namespace', 'name', d->'name')), '[]') FROM jsonb_array_elements(j->'inputs') d),
                   'outputs', (SELECT coalesce(jsonb_agg(jsonb_build_object('namespace', d->'namespace', 'name', d->'name')), '[]') FROM jsonb_array_elements(j->'outputs') d))
                  FROM (SELECT payload::jsonb AS j OFFSET 0) AS decoded)
               END) ORDER BY seq), '[]')
          FROM lineage_event WHERE run_id = ANY($1::uuid[]) AND kind = 'run' AND NOT (digest = ANY($2::text[]))) AS events,
       (SELECT coalesce(json_agg(json_build_object('id', n.id, 'v', n.xmin::text,
                 'facets', CASE WHEN n.xmin::text = k.v THEN NULL ELSE n.facets END,
                 'facet_times', CASE WHEN n.xmin::text = k.v THEN NULL ELSE n.facet_times END)), '[]')
          FROM unnest($3::text[], $7::text[]) AS k(id, v) JOIN lineage_node n ON n.id = k.id) AS nodes,
       (SELECT coalesce(json_agg(json_build_object('o', e.origin, 'd', e.destination, 'f', e.first_seen_at, 'l', e.last_seen_at)), '[]')
          FROM lineage_edge e JOIN unnest($4::text[], $5::text[]) AS x(o, d) ON e.origin = x.o AND e.destination = x.d) AS edges`,
    [
      wanted.runIds,
      wanted.ownDigests,
      wanted.nodeIds,
      wanted.edges.map((e) => e.origin),
      wanted.edges.map((e) => e.destination),
      [...knownEvents.keys()],
      wanted.nodeIds.map((id) => knownNodes.get(id)?.version ?? ''),
    ],
  );
  const runEvents = new Map<string, RunEvent[]>();
  for (const { r, d, p } of row.events) {
    const event = p ?? knownEvents.get(d)!;
    if (p) cache.rememberRunEvent(d, p);
    const list = runEvents.get(r);
    if (list) list.push(event);
    else runEvents.set(r, [event]);
  }
  const nodes = new Map<string, NodeState>();
  for (const { id, v, facets, facet_times } of row.nodes) {
    if (facets === null || facet_times === null) {
      nodes.set(id, knownNodes.get(id)!.state);
    } else {
      const state: NodeState = { id, facets, facet_times };
      cache.rememberNode(id, v, state);
      nodes.set(id, state);
    }
  }
  return {
    runEvents,
    nodes,
    edges: new Map(row.edges.map((e) => [edgeKey(e.o, e.d), { first: e.f, last: e.l }])),
  };
}
