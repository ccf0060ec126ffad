-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('ADMIN', 'PRIVACY_OFFICER', 'ACCOUNT_MANAGER', 'MARKETING', 'SUPPORT');

-- CreateEnum
CREATE TYPE "Relationship" AS ENUM ('CUSTOMER', 'FORMER_CUSTOMER', 'PROSPECT', 'PARTNER', 'SUPPLIER');

-- CreateEnum
CREATE TYPE "ContactCategory" AS ENUM ('CUSTOMER_CONTACT', 'PROSPECT', 'PARTNER_CONTACT', 'SUPPLIER_CONTACT');

-- CreateEnum
CREATE TYPE "Language" AS ENUM ('sv', 'en');

-- CreateEnum
CREATE TYPE "SourceType" AS ENUM ('NAMED_BY_CUSTOMER', 'MET_AT_EVENT', 'IMPORTED', 'STAFF_ENTRY');

-- CreateEnum
CREATE TYPE "Purpose" AS ENUM ('CUSTOMER_SERVICE', 'SERVICE_NOTICES', 'MARKETING_MAILINGS', 'SEGMENTATION_ANALYSIS', 'PROSPECTING', 'SUPPLIER_ADMINISTRATION');

-- CreateEnum
CREATE TYPE "LegalBasis" AS ENUM ('CONSENT', 'CONTRACT', 'LEGAL_OBLIGATION', 'LEGITIMATE_INTEREST');

-- CreateEnum
CREATE TYPE "RoleType" AS ENUM ('COMMERCIAL_CONTACT', 'SYSTEM_ADMINISTRATOR', 'SYSTEM_OWNER', 'TECHNICAL_CONTACT', 'BILLING_CONTACT', 'OTHER');

-- CreateEnum
CREATE TYPE "SubscriptionState" AS ENUM ('SUBSCRIBED', 'UNSUBSCRIBED');

-- CreateEnum
CREATE TYPE "ChangeSource" AS ENUM ('SELF', 'STAFF', 'ONE_CLICK', 'IMPORT', 'BOUNCE', 'COMPLAINT', 'DEFAULT', 'API');

-- CreateEnum
CREATE TYPE "SuppressionReason" AS ENUM ('ERASED', 'UNSUBSCRIBED_ALL', 'HARD_BOUNCE', 'COMPLAINT', 'MANUAL');

-- CreateEnum
CREATE TYPE "SuppressionScope" AS ENUM ('ALL', 'MARKETING');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('CONTACT', 'STAFF', 'SYSTEM', 'API');

-- CreateEnum
CREATE TYPE "PrivacyRequestType" AS ENUM ('ACCESS', 'RECTIFICATION', 'ERASURE', 'OBJECTION', 'RESTRICTION', 'PORTABILITY');

-- CreateEnum
CREATE TYPE "PrivacyRequestChannel" AS ENUM ('SELF_SERVICE', 'EMAIL', 'PHONE', 'LETTER');

-- CreateEnum
CREATE TYPE "PrivacyRequestStatus" AS ENUM ('RECEIVED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED');

-- CreateTable
CREATE TABLE "StaffUser" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "role" "StaffRole" NOT NULL,
    "emailVerified" TIMESTAMP(3),
    "image" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StaffUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "sessionToken" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationToken" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "orgNumber" TEXT,
    "relationship" "Relationship" NOT NULL,
    "relationshipStart" DATE,
    "relationshipEnd" DATE,
    "accountManagerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "jobTitle" TEXT,
    "language" "Language" NOT NULL DEFAULT 'sv',
    "category" "ContactCategory" NOT NULL,
    "sourceType" "SourceType" NOT NULL,
    "sourceDetail" TEXT,
    "sourceDate" DATE,
    "sourceStaffId" TEXT,
    "sourceOrganisationId" TEXT,
    "marketingOptOutAt" TIMESTAMP(3),
    "tokenVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "lastActivityAt" TIMESTAMP(3),

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactLegalBasis" (
    "contactId" TEXT NOT NULL,
    "purpose" "Purpose" NOT NULL,
    "basis" "LegalBasis" NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,

    CONSTRAINT "ContactLegalBasis_pkey" PRIMARY KEY ("contactId","purpose")
);

-- CreateTable
CREATE TABLE "ContactRole" (
    "id" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "type" "RoleType" NOT NULL,
    "title" TEXT,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContactRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Topic" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "nameSv" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionSv" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    "purpose" "Purpose" NOT NULL,
    "isMarketing" BOOLEAN NOT NULL DEFAULT true,
    "defaultCategories" "ContactCategory"[],
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Subscription" (
    "contactId" TEXT NOT NULL,
    "topicId" TEXT NOT NULL,
    "state" "SubscriptionState" NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" "ChangeSource" NOT NULL,
    "staffId" TEXT,

    CONSTRAINT "Subscription_pkey" PRIMARY KEY ("contactId","topicId")
);

