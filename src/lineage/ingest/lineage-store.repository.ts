import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { SqlTransaction } from '../../database/sql-session';
import { datasetNodeId, jobNodeId, NodeType } from '../node-id';
import type { DatasetRef, Facet, Facets, LineageEvent, RunEvent } from '../openlineage/openlineage.types';
import { sameJson } from '../../common/same-json';
import { projectRun, ProjectedRun } from '../projection/run-projection';
import { edgeKey, EdgeSighting, KnownEdge, NodeState, readState } from './lineage-store.state';
import { StoredStateCache } from './stored-state.cache';
import { newAliasClaims, recordAliases } from './symlink-aliases';

type Tx = SqlTransaction;

/** An accepted event with the digest that makes redelivery a no-op. */
export interface DigestedEvent {
  event: LineageEvent;
  digest: string;
  /** The event as JSON text, to be stored (see digestEvent). */
  json: string;
  /** The principal that sent it. */
  receivedBy: string;
}

export interface StoreResult {
  /** Digests of the events this call stored (the others were stored before). */
  inserted: Set<string>;
  /** The runs whose state this write changed, as now projected. */
  runs: ProjectedRun[];
}

interface NodeWrite {
  id: string;
  type: NodeType;
  namespace: string;
  name: string;
  facets: Facets;
  at: string;
}

/** Key space of the per-run advisory locks (hashtextextended's seed). */
const RUN_LOCK_SPACE = 7401;

/** How far an edge's last sighting must move before it is written again. */
const EDGE_SIGHTING_STEP_MS = 60_000;

/**
 * Owns the lineage tables. One call is one transaction: the events are inserted (a digest already
 * stored is skipped), then the graph is brought up to date from the new ones only. So a 2xx answer
 * means the events are durable, and a redelivered event changes nothing.
 *
 * Locks are always taken in the same order — runs by id, then nodes by id, then edges by key, then
 * aliases (symlinks, see symlink-aliases.ts) by alias — so concurrent ingestions do not deadlock one
 * another (but for the rare repointing of aliases when an identity that has some becomes an alias
 * itself). Statements are set-based (one per table and call, not per event), and graph rows are
 * only locked when an event really changes them: producers resend the same facets on every run.
 */
@Injectable()
export class LineageStoreRepository {
  private readonly cache = new StoredStateCache();

  constructor(private readonly prisma: PrismaService) {}

  async store(events: DigestedEvent[]): Promise<StoreResult> {
    if (!events.length) return { inserted: new Set<string>(), runs: [] };
    const all = [...new Map(events.map((e) => [e.digest, e])).values()];
    const runEvents = all.filter((e) => e.event.kind === 'run');
    const allWrites = nodeWritesOf(all.map((e) => e.event));
    const allSightings = edgeSightingsOf(all.map((e) => e.event));
    // Plain SQL, not Prisma: these statements carry the events' JSON both ways (see sql-session.ts).
    // Each step issues its statements at once and they are pipelined: round trips, not bytes, are
    // what a write costs here, and a group needs two (three when a node's facets change).
    const result = await this.prisma.connection.sql.transaction(async (tx) => {
      // 1. The insert, which takes the run locks, and behind it the read of what is stored: a
      //    statement of its own, so it sees what writers of the same runs committed while this one
      //    waited for their locks. Read for every event of the call, before knowing which are new.
      const [fresh, state] = await Promise.all([
        insertEvents(tx, all),
        readState(
          tx,
          {
            runIds: [...new Set(runEvents.map((e) => (e.event as RunEvent).run.runId))].sort(),
            ownDigests: runEvents.map((e) => e.digest),
            nodeIds: [...allWrites.keys()].sort(),
            edges: [...allSightings.values()],
          },
          this.cache,
        ),
      ]);
      if (!fresh.length) return { inserted: new Set<string>(), runs: [] };
      const everything = fresh.length === all.length;
      const freshEvents = fresh.map((e) => e.event);
      // 2. Runs, then the graph rows (their locks, shared by every run of the same job, are held the
      //    shortest time), with COMMIT behind them; a node whose facets change needs one more trip.
      const runIds = [...new Set(freshEvents.flatMap((e) => (e.kind === 'run' ? [e.run.runId] : [])))].sort();
      const runs = reprojectRuns(tx, runIds, runEvents, state.runEvents);
      const nodeWrites = everything ? allWrites : nodeWritesOf(freshEvents);
      const merging = upsertNodes(tx, nodeWrites, state.nodes);
      upsertEdges(tx, everything ? allSightings : edgeSightingsOf(freshEvents), state.edges);
      // Only identities the stored nodes do not list yet: none in steady state, so no statement.
      recordAliases(tx, newAliasClaims(nodeWrites, (id) => state.nodes.get(id)?.facets));
      await merging;
      return { inserted: new Set(fresh.map((e) => e.digest)), runs };
    });
    // The next event of these runs reads them back by digest only.
    for (const { digest, event } of runEvents) this.cache.rememberRunEvent(digest, event as RunEvent);
    return result;
  }
}

