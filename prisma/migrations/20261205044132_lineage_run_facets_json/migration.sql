-- A run's facets (several KB for an Airflow task) are rewritten with every event of the run and
-- only ever read whole: kept as JSON text (`json`), PostgreSQL no longer decodes them into `jsonb`
-- on each write (see lineage_payload_json for the events themselves).
-- AlterTable
ALTER TABLE "lineage_run" ALTER COLUMN "facets" SET DATA TYPE JSON;
