-- OpenLineage payloads are kept as the JSON text Gatehouse took their digest of (`json`), no longer
-- decoded into `jsonb` on every insert: that decoding was about a tenth of PostgreSQL's CPU per
-- ingested event, for a column that is written once and read rarely (a run's earlier events, check
-- results), where `payload::jsonb` decodes the few rows a query needs. Rows stored before keep
-- jsonb's spelling of the same value.
-- AlterTable
ALTER TABLE "lineage_event" ALTER COLUMN "payload" SET DATA TYPE JSON;
