-- CreateIndex
CREATE INDEX "Contact_updatedAt_id_idx" ON "Contact"("updatedAt", "id");