/**
 * Separates the payloads in insertEvents' text parameter. JSON text never holds it raw: every
 * payload comes from JSON.stringify, which escapes all control characters.
 */
const PAYLOAD_SEPARATOR = '\u001e';

/** Issues its statement at once (see store). */
function insertEvents(tx: Tx, events: DigestedEvent[]): Promise<DigestedEvent[]> {
  // Two parameters for the whole call, with no per-element array escaping (payloads are several KB
  // each): the short columns as one json array, and the payloads as one text, each the event's
  // JSON made for its digest, not serialised again. PostgreSQL stores each as that very text,
  // checked once by json's input function: within a json parameter it would be scanned twice more
  // (json_to_recordset unescapes every string it reads), and jsonb would decode it (see the
  // migration lineage_payload_json). Rows are inserted in call order, so seq follows it.
  const columns = events.map(({ digest, event: e, receivedBy }, n) => ({
    n: n + 1,
    d: digest,
    k: e.kind,
    t: e.kind === 'run' ? (e.eventType ?? 'OTHER') : null,
    et: e.eventTime,
    r: e.kind === 'run' ? e.run.runId : null,
    jn: e.kind === 'dataset' ? null : e.job.namespace,
    jname: e.kind === 'dataset' ? null : e.job.name,
    p: e.producer,
    rb: receivedBy,
  }));
  // The same round trip then takes the advisory lock of every run that got a new event (in run-id
  // order; see reprojectRuns), once all rows are inserted: the scalar subquery reads the whole
  // INSERT first, so a duplicate digest still in flight elsewhere is waited for before any run lock.
  const inserting = tx.query<{ digest: string }>(
    `WITH added AS (
       INSERT INTO lineage_event (digest, kind, event_type, event_time, run_id, job_namespace, job_name, producer, payload, received_by)
       SELECT x.d, x.k, x.t, x.et::timestamptz, x.r::uuid, x.jn, x.jname, x.p, p.pl::json, x.rb
         FROM json_to_recordset($1::json) AS x(n int, d text, k text, t text, et text, r text, jn text, jname text, p text, rb text)
         JOIN string_to_table($2, $3) WITH ORDINALITY AS p(pl, n) ON p.n = x.n
        ORDER BY x.n
       ON CONFLICT (digest) DO NOTHING
       RETURNING digest, run_id)
     SELECT digest, (SELECT count(pg_advisory_xact_lock(hashtextextended(r, ${RUN_LOCK_SPACE})))
                       FROM (SELECT DISTINCT run_id::text AS r FROM added WHERE run_id IS NOT NULL ORDER BY 1) s) AS runs_locked
       FROM added`,
    [JSON.stringify(columns), events.map((e) => e.json).join(PAYLOAD_SEPARATOR), PAYLOAD_SEPARATOR],
  );
  return inserting.then((inserted) => {
    const stored = new Set(inserted.map((r) => r.digest));
    return events.filter((e) => stored.has(e.digest));
  });
}