-- CreateTable
CREATE TABLE "SubscriptionChange" (
    "id" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "topicId" TEXT NOT NULL,
    "state" "SubscriptionState" NOT NULL,
    "source" "ChangeSource" NOT NULL,
    "staffId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubscriptionChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suppression" (
    "id" TEXT NOT NULL,
    "addressHash" TEXT NOT NULL,
    "reason" "SuppressionReason" NOT NULL,
    "scope" "SuppressionScope" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Suppression_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "seq" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "fields" TEXT[],
    "personalValues" JSONB,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "PrivacyRequest" (
    "id" TEXT NOT NULL,
    "contactId" TEXT,
    "subjectRef" TEXT,
    "type" "PrivacyRequestType" NOT NULL,
    "channel" "PrivacyRequestChannel" NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "extendedDueAt" TIMESTAMP(3),
    "extensionReason" TEXT,
    "status" "PrivacyRequestStatus" NOT NULL DEFAULT 'RECEIVED',
    "handlerId" TEXT,
    "details" TEXT,
    "outcome" TEXT,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PrivacyRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "to" TEXT[],
    "from" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "tags" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_email_key" ON "StaffUser"("email");

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_provider_providerAccountId_key" ON "Account"("provider", "providerAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_token_key" ON "VerificationToken"("token");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_identifier_token_key" ON "VerificationToken"("identifier", "token");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_orgNumber_key" ON "Organisation"("orgNumber");

-- CreateIndex
CREATE INDEX "Organisation_relationship_idx" ON "Organisation"("relationship");

-- CreateIndex
CREATE INDEX "Organisation_accountManagerId_idx" ON "Organisation"("accountManagerId");

-- CreateIndex
CREATE INDEX "Organisation_name_idx" ON "Organisation"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_email_key" ON "Contact"("email");

-- CreateIndex
CREATE INDEX "Contact_category_idx" ON "Contact"("category");

-- CreateIndex
CREATE INDEX "Contact_language_idx" ON "Contact"("language");

-- CreateIndex
CREATE INDEX "Contact_marketingOptOutAt_idx" ON "Contact"("marketingOptOutAt");

-- CreateIndex
CREATE INDEX "Contact_name_idx" ON "Contact"("name");

-- CreateIndex
CREATE INDEX "ContactLegalBasis_purpose_basis_idx" ON "ContactLegalBasis"("purpose", "basis");

-- CreateIndex
CREATE INDEX "ContactRole_contactId_idx" ON "ContactRole"("contactId");

-- CreateIndex
CREATE INDEX "ContactRole_organisationId_type_idx" ON "ContactRole"("organisationId", "type");

-- CreateIndex
CREATE INDEX "ContactRole_type_endsOn_idx" ON "ContactRole"("type", "endsOn");

-- CreateIndex
CREATE UNIQUE INDEX "Topic_key_key" ON "Topic"("key");

-- CreateIndex
CREATE INDEX "Subscription_topicId_state_idx" ON "Subscription"("topicId", "state");

-- CreateIndex
CREATE INDEX "SubscriptionChange_contactId_at_idx" ON "SubscriptionChange"("contactId", "at");

-- CreateIndex
CREATE INDEX "Suppression_addressHash_idx" ON "Suppression"("addressHash");

-- CreateIndex
CREATE UNIQUE INDEX "Suppression_addressHash_reason_key" ON "Suppression"("addressHash", "reason");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_subjectType_subjectId_idx" ON "AuditEvent"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorType_actorId_idx" ON "AuditEvent"("actorType", "actorId");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "PrivacyRequest_status_dueAt_idx" ON "PrivacyRequest"("status", "dueAt");

-- CreateIndex
CREATE INDEX "PrivacyRequest_contactId_idx" ON "PrivacyRequest"("contactId");

-- CreateIndex
CREATE INDEX "OutboxMessage_createdAt_idx" ON "OutboxMessage"("createdAt");

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_accountManagerId_fkey" FOREIGN KEY ("accountManagerId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_sourceStaffId_fkey" FOREIGN KEY ("sourceStaffId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_sourceOrganisationId_fkey" FOREIGN KEY ("sourceOrganisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactLegalBasis" ADD CONSTRAINT "ContactLegalBasis_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactRole" ADD CONSTRAINT "ContactRole_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactRole" ADD CONSTRAINT "ContactRole_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubscriptionChange" ADD CONSTRAINT "SubscriptionChange_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubscriptionChange" ADD CONSTRAINT "SubscriptionChange_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrivacyRequest" ADD CONSTRAINT "PrivacyRequest_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrivacyRequest" ADD CONSTRAINT "PrivacyRequest_handlerId_fkey" FOREIGN KEY ("handlerId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: what the Prisma schema language cannot express.

-- Email addresses are stored normalised (trimmed, lower-case): uniqueness then means one person, one row.
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_email_normalised" CHECK ("email" = lower(btrim("email")));

-- The audit trail is append-only. The one change allowed is clearing personalValues when a person is erased
-- (those values are outside the hash chain for exactly this reason).
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'AuditEvent is append-only: DELETE refused';
  END IF;
  IF NEW."personalValues" IS NOT NULL
     OR (NEW."seq", NEW."at", NEW."actorType", NEW."actorId", NEW."action", NEW."subjectType", NEW."subjectId", NEW."fields", NEW."prevHash", NEW."hash")
        IS DISTINCT FROM
        (OLD."seq", OLD."at", OLD."actorType", OLD."actorId", OLD."action", OLD."subjectType", OLD."subjectId", OLD."fields", OLD."prevHash", OLD."hash") THEN
    RAISE EXCEPTION 'AuditEvent is append-only: only clearing personalValues is allowed';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
