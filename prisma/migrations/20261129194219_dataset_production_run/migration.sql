-- CreateIndex
CREATE INDEX "dataset_production_run_id_idx" ON "dataset_production"("run_id");