/** Jobs and datasets an event names, with the facets it reports for each. */
function nodesOf(event: LineageEvent): NodeWrite[] {
  const dataset = (d: DatasetRef): NodeWrite => ({ id: datasetNodeId(d.namespace, d.name), type: 'DATASET', namespace: d.namespace, name: d.name, facets: d.facets ?? {}, at: event.eventTime });
  if (event.kind === 'dataset') return [dataset(event.dataset)];
  const job: NodeWrite = { id: jobNodeId(event.job.namespace, event.job.name), type: 'JOB', namespace: event.job.namespace, name: event.job.name, facets: event.job.facets ?? {}, at: event.eventTime };
  return [job, ...event.inputs.map(dataset), ...event.outputs.map(dataset)];
}

/** Each node's writes, in event order. */
function nodeWritesOf(events: LineageEvent[]): Map<string, NodeWrite[]> {
  const writes = new Map<string, NodeWrite[]>();
  for (const w of events.flatMap(nodesOf)) {
    const list = writes.get(w.id);
    if (list) list.push(w);
    else writes.set(w.id, [w]);
  }
  return writes;
}

/**
 * `known` was read without locking; a node is locked only when this write changes it. The insert
 * of new nodes and the lock of the changing ones go out at once; the update follows their answer
 * (it needs the locked facets) and is left in flight for the transaction's COMMIT to follow.
 */
function upsertNodes(tx: Tx, writes: Map<string, NodeWrite[]>, known: Map<string, NodeState>): Promise<void> | undefined {
  if (!writes.size) return undefined;
  const ids = [...writes.keys()].sort();
  const missing = ids.filter((id) => !known.has(id));
  const changing = ids.filter((id) => known.has(id) && changes(known.get(id)!, writes.get(id)!));
  const inserting: Promise<{ id: string }[]> = missing.length ? insertNodes(tx, missing, writes) : Promise.resolve([]);
  // A missing node that a concurrent ingestion created first is merged like a changing one, so
  // missing nodes are locked too (the ones this insert created are this transaction's already).
  const lock = [...missing, ...changing].sort();
  if (!lock.length) return undefined;
  const locking = tx.query<NodeState>(`SELECT id, facets, facet_times FROM lineage_node WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`, [lock]);
  return Promise.all([inserting, locking]).then(([inserted, locked]) => {
    const created = new Set(inserted.map((r) => r.id));
    const updates = locked.filter((row) => !created.has(row.id)).map((row) => ({ id: row.id, ...merged(row, writes.get(row.id)!) }));
    if (!updates.length) return;
    void tx.query(
      `UPDATE lineage_node n SET facets = u.f, facet_times = u.t, updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS u(id text, f jsonb, t jsonb) WHERE n.id = u.id`,
      [JSON.stringify(updates.map((u) => ({ id: u.id, f: u.facets, t: u.times })))],
    );
  });
}

