import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';

/** A node id as lineage reads it: the dataset it stands for, and every other identity of that dataset. */
export interface IdentityGroup {
  /** The node the id is read as: the dataset that claimed the id as a symlink, else the id itself. */
  canonical: string;
  /** The canonical node's aliases (the identities it claimed), sorted. */
  aliases: string[];
}

/**
 * Reads the aliases ingestion records from `symlinks` facets (see ingest/symlink-aliases.ts). Both identities of a
 * dataset stay nodes of their own, with their own edges and productions, and every read of the graph, the products'
 * lineage, SLA and checks takes them together: so the order in which producers named a dataset never matters, and
 * data stored before a symlink arrived joins its node as it is.
 */
@Injectable()
export class LineageAliasRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Each id's group (ids that are no alias and have none: themselves, with no aliases). */
  async groups(ids: string[]): Promise<Map<string, IdentityGroup>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.prisma.connection.sql.query<{ id: string; canonical: string; aliases: string[] }>(
      `SELECT k.id, c.canonical,
              ARRAY(SELECT m.alias FROM lineage_alias m WHERE m.node_id = c.canonical ORDER BY m.alias) AS aliases
         FROM unnest($1::text[]) AS k(id)
         CROSS JOIN LATERAL (SELECT coalesce((SELECT a.node_id FROM lineage_alias a WHERE a.alias = k.id), k.id) AS canonical) c`,
      [unique],
    );
    return new Map(rows.map((r) => [r.id, { canonical: r.canonical, aliases: r.aliases }]));
  }

  /** Each id's canonical node id. */
  async canonical(ids: string[]): Promise<Map<string, string>> {
    return new Map([...(await this.groups(ids))].map(([id, g]) => [id, g.canonical]));
  }
}
