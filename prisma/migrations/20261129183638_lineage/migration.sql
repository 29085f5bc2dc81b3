-- CreateTable
CREATE TABLE "lineage_event" (
    "seq" BIGSERIAL NOT NULL,
    "digest" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "event_type" TEXT,
    "event_time" TIMESTAMPTZ(3) NOT NULL,
    "run_id" UUID,
    "job_namespace" TEXT,
    "job_name" TEXT,
    "producer" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "received_by" TEXT NOT NULL,

    CONSTRAINT "lineage_event_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "lineage_node" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "facets" JSONB NOT NULL DEFAULT '{}',
    "facet_times" JSONB NOT NULL DEFAULT '{}',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lineage_node_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "lineage_edge" (
    "origin" TEXT NOT NULL,
    "destination" TEXT NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lineage_edge_pkey" PRIMARY KEY ("origin","destination")
);

-- CreateTable
CREATE TABLE "lineage_run" (
    "run_id" UUID NOT NULL,
    "job_id" TEXT NOT NULL,
    "job_namespace" TEXT NOT NULL,
    "job_name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "last_event_type" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "nominal_start_time" TIMESTAMPTZ(3),
    "parent_run_id" UUID,
    "parent_job_id" TEXT,
    "native_run_id" TEXT,
    "error_message" TEXT,
    "facets" JSONB NOT NULL DEFAULT '{}',
    "producer" TEXT NOT NULL,
    "event_count" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lineage_run_pkey" PRIMARY KEY ("run_id")
);

-- CreateTable
CREATE TABLE "dataset_production" (
    "dataset_id" TEXT NOT NULL,
    "run_id" UUID NOT NULL,
    "job_id" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "produced_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "dataset_production_pkey" PRIMARY KEY ("dataset_id","run_id")
);

-- CreateTable
CREATE TABLE "lineage_cursor" (
    "source" TEXT NOT NULL,
    "cursor" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lineage_cursor_pkey" PRIMARY KEY ("source")
);

-- CreateTable
CREATE TABLE "sla_breach" (
    "id" UUID NOT NULL,
    "product_name" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "output" TEXT NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    "last_produced_at" TIMESTAMPTZ(3),

    CONSTRAINT "sla_breach_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "lineage_event_digest_key" ON "lineage_event"("digest");

-- CreateIndex
CREATE INDEX "lineage_event_run_id_idx" ON "lineage_event"("run_id");

-- CreateIndex
CREATE INDEX "lineage_event_event_time_idx" ON "lineage_event"("event_time");

-- CreateIndex
CREATE UNIQUE INDEX "lineage_node_type_namespace_name_key" ON "lineage_node"("type", "namespace", "name");

-- CreateIndex
CREATE INDEX "lineage_edge_destination_origin_idx" ON "lineage_edge"("destination", "origin");

-- CreateIndex
CREATE INDEX "lineage_run_job_id_started_at_idx" ON "lineage_run"("job_id", "started_at");

-- CreateIndex
CREATE INDEX "lineage_run_parent_run_id_idx" ON "lineage_run"("parent_run_id");

-- CreateIndex
CREATE INDEX "lineage_run_job_namespace_started_at_idx" ON "lineage_run"("job_namespace", "started_at");

-- CreateIndex
CREATE INDEX "lineage_run_native_run_id_idx" ON "lineage_run"("native_run_id");

-- CreateIndex
CREATE INDEX "dataset_production_dataset_id_produced_at_idx" ON "dataset_production"("dataset_id", "produced_at");

-- CreateIndex
CREATE INDEX "sla_breach_product_name_environment_opened_at_idx" ON "sla_breach"("product_name", "environment", "opened_at");

-- CreateIndex
CREATE INDEX "sla_breach_resolved_at_idx" ON "sla_breach"("resolved_at");
