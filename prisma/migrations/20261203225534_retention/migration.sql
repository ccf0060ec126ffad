-- AlterEnum
ALTER TYPE "ActorType" ADD VALUE 'RETENTION';

-- CreateTable
CREATE TABLE "LegalHold" (
    "id" TEXT NOT NULL,
    "contactId" TEXT,
    "organisationId" TEXT,
    "reason" TEXT NOT NULL,
    "endsOn" DATE NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "releasedAt" TIMESTAMP(3),
    "releasedById" TEXT,

    CONSTRAINT "LegalHold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetentionRun" (
    "id" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "asOf" TIMESTAMP(3) NOT NULL,
    "swept" INTEGER NOT NULL DEFAULT 0,
    "due" INTEGER NOT NULL DEFAULT 0,
    "deleted" INTEGER NOT NULL DEFAULT 0,
    "held" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "byCategory" JSONB NOT NULL DEFAULT '{}',
    "cursor" TEXT,

    CONSTRAINT "RetentionRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetentionForecast" (
    "contactId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "deleteBy" DATE NOT NULL,
    "since" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "category" "ContactCategory" NOT NULL,

    CONSTRAINT "RetentionForecast_pkey" PRIMARY KEY ("contactId")
);

-- CreateTable
CREATE TABLE "RetentionNotice" (
    "contactId" TEXT NOT NULL,
    "deleteBy" DATE NOT NULL,
    "notifiedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RetentionNotice_pkey" PRIMARY KEY ("contactId")
);

-- CreateTable
CREATE TABLE "RetentionTombstone" (
    "addressHash" TEXT NOT NULL,
    "deletedOn" DATE NOT NULL,

    CONSTRAINT "RetentionTombstone_pkey" PRIMARY KEY ("addressHash")
);

-- CreateIndex
CREATE INDEX "LegalHold_contactId_idx" ON "LegalHold"("contactId");

-- CreateIndex
CREATE INDEX "LegalHold_organisationId_idx" ON "LegalHold"("organisationId");

-- CreateIndex
CREATE INDEX "LegalHold_releasedAt_endsOn_idx" ON "LegalHold"("releasedAt", "endsOn");

-- CreateIndex
CREATE INDEX "RetentionRun_startedAt_idx" ON "RetentionRun"("startedAt");

-- CreateIndex
CREATE INDEX "RetentionForecast_deleteBy_idx" ON "RetentionForecast"("deleteBy");

-- CreateIndex
CREATE INDEX "RetentionForecast_runId_idx" ON "RetentionForecast"("runId");

-- AddForeignKey
ALTER TABLE "LegalHold" ADD CONSTRAINT "LegalHold_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalHold" ADD CONSTRAINT "LegalHold_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetentionForecast" ADD CONSTRAINT "RetentionForecast_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RetentionNotice" ADD CONSTRAINT "RetentionNotice_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
