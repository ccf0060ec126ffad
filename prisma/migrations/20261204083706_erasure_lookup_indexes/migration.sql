-- CreateIndex
CREATE INDEX "PrivacyRequest_subjectRef_idx" ON "PrivacyRequest"("subjectRef");

-- CreateIndex
CREATE INDEX "SpentLinkToken_contactId_idx" ON "SpentLinkToken"("contactId");
