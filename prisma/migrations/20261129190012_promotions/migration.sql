-- CreateTable
CREATE TABLE "promotion" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'promotion',
    "product_name" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "digest" TEXT NOT NULL,
    "from_env" TEXT NOT NULL,
    "to_env" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "state_reason" TEXT,
    "requested_by" TEXT NOT NULL,
    "idempotency_key" TEXT,
    "gates" JSONB NOT NULL DEFAULT '[]',
    "overrides" JSONB NOT NULL DEFAULT '[]',
    "policy_version" TEXT NOT NULL,
    "run_id" UUID,
    "orchestrator" TEXT,
    "triggered_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3),
    "lease_owner" TEXT,
    "lease_until" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approved_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "promotion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promotion_approval" (
    "id" UUID NOT NULL,
    "promotion_id" UUID NOT NULL,
    "principal_id" TEXT NOT NULL,
    "principal_kind" TEXT NOT NULL,
    "roles" TEXT[],
    "teams" TEXT[],
    "decision" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "digest" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "promotion_approval_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "promotion_run_id_key" ON "promotion"("run_id");

-- CreateIndex
CREATE INDEX "promotion_state_next_attempt_at_idx" ON "promotion"("state", "next_attempt_at");

-- CreateIndex
CREATE INDEX "promotion_product_name_to_env_created_at_idx" ON "promotion"("product_name", "to_env", "created_at");

-- CreateIndex
CREATE INDEX "promotion_created_at_idx" ON "promotion"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "promotion_requested_by_idempotency_key_key" ON "promotion"("requested_by", "idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "promotion_approval_promotion_id_principal_id_key" ON "promotion_approval"("promotion_id", "principal_id");

-- AddForeignKey
ALTER TABLE "promotion_approval" ADD CONSTRAINT "promotion_approval_promotion_id_fkey" FOREIGN KEY ("promotion_id") REFERENCES "promotion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
