-- AlterTable
ALTER TABLE "api_token" ADD COLUMN     "created_by" TEXT,
ADD COLUMN     "last_used_at" TIMESTAMPTZ(3),
ADD COLUMN     "revoked_by" TEXT;

-- CreateTable
CREATE TABLE "principal" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "teams" TEXT[],
    "roles" TEXT[],
    "email" TEXT,
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "principal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "seq" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "principal_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT,
    "outcome" TEXT NOT NULL,
    "request_id" TEXT,
    "policy_version" TEXT,
    "before" JSONB,
    "after" JSONB,
    "details" JSONB,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "principal_kind_id_idx" ON "principal"("kind", "id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_entry_hash_key" ON "audit_entry"("hash");

-- CreateIndex
CREATE INDEX "audit_entry_principal_id_seq_idx" ON "audit_entry"("principal_id", "seq");

-- CreateIndex
CREATE INDEX "audit_entry_subject_type_subject_id_seq_idx" ON "audit_entry"("subject_type", "subject_id", "seq");

-- CreateIndex
CREATE INDEX "audit_entry_action_seq_idx" ON "audit_entry"("action", "seq");

-- CreateIndex
CREATE INDEX "audit_entry_at_idx" ON "audit_entry"("at");
