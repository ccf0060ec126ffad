-- CreateIndex
CREATE INDEX "PrivacyRequest_receivedAt_id_idx" ON "PrivacyRequest"("receivedAt", "id");
