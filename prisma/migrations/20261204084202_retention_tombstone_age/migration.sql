-- CreateIndex
CREATE INDEX "RetentionTombstone_deletedOn_idx" ON "RetentionTombstone"("deletedOn");