/** New nodes with the facets of their writes; answers the ids this statement created. */
function insertNodes(tx: Tx, missing: string[], writes: Map<string, NodeWrite[]>): Promise<{ id: string }[]> {
  const rows = missing.map((id) => {
    const nodeWrites = writes.get(id)!;
    const { type, namespace, name } = nodeWrites[0];
    const { facets, times } = merged({ id, facets: {}, facet_times: {} }, nodeWrites);
    return { i: id, ty: type, ns: namespace, n: name, f: facets, t: times };
  });
  // Facets travel inside one jsonb value, not as elements of text arrays (see insertEvents).
  return tx.query<{ id: string }>(
    `INSERT INTO lineage_node (id, type, namespace, name, facets, facet_times)
     SELECT i, ty, ns, n, f, t FROM jsonb_to_recordset($1::jsonb) AS x(i text, ty text, ns text, n text, f jsonb, t jsonb)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [JSON.stringify(rows)],
  );
}

/** A node's facets after applying its writes of this call (in event order). */
function merged(row: NodeState, writes: NodeWrite[]): { facets: Facets; times: Record<string, string> } {
  const state = { facets: { ...row.facets }, times: { ...row.facet_times } };
  for (const w of writes) if (Object.keys(w.facets).length) mergeFacets(state, w.facets, w.at);
  return state;
}

/**
 * Whether the writes change the node's facets (a repeated facet with the same content is no
 * change). Only the facets the writes name can differ; each is followed through the writes as
 * mergeFacets would apply them, without copying the node's other facets (this runs for every node
 * of every write, and nearly always finds no change).
 */
function changes(row: NodeState, writes: NodeWrite[]): boolean {
  const after = new Map<string, { facet: Facet | undefined; at: string }>();
  for (const w of writes) {
    for (const name of Object.keys(w.facets)) {
      if (!applies(after.get(name)?.at ?? row.facet_times[name], w.at)) continue;
      const facet = w.facets[name];
      after.set(name, { facet: facet._deleted === true ? undefined : facet, at: w.at });
    }
  }
  for (const [name, { facet }] of after) {
    const stored = row.facets[name];
    if (stored === facet) continue;
    if (stored === undefined || facet === undefined || !sameJson(stored, facet)) return true;
  }
  return false;
}

/**
 * A facet replaces the stored facet of the same name unless the stored one came from a later
 * event (events arrive out of order); `_deleted: true` removes it.
 */
export function mergeFacets(into: { facets: Facets; times: Record<string, string> }, facets: Facets, at: string): void {
  for (const [name, facet] of Object.entries(facets)) {
    if (!applies(into.times[name], at)) continue;
    into.times[name] = at;
    if (facet._deleted === true) delete into.facets[name];
    else into.facets[name] = facet;
  }
}

/** Whether a facet sent at `at` replaces one set at `seen` (none: always). */
function applies(seen: string | undefined, at: string): boolean {
  return !seen || Date.parse(seen) <= Date.parse(at);
}

/** Each edge the events show, with its latest sighting. */
function edgeSightingsOf(events: LineageEvent[]): Map<string, EdgeSighting> {
  const edges = new Map<string, EdgeSighting>();
  for (const event of events) {
    if (event.kind === 'dataset') continue;
    const job = jobNodeId(event.job.namespace, event.job.name);
    const add = (origin: string, destination: string) => {
      const key = edgeKey(origin, destination);
      const known = edges.get(key);
      if (!known || known.at < event.eventTime) edges.set(key, { origin, destination, at: event.eventTime });
    };
    for (const d of event.inputs) add(datasetNodeId(d.namespace, d.name), job);
    for (const d of event.outputs) add(job, datasetNodeId(d.namespace, d.name));
  }
  return edges;
}

/**
 * Only new edges, and known ones whose first or last sighting moves by more than a minute, are
 * written: the others would only take a row lock that every run of the same job contends for.
 */
function upsertEdges(tx: Tx, edges: Map<string, EdgeSighting>, known: Map<string, KnownEdge>): void {
  const due = [...edges.entries()].filter(([key, e]) => {
    const k = known.get(key);
    const at = Date.parse(e.at);
    return !k || at > Date.parse(k.last) + EDGE_SIGHTING_STEP_MS || at < Date.parse(k.first);
  });
  if (!due.length) return;
  const sorted = due.sort(([a], [b]) => (a < b ? -1 : 1)).map(([, e]) => e);
  void tx.query(
    `INSERT INTO lineage_edge (origin, destination, first_seen_at, last_seen_at)
     SELECT o, d, t::timestamptz, t::timestamptz FROM unnest($1::text[], $2::text[], $3::text[]) AS x(o, d, t)
     ON CONFLICT (origin, destination) DO UPDATE
       SET first_seen_at = LEAST(lineage_edge.first_seen_at, EXCLUDED.first_seen_at),
           last_seen_at = GREATEST(lineage_edge.last_seen_at, EXCLUDED.last_seen_at)`,
    [
      sorted.map((e) => e.origin),
      sorted.map((e) => e.destination),
      sorted.map((e) => e.at),
    ],
  );
}

/**
 * Recomputes each run from every stored event of it. The advisory locks (taken in run-id order by
 * insertEvents, which must have run first in the transaction) serialise writers of one run, so
 * each sees the others' committed events and the last one to commit writes the full picture.
 * `own` are the call's run events, new or stored before (the read left them all out by digest);
 * `stored` the runs' other events.
 */
function reprojectRuns(tx: Tx, runIds: string[], own: DigestedEvent[], stored: Map<string, RunEvent[]>): ProjectedRun[] {
  if (!runIds.length) return [];
  const byRun = new Map<string, RunEvent[]>();
  for (const [runId, events] of stored) byRun.set(runId, [...events]);
  for (const { event } of own) {
    if (event.kind !== 'run') continue;
    const list = byRun.get(event.run.runId);
    if (list) list.push(event);
    else byRun.set(event.run.runId, [event]);
  }
  const runs = runIds.filter((id) => byRun.has(id)).map((id) => projectRun(byRun.get(id)!));
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  // A production counts only for a run that ended successfully; a later FAIL withdraws it.
  const productions = runs.flatMap((r) =>
    r.status === 'succeeded' && r.endedAt ? r.outputs.map((d) => ({ d: datasetNodeId(d.namespace, d.name), r: r.runId, j: r.jobId, n: r.jobNamespace, a: r.endedAt!.toISOString() })) : [],
  );
  const rows = runs.map((r) => ({
    r: r.runId,
    j: r.jobId,
    jns: r.jobNamespace,
    jn: r.jobName,
    st: r.status,
    le: r.lastEventType,
    sa: iso(r.startedAt),
    ea: iso(r.endedAt),
    nt: iso(r.nominalStartTime),
    pr: r.parentRunId,
    pj: r.parentJobId,
    nr: r.nativeRunId,
    em: r.errorMessage,
    f: r.facets,
    p: r.producer,
    ec: r.eventCount,
  }));
  // One round trip for the runs and their productions: the runs' rows (in run-id order, the lock
  // order), the productions they no longer have (withdrawn) and the ones they have now (the two
  // sets are disjoint). Rows travel as one jsonb value each way, like the events (see insertEvents).
  // Left in flight: the transaction fails if it does.
  void tx.query(
    `WITH upserted AS (
       INSERT INTO lineage_run (run_id, job_id, job_namespace, job_name, status, last_event_type, started_at, ended_at, nominal_start_time,
                                parent_run_id, parent_job_id, native_run_id, error_message, facets, producer, event_count, updated_at)
       SELECT r::uuid, j, jns, jn, st, le, sa::timestamptz, ea::timestamptz, nt::timestamptz, pr::uuid, pj, nr, em, f, p, ec, now()
         FROM json_to_recordset($1::json)
              AS x(r text, j text, jns text, jn text, st text, le text, sa text, ea text, nt text, pr text, pj text, nr text, em text, f json, p text, ec int)
       ON CONFLICT (run_id) DO UPDATE SET
         job_id = EXCLUDED.job_id, job_namespace = EXCLUDED.job_namespace, job_name = EXCLUDED.job_name, status = EXCLUDED.status,
         last_event_type = EXCLUDED.last_event_type, started_at = EXCLUDED.started_at, ended_at = EXCLUDED.ended_at,
         nominal_start_time = EXCLUDED.nominal_start_time, parent_run_id = EXCLUDED.parent_run_id, parent_job_id = EXCLUDED.parent_job_id,
         native_run_id = EXCLUDED.native_run_id, error_message = EXCLUDED.error_message, facets = EXCLUDED.facets,
         producer = EXCLUDED.producer, event_count = EXCLUDED.event_count, updated_at = now()
       RETURNING 1),
     produced AS (
       SELECT d, r::uuid AS r, j, n, a::timestamptz AS a FROM jsonb_to_recordset($2::jsonb) AS x(d text, r text, j text, n text, a text)),
     withdrawn AS (
       DELETE FROM dataset_production p
        WHERE p.run_id = ANY($3::uuid[]) AND NOT EXISTS (SELECT 1 FROM produced WHERE produced.d = p.dataset_id AND produced.r = p.run_id)
       RETURNING 1),
     added AS (
       INSERT INTO dataset_production (dataset_id, run_id, job_id, namespace, produced_at)
       SELECT d, r, j, n, a FROM produced
       ON CONFLICT (dataset_id, run_id) DO UPDATE SET job_id = EXCLUDED.job_id, namespace = EXCLUDED.namespace, produced_at = EXCLUDED.produced_at
       RETURNING 1)
     SELECT (SELECT count(*) FROM upserted) AS runs, (SELECT count(*) FROM withdrawn) AS withdrawn, (SELECT count(*) FROM added) AS added`,
    [JSON.stringify(rows), JSON.stringify(productions), runs.map((r) => r.runId)],
  );
  return runs;
}
