-- Data contracts: drift between the schemas outputs declare and the schemas lineage observes, and downstream owners'
-- acknowledgements of breaking changes.
-- (No semicolon may appear in this file but at the end of a statement: the PostgreSQL adapter splits scripts there.)
-- CreateTable
CREATE TABLE "contract_drift" (
    "id" UUID NOT NULL,
    "product_name" TEXT NOT NULL,
    "output" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "findings" JSONB NOT NULL DEFAULT '[]',
    "observed_at" TIMESTAMPTZ(3) NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "contract_drift_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contract_acknowledgement" (
    "id" UUID NOT NULL,
    "product_name" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "environment" TEXT NOT NULL,
    "change_set" TEXT NOT NULL,
    "downstream" TEXT NOT NULL,
    "principal_id" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contract_acknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "contract_drift_product_name_environment_opened_at_idx" ON "contract_drift"("product_name", "environment", "opened_at");

-- CreateIndex
CREATE INDEX "contract_drift_resolved_at_idx" ON "contract_drift"("resolved_at");

-- CreateIndex
CREATE INDEX "contract_acknowledgement_downstream_created_at_idx" ON "contract_acknowledgement"("downstream", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "contract_acknowledgement_product_name_revision_environment__key" ON "contract_acknowledgement"("product_name", "revision", "environment", "change_set", "downstream", "principal_id");
