import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import { LineageAliasRepository } from '../../lineage/graph/lineage-alias.repository';
import { datasetNodeId } from '../../lineage/node-id';
import { ObservedField, observedFields } from './schema-drift';

/** The newest schema lineage reported for one output in one environment. */
export interface ObservedSchema {
  /** The identity it was reported under (the output's, or another identity of the same dataset). */
  dataset: string;
  fields: ObservedField[];
  runId: string;
  job: string;
  observedAt: string;
  /** The facet's `_schemaURL` (which version of the schema facet the producer sent). */
  facetVersion: string | null;
}

interface Payload {
  run: { runId: string };
  job: { namespace: string; name: string };
  eventTime: string;
  outputs?: { namespace: string; name: string; facets?: { schema?: unknown } }[];
}

/**
 * Reads observed schemas from the stored lineage events: the newest `schema` facet on an output
 * of a run whose job is in one of the environment's namespaces (failed and aborted runs do not
 * count: what they wrote may not be there). Another identity of the dataset (symlinks) counts as
 * its own. Nothing is copied out of the events, so a late event or a new facet version is read as
 * it was sent.
 */
@Injectable()
export class ObservedSchemaRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly aliases: LineageAliasRepository,
  ) {}

  async latest(output: { namespace: string; name: string }, namespaces: string[]): Promise<ObservedSchema | null> {
    if (!namespaces.length) return null;
    const id = datasetNodeId(output.namespace, output.name);
    const group = (await this.aliases.groups([id])).get(id);
    const others = group ? [group.canonical, ...group.aliases].filter((m) => m !== id) : [];
    const named = others.length ? await this.prisma.lineageNode.findMany({ where: { id: { in: others } }, select: { namespace: true, name: true } }) : [];
    const found = (await Promise.all([output, ...named].map((identity) => this.latestOf(identity, namespaces)))).filter((r) => r !== null);
    return found.sort((a, b) => Date.parse(b.observedAt) - Date.parse(a.observedAt))[0] ?? null;
  }

  private async latestOf(d: { namespace: string; name: string }, namespaces: string[]): Promise<ObservedSchema | null> {
    const probe = JSON.stringify([{ namespace: d.namespace, name: d.name }]);
    // As for data-quality results (lineage-graph.repository.ts): a text search rules out the events
    // that do not name the dataset before any payload is decoded.
    const rows = await this.prisma.$queryRawUnsafe<{ payload: Payload }[]>(
      `SELECT payload FROM lineage_event
        WHERE kind = 'run' AND (event_type IS NULL OR event_type NOT IN ('FAIL', 'ABORT')) AND job_namespace = ANY($2::text[])
          AND strpos(payload::text, $3) > 0 AND strpos(payload::text, '"schema"') > 0
          AND (SELECT j->'outputs' @> $1::jsonb FROM (SELECT payload::jsonb AS j OFFSET 0) AS decoded)
        ORDER BY event_time DESC, seq DESC LIMIT 20`,
      probe,
      namespaces,
      JSON.stringify(d.name),
    );
    for (const { payload } of rows) {
      for (const ref of payload.outputs ?? []) {
        if (ref.namespace !== d.namespace || ref.name !== d.name) continue;
        const fields = observedFields(ref.facets?.schema);
        if (!fields) continue;
        const url = (ref.facets?.schema as { _schemaURL?: unknown })._schemaURL;
        return {
          dataset: datasetNodeId(d.namespace, d.name),
          fields,
          runId: payload.run.runId,
          job: `${payload.job.namespace}/${payload.job.name}`,
          observedAt: new Date(payload.eventTime).toISOString(),
          facetVersion: typeof url === 'string' ? url : null,
        };
      }
    }
    return null;
  }
}
