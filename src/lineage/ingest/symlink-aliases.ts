import type { SqlTransaction } from '../../database/sql-session';
import { datasetNodeId } from '../node-id';
import type { Facets } from '../openlineage/openlineage.types';

/**
 * A dataset's claim on another identity (an identifier of its OpenLineage `symlinks` facet): lineage reads the node
 * `alias` as the node `nodeId` from then on. Any producer's symlinks count, Gatehouse's Dagster events' as much as
 * Spark's table-and-location pairs.
 *
 * Rules, so that the result does not depend on the order events arrive in: an identity stays with the first dataset
 * that claimed it (a later claim by another dataset changes nothing); an alias never points to another alias (a claim
 * naming a dataset that is itself an alias goes to that alias's dataset, and a dataset that becomes an alias takes
 * its own aliases with it); a dataset never becomes an alias of its own alias.
 */
export interface AliasClaim {
  alias: string;
  nodeId: string;
}

/** What a write of a call reports of a node: enough to see its claims. */
export interface NodeFacetsWrite {
  type: 'JOB' | 'DATASET';
  facets: Facets;
}

/**
 * The claims of a call's writes that the stored state does not show yet: an identifier already in the node's stored
 * `symlinks` facet was claimed when that facet was stored (or by the migration that introduced aliases), so producers
 * resending the same facets, as they do on every run, cost nothing here. Sorted by alias (the lock order), and
 * resolved among themselves (a chain within one call goes to its end).
 */
export function newAliasClaims(writes: Map<string, NodeFacetsWrite[]>, storedFacets: (id: string) => Facets | undefined): AliasClaim[] {
  // alias → dataset, where no dataset is itself a key (the rules, applied within the call)
  const claims = new Map<string, string>();
  const claim = (alias: string, id: string) => {
    if (claims.has(alias)) return;
    const target = claims.get(id) ?? id;
    if (target === alias) return;
    claims.set(alias, target);
    for (const [other, nodeId] of claims) if (nodeId === alias) claims.set(other, target);
  };
  for (const [id, nodeWrites] of writes) {
    if (nodeWrites[0].type !== 'DATASET') continue;
    const stored = new Set(identifiersIn(storedFacets(id)));
    for (const w of nodeWrites) for (const alias of identifiersIn(w.facets)) if (!stored.has(alias)) claim(alias, id);
  }
  return [...claims]
    .map(([alias, nodeId]) => ({ alias, nodeId }))
    .sort((a, b) => (a.alias < b.alias ? -1 : a.alias > b.alias ? 1 : 0));
}

/** The node ids a facets map's `symlinks` facet names (none when it has none, or it is being deleted). */
export function identifiersIn(facets: Facets | undefined): string[] {
  const symlinks = facets?.symlinks;
  if (!symlinks || symlinks._deleted === true || !Array.isArray(symlinks.identifiers)) return [];
  return (symlinks.identifiers as { namespace?: unknown; name?: unknown }[])
    .filter((i) => typeof i?.namespace === 'string' && typeof i.name === 'string')
    .map((i) => datasetNodeId(i.namespace as string, i.name as string));
}

/**
 * Records the claims (see AliasClaim for the rules), against what is stored: a claim naming a stored alias goes to its
 * dataset, and the aliases of an identity that becomes an alias follow it. Issued at once and left in flight, like the
 * graph's other writes (see LineageStoreRepository.store).
 */
export function recordAliases(tx: SqlTransaction, claims: AliasClaim[]): void {
  if (!claims.length) return;
  void tx.query(
    `WITH claims AS (SELECT a, n FROM json_to_recordset($1::json) AS x(a text, n text)),
     resolved AS (SELECT c.a, coalesce(t.node_id, c.n) AS n FROM claims c LEFT JOIN lineage_alias t ON t.alias = c.n),
     added AS (
       INSERT INTO lineage_alias (alias, node_id) SELECT a, n FROM resolved WHERE a <> n ORDER BY a
       ON CONFLICT (alias) DO NOTHING RETURNING alias, node_id)
     UPDATE lineage_alias l SET node_id = added.node_id FROM added WHERE l.node_id = added.alias`,
    [JSON.stringify(claims.map((c) => ({ a: c.alias, n: c.nodeId })))],
  );
}
