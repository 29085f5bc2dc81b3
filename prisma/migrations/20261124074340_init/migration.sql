-- CreateTable
CREATE TABLE "data_product" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "stewards" TEXT[],
    "tags" TEXT[],
    "description" TEXT NOT NULL DEFAULT '',
    "tier" INTEGER NOT NULL,
    "classification" TEXT NOT NULL,
    "contains_pii" BOOLEAN NOT NULL,
    "search_text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "revision" INTEGER NOT NULL,
    "digest" TEXT NOT NULL,
    "manifest" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retired_at" TIMESTAMPTZ(3),
    "retired_by" TEXT,

    CONSTRAINT "data_product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "data_product_revision" (
    "product_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "digest" TEXT NOT NULL,
    "manifest" JSONB NOT NULL,
    "author" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_product_revision_pkey" PRIMARY KEY ("product_id","number")
);

-- CreateTable
CREATE TABLE "environment_deployment" (
    "product_id" UUID NOT NULL,
    "environment" TEXT NOT NULL,
    "revision" INTEGER,
    "status" TEXT NOT NULL,
    "last_good_revision" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "environment_deployment_pkey" PRIMARY KEY ("product_id","environment")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" TEXT NOT NULL,
    "principal_id" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "description" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "data_product_name_key" ON "data_product"("name");

-- CreateIndex
CREATE INDEX "data_product_status_name_idx" ON "data_product"("status", "name");

-- CreateIndex
CREATE INDEX "data_product_owner_name_idx" ON "data_product"("owner", "name");

-- CreateIndex
CREATE INDEX "data_product_domain_name_idx" ON "data_product"("domain", "name");

-- CreateIndex
CREATE INDEX "data_product_classification_name_idx" ON "data_product"("classification", "name");

-- CreateIndex
CREATE INDEX "data_product_tier_name_idx" ON "data_product"("tier", "name");

-- CreateIndex
CREATE INDEX "data_product_tags_idx" ON "data_product" USING GIN ("tags");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_hash_key" ON "api_token"("hash");

-- CreateIndex
CREATE INDEX "api_token_principal_id_idx" ON "api_token"("principal_id");

-- AddForeignKey
ALTER TABLE "data_product_revision" ADD CONSTRAINT "data_product_revision_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "data_product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "environment_deployment" ADD CONSTRAINT "environment_deployment_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "data_product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
