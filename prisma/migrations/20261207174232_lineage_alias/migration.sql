-- Other identities of datasets (OpenLineage `symlinks` identifiers): lineage reads an alias as the dataset that
-- declared it, so a Dagster asset named by its key and the table it writes are one node.
-- (No semicolon may appear in this file but at the end of a statement: the PostgreSQL adapter splits scripts there.)
-- CreateTable
CREATE TABLE "lineage_alias" (
    "alias" TEXT NOT NULL,
    "node_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lineage_alias_pkey" PRIMARY KEY ("alias")
);

-- CreateIndex
CREATE INDEX "lineage_alias_node_id_idx" ON "lineage_alias"("node_id");

-- Backfill: the symlinks facets dataset nodes already carry, recorded as ingestion records new ones. An identity
-- goes to the first dataset claiming it in node id order, a claim naming a dataset that is itself an alias goes on
-- to that alias's dataset (so no alias points to another), and identities naming each other in a ring stay apart.
INSERT INTO lineage_alias (alias, node_id)
WITH RECURSIVE claim AS (
  SELECT DISTINCT ON (alias) alias, node_id
    FROM (SELECT 'dataset:' || (i->>'namespace') || ':' || (i->>'name') AS alias, n.id AS node_id
            FROM lineage_node n
           CROSS JOIN LATERAL jsonb_array_elements(
                   CASE WHEN jsonb_typeof(n.facets->'symlinks'->'identifiers') = 'array' THEN n.facets->'symlinks'->'identifiers' ELSE '[]'::jsonb END) AS i
           WHERE n.type = 'DATASET' AND jsonb_typeof(i->'namespace') = 'string' AND jsonb_typeof(i->'name') = 'string') AS claims
   WHERE alias <> node_id
   ORDER BY alias, node_id),
walk (alias, node_id, path) AS (
    SELECT alias, node_id, ARRAY[alias, node_id] FROM claim
  UNION ALL
    SELECT w.alias, c.node_id, w.path || c.node_id FROM walk w JOIN claim c ON c.alias = w.node_id WHERE NOT c.node_id = ANY(w.path)),
resolved AS (
  SELECT DISTINCT ON (alias) alias, node_id FROM walk ORDER BY alias, cardinality(path) DESC)
SELECT r.alias, r.node_id FROM resolved r
 WHERE r.alias <> r.node_id AND NOT EXISTS (SELECT 1 FROM resolved o WHERE o.alias = r.node_id)
ON CONFLICT (alias) DO NOTHING;
