-- AlterTable
ALTER TABLE "orchestrator_run" ADD COLUMN     "lineage_run_id" UUID,
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'gatehouse';

-- CreateIndex
CREATE UNIQUE INDEX "orchestrator_run_lineage_run_id_key" ON "orchestrator_run"("lineage_run_id");
