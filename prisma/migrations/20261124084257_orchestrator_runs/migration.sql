-- CreateTable
CREATE TABLE "orchestrator_run" (
    "id" TEXT NOT NULL,
    "orchestrator" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "product_name" TEXT,
    "revision" INTEGER,
    "target" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "native_status" TEXT,
    "steps" JSONB,
    "error" TEXT,
    "requested_by" TEXT NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "orchestrator_run_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "orchestrator_run_product_name_requested_at_idx" ON "orchestrator_run"("product_name", "requested_at");

-- CreateIndex
CREATE INDEX "orchestrator_run_orchestrator_requested_at_idx" ON "orchestrator_run"("orchestrator", "requested_at");

-- CreateIndex
CREATE INDEX "orchestrator_run_status_idx" ON "orchestrator_run"("status");
