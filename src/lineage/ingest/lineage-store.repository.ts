import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../database/prisma.service';
import { datasetNodeId, jobNodeId, NodeType } from '../node-id';
import type { DatasetRef, Facets, LineageEvent, RunEvent } from '../openlineage/openlineage.types';
import { projectRun, ProjectedRun } from '../projection/run-projection';

type Tx = Prisma.TransactionClient;

/** An accepted event with the digest that makes redelivery a no-op. */
export interface DigestedEvent {
  event: LineageEvent;
  digest: string;
}

export interface StoreResult {
  stored: number;
  duplicates: number;
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

/**
 * Owns the lineage tables. One call is one transaction: the events are inserted (a digest already
 * stored is skipped), then the graph is brought up to date from the new ones only. So a 2xx answer
 * means the events are durable, and a redelivered event changes nothing.
 *
 * Locks are always taken in the same order — nodes by id, then edges by key, then runs by id — so
 * concurrent ingestions never deadlock one another.
 */
@Injectable()
export class LineageStoreRepository {
  constructor(private readonly prisma: PrismaService) {}

  async store(events: DigestedEvent[], receivedBy: string): Promise<StoreResult> {
    return this.prisma.$transaction(
      async (tx) => {
        const fresh = await insertEvents(tx, events, receivedBy);
        await upsertNodes(tx, fresh.map((e) => e.event));
        await upsertEdges(tx, fresh.map((e) => e.event));
        const runIds = [...new Set(fresh.flatMap((e) => (e.event.kind === 'run' ? [e.event.run.runId] : [])))].sort();
        const runs: ProjectedRun[] = [];
        for (const runId of runIds) runs.push(await reprojectRun(tx, runId));
        return { stored: fresh.length, duplicates: events.length - fresh.length, runs };
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  }
}

async function insertEvents(tx: Tx, events: DigestedEvent[], receivedBy: string): Promise<DigestedEvent[]> {
  if (!events.length) return [];
  const column = <T>(pick: (e: LineageEvent) => T) => events.map((e) => pick(e.event));
  const rows = await tx.$queryRawUnsafe<{ digest: string }[]>(
    `INSERT INTO lineage_event (digest, kind, event_type, event_time, run_id, job_namespace, job_name, producer, payload, received_by)
     SELECT d, k, t, et::timestamptz, r::uuid, jn, jname, p, pl::jsonb, $10
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
            AS x(d, k, t, et, r, jn, jname, p, pl)
     ON CONFLICT (digest) DO NOTHING
     RETURNING digest`,
    events.map((e) => e.digest),
    column((e) => e.kind),
    column((e) => (e.kind === 'run' ? (e.eventType ?? 'OTHER') : null)),
    column((e) => e.eventTime),
    column((e) => (e.kind === 'run' ? e.run.runId : null)),
    column((e) => (e.kind === 'dataset' ? null : e.job.namespace)),
    column((e) => (e.kind === 'dataset' ? null : e.job.name)),
    column((e) => e.producer),
    column((e) => JSON.stringify(e)),
    receivedBy,
  );
  const inserted = new Set(rows.map((r) => r.digest));
  return events.filter((e) => inserted.has(e.digest));
}

/** Jobs and datasets an event names, with the facets it reports for each. */
function nodesOf(event: LineageEvent): NodeWrite[] {
  const dataset = (d: DatasetRef): NodeWrite => ({ id: datasetNodeId(d.namespace, d.name), type: 'DATASET', namespace: d.namespace, name: d.name, facets: d.facets ?? {}, at: event.eventTime });
  if (event.kind === 'dataset') return [dataset(event.dataset)];
  const job: NodeWrite = { id: jobNodeId(event.job.namespace, event.job.name), type: 'JOB', namespace: event.job.namespace, name: event.job.name, facets: event.job.facets ?? {}, at: event.eventTime };
  return [job, ...event.inputs.map(dataset), ...event.outputs.map(dataset)];
}

async function upsertNodes(tx: Tx, events: LineageEvent[]): Promise<void> {
  const writes = events.flatMap(nodesOf);
  if (!writes.length) return;
  const byId = new Map<string, NodeWrite>();
  for (const w of writes) if (!byId.has(w.id)) byId.set(w.id, w);
  const ids = [...byId.keys()].sort();
  await tx.$executeRawUnsafe(
    `INSERT INTO lineage_node (id, type, namespace, name)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (id) DO NOTHING`,
    ids,
    ids.map((id) => byId.get(id)!.type),
    ids.map((id) => byId.get(id)!.namespace),
    ids.map((id) => byId.get(id)!.name),
  );
  const withFacets = writes.filter((w) => Object.keys(w.facets).length > 0);
  if (!withFacets.length) return;
  const faceted = [...new Set(withFacets.map((w) => w.id))].sort();
  const current = await tx.$queryRawUnsafe<{ id: string; facets: Facets; facet_times: Record<string, string> }[]>(
    `SELECT id, facets, facet_times FROM lineage_node WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
    faceted,
  );
  const merged = new Map(current.map((row) => [row.id, { facets: { ...row.facets }, times: { ...row.facet_times } }]));
  for (const w of withFacets) mergeFacets(merged.get(w.id)!, w.facets, w.at);
  await tx.$executeRawUnsafe(
    `UPDATE lineage_node n SET facets = u.f::jsonb, facet_times = u.t::jsonb, updated_at = now()
       FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, f, t) WHERE n.id = u.id`,
    faceted,
    faceted.map((id) => JSON.stringify(merged.get(id)!.facets)),
    faceted.map((id) => JSON.stringify(merged.get(id)!.times)),
  );
}

/**
 * A facet replaces the stored facet of the same name unless the stored one came from a later
 * event (events arrive out of order); `_deleted: true` removes it.
 */
export function mergeFacets(into: { facets: Facets; times: Record<string, string> }, facets: Facets, at: string): void {
  for (const [name, facet] of Object.entries(facets)) {
    const seen = into.times[name];
    if (seen && Date.parse(seen) > Date.parse(at)) continue;
    into.times[name] = at;
    if (facet._deleted === true) delete into.facets[name];
    else into.facets[name] = facet;
  }
}

async function upsertEdges(tx: Tx, events: LineageEvent[]): Promise<void> {
  const edges = new Map<string, { origin: string; destination: string; at: string }>();
  for (const event of events) {
    if (event.kind === 'dataset') continue;
    const job = jobNodeId(event.job.namespace, event.job.name);
    const add = (origin: string, destination: string) => {
      const key = `${origin}\u0000${destination}`;
      const known = edges.get(key);
      if (!known || known.at < event.eventTime) edges.set(key, { origin, destination, at: event.eventTime });
    };
    for (const d of event.inputs) add(datasetNodeId(d.namespace, d.name), job);
    for (const d of event.outputs) add(job, datasetNodeId(d.namespace, d.name));
  }
  if (!edges.size) return;
  const sorted = [...edges.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, e]) => e);
  await tx.$executeRawUnsafe(
    `INSERT INTO lineage_edge (origin, destination, first_seen_at, last_seen_at)
     SELECT o, d, t::timestamptz, t::timestamptz FROM unnest($1::text[], $2::text[], $3::text[]) AS x(o, d, t)
     ON CONFLICT (origin, destination) DO UPDATE
       SET first_seen_at = LEAST(lineage_edge.first_seen_at, EXCLUDED.first_seen_at),
           last_seen_at = GREATEST(lineage_edge.last_seen_at, EXCLUDED.last_seen_at)`,
    sorted.map((e) => e.origin),
    sorted.map((e) => e.destination),
    sorted.map((e) => e.at),
  );
}

/**
 * Recomputes a run from every stored event of it. The advisory lock serialises writers of one run,
 * so each sees the others' committed events and the last one to commit writes the full picture.
 */
async function reprojectRun(tx: Tx, runId: string): Promise<ProjectedRun> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7401))`, runId);
  const rows = await tx.$queryRawUnsafe<{ payload: RunEvent }[]>(
    `SELECT payload FROM lineage_event WHERE run_id = $1::uuid AND kind = 'run' ORDER BY seq`,
    runId,
  );
  const run = projectRun(rows.map((r) => r.payload));
  const data = {
    jobId: run.jobId,
    jobNamespace: run.jobNamespace,
    jobName: run.jobName,
    status: run.status,
    lastEventType: run.lastEventType,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    nominalStartTime: run.nominalStartTime,
    parentRunId: run.parentRunId,
    parentJobId: run.parentJobId,
    nativeRunId: run.nativeRunId,
    errorMessage: run.errorMessage,
    facets: run.facets as object,
    producer: run.producer,
    eventCount: run.eventCount,
    updatedAt: new Date(),
  };
  await tx.lineageRun.upsert({ where: { runId }, create: { runId, ...data }, update: data });
  // A production counts only for a run that ended successfully; a later FAIL withdraws it.
  await tx.datasetProduction.deleteMany({ where: { runId } });
  if (run.status === 'succeeded' && run.endedAt && run.outputs.length) {
    await tx.datasetProduction.createMany({
      data: run.outputs.map((d) => ({ datasetId: datasetNodeId(d.namespace, d.name), runId, jobId: run.jobId, namespace: run.jobNamespace, producedAt: run.endedAt! })),
      skipDuplicates: true,
    });
  }
  return run;
}
