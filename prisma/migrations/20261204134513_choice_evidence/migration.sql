-- AlterEnum
ALTER TYPE "SourceType" ADD VALUE 'SIGNUP_FORM';

-- CreateEnum
CREATE TYPE "EvidenceSubject" AS ENUM ('TOPIC', 'ALL_MARKETING', 'LEGAL_BASIS');

-- CreateEnum
CREATE TYPE "EvidenceChannel" AS ENUM ('PREFERENCE_PAGE', 'ONE_CLICK', 'STAFF_ON_REQUEST', 'API', 'IMPORT', 'SIGNUP_FORM', 'REGISTRATION_DEFAULT', 'BOUNCE', 'COMPLAINT', 'NOT_RECORDED');

-- CreateEnum
CREATE TYPE "EvidenceActor" AS ENUM ('PERSON', 'STAFF', 'API_KEY', 'SYSTEM');

-- CreateEnum
CREATE TYPE "NoticeKind" AS ENUM ('PREFERENCE_TOPICS', 'PREFERENCE_ALL', 'SIGNUP_FORM');

-- AlterTable
ALTER TABLE "Topic" ADD COLUMN     "offeredAtSignup" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ChoiceEvidence" (
    "id" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "subject" "EvidenceSubject" NOT NULL,
    "topicId" TEXT,
    "state" "SubscriptionState",
    "purpose" "Purpose",
    "legalBasis" "LegalBasis",
    "channel" "EvidenceChannel" NOT NULL,
    "actorType" "EvidenceActor" NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT,
    "noticeHash" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "migrated" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ChoiceEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeText" (
    "hash" TEXT NOT NULL,
    "kind" "NoticeKind" NOT NULL,
    "language" "Language" NOT NULL,
    "text" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoticeText_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "PendingSignup" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "organisation" TEXT,
    "topicIds" TEXT[],
    "language" "Language" NOT NULL,
    "noticeHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PendingSignup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChoiceEvidence_contactId_at_idx" ON "ChoiceEvidence"("contactId", "at");

-- CreateIndex
CREATE INDEX "ChoiceEvidence_topicId_idx" ON "ChoiceEvidence"("topicId");

-- CreateIndex
CREATE INDEX "ChoiceEvidence_noticeHash_idx" ON "ChoiceEvidence"("noticeHash");

-- CreateIndex
CREATE UNIQUE INDEX "PendingSignup_tokenHash_key" ON "PendingSignup"("tokenHash");

-- CreateIndex
CREATE INDEX "PendingSignup_expiresAt_idx" ON "PendingSignup"("expiresAt");

-- AddForeignKey
ALTER TABLE "ChoiceEvidence" ADD CONSTRAINT "ChoiceEvidence_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChoiceEvidence" ADD CONSTRAINT "ChoiceEvidence_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChoiceEvidence" ADD CONSTRAINT "ChoiceEvidence_noticeHash_fkey" FOREIGN KEY ("noticeHash") REFERENCES "NoticeText"("hash") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingSignup" ADD CONSTRAINT "PendingSignup_noticeHash_fkey" FOREIGN KEY ("noticeHash") REFERENCES "NoticeText"("hash") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Evidence for the choices made before evidence was kept: the channel and actor follow from the recorded source; no
-- notice was recorded then (noticeHash null = "not recorded before evidence was kept").
INSERT INTO "ChoiceEvidence" (id, "contactId", subject, "topicId", state, purpose, "legalBasis", channel, "actorType",
  "actorId", "actorName", "noticeHash", at, migrated)
SELECT sc.id, sc."contactId", 'TOPIC'::"EvidenceSubject", sc."topicId", sc.state, t.purpose, lb.basis,
  (CASE sc.source
     WHEN 'SELF' THEN 'PREFERENCE_PAGE' WHEN 'ONE_CLICK' THEN 'ONE_CLICK' WHEN 'STAFF' THEN 'STAFF_ON_REQUEST'
     WHEN 'API' THEN 'API' WHEN 'IMPORT' THEN 'IMPORT' WHEN 'DEFAULT' THEN 'REGISTRATION_DEFAULT'
     WHEN 'BOUNCE' THEN 'BOUNCE' WHEN 'COMPLAINT' THEN 'COMPLAINT' ELSE 'NOT_RECORDED' END)::"EvidenceChannel",
  (CASE sc.source
     WHEN 'SELF' THEN 'PERSON' WHEN 'ONE_CLICK' THEN 'PERSON' WHEN 'STAFF' THEN 'STAFF' WHEN 'IMPORT' THEN 'STAFF'
     WHEN 'API' THEN 'API_KEY' ELSE 'SYSTEM' END)::"EvidenceActor",
  sc."staffId", NULL, NULL, sc.at, true
FROM "SubscriptionChange" sc
JOIN "Topic" t ON t.id = sc."topicId"
LEFT JOIN "ContactLegalBasis" lb ON lb."contactId" = sc."contactId" AND lb.purpose = t.purpose;

-- An opt-out from all marketing in force: its channel was not recorded.
INSERT INTO "ChoiceEvidence" (id, "contactId", subject, state, purpose, "legalBasis", channel, "actorType", at,
  migrated)
SELECT gen_random_uuid()::text, c.id, 'ALL_MARKETING'::"EvidenceSubject", 'UNSUBSCRIBED'::"SubscriptionState",
  'MARKETING_MAILINGS'::"Purpose", lb.basis, 'NOT_RECORDED'::"EvidenceChannel", 'PERSON'::"EvidenceActor",
  c."marketingOptOutAt", true
FROM "Contact" c
LEFT JOIN "ContactLegalBasis" lb ON lb."contactId" = c.id AND lb.purpose = 'MARKETING_MAILINGS'
WHERE c."marketingOptOutAt" IS NOT NULL;

-- The legal bases on record, as registered.
INSERT INTO "ChoiceEvidence" (id, "contactId", subject, purpose, "legalBasis", channel, "actorType", at, migrated)
SELECT gen_random_uuid()::text, lb."contactId", 'LEGAL_BASIS'::"EvidenceSubject", lb.purpose, lb.basis,
  'NOT_RECORDED'::"EvidenceChannel", 'SYSTEM'::"EvidenceActor", lb."recordedAt", true
FROM "ContactLegalBasis" lb;
