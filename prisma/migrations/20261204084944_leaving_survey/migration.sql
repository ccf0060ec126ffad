-- CreateEnum
CREATE TYPE "LeavingReason" AS ENUM ('TOO_MANY', 'NOT_RELEVANT', 'NEVER_SIGNED_UP', 'CHANGED_ROLE', 'OTHER');

-- CreateTable
CREATE TABLE "LeavingAnswer" (
    "id" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "unsubscribedAt" TIMESTAMP(3) NOT NULL,
    "topicId" TEXT,
    "mailingId" TEXT,
    "reason" "LeavingReason" NOT NULL,
    "text" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeavingAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LeavingAnswer_createdAt_idx" ON "LeavingAnswer"("createdAt");

-- CreateIndex
CREATE INDEX "LeavingAnswer_mailingId_reason_idx" ON "LeavingAnswer"("mailingId", "reason");

-- CreateIndex
CREATE UNIQUE INDEX "LeavingAnswer_contactId_unsubscribedAt_key" ON "LeavingAnswer"("contactId", "unsubscribedAt");

-- AddForeignKey
ALTER TABLE "LeavingAnswer" ADD CONSTRAINT "LeavingAnswer_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeavingAnswer" ADD CONSTRAINT "LeavingAnswer_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeavingAnswer" ADD CONSTRAINT "LeavingAnswer_mailingId_fkey" FOREIGN KEY ("mailingId") REFERENCES "Mailing"("id") ON DELETE SET NULL ON UPDATE CASCADE;
