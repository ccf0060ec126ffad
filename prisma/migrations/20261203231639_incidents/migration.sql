-- CreateEnum
CREATE TYPE "IncidentRisk" AS ENUM ('NO_RISK', 'RISK', 'HIGH_RISK');

-- CreateEnum
CREATE TYPE "AuthorityNotificationStatus" AS ENUM ('PENDING', 'NOTIFIED', 'NOT_NOTIFIED');

-- CreateEnum
CREATE TYPE "PeopleNotificationStatus" AS ENUM ('NOT_REQUIRED', 'PLANNED', 'NOTIFIED');

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "discoveredAt" TIMESTAMP(3) NOT NULL,
    "occurredAt" TIMESTAMP(3),
    "description" TEXT NOT NULL,
    "dataCategories" TEXT[],
    "peopleCategories" "ContactCategory"[],
    "consequences" TEXT NOT NULL,
    "measures" TEXT NOT NULL,
    "risk" "IncidentRisk" NOT NULL,
    "authorityStatus" "AuthorityNotificationStatus" NOT NULL DEFAULT 'PENDING',
    "authorityNotifiedAt" TIMESTAMP(3),
    "authorityReference" TEXT,
    "notNotifiedReason" TEXT,
    "peopleStatus" "PeopleNotificationStatus" NOT NULL DEFAULT 'NOT_REQUIRED',
    "peopleNotifiedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentContact" (
    "incidentId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentContact_pkey" PRIMARY KEY ("incidentId","contactId")
);

-- CreateTable
CREATE TABLE "IncidentUpdate" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "staffId" TEXT,
    "fields" TEXT[],
    "note" TEXT,

    CONSTRAINT "IncidentUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Incident_reference_key" ON "Incident"("reference");

-- CreateIndex
CREATE INDEX "Incident_closedAt_discoveredAt_idx" ON "Incident"("closedAt", "discoveredAt");

-- CreateIndex
CREATE INDEX "IncidentContact_contactId_idx" ON "IncidentContact"("contactId");

-- CreateIndex
CREATE INDEX "IncidentUpdate_incidentId_at_idx" ON "IncidentUpdate"("incidentId", "at");

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentContact" ADD CONSTRAINT "IncidentContact_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentContact" ADD CONSTRAINT "IncidentContact_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentUpdate" ADD CONSTRAINT "IncidentUpdate_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentUpdate" ADD CONSTRAINT "IncidentUpdate_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The incident's log is append-only: no row deleted, none changed except its author cleared (the staff row's
-- ON DELETE SET NULL).
CREATE FUNCTION "incident_update_append_only"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'IncidentUpdate is append-only: DELETE refused';
  END IF;
  IF NEW."staffId" IS NOT NULL
     OR (NEW."id", NEW."incidentId", NEW."at", NEW."fields", NEW."note")
        IS DISTINCT FROM (OLD."id", OLD."incidentId", OLD."at", OLD."fields", OLD."note") THEN
    RAISE EXCEPTION 'IncidentUpdate is append-only: only clearing staffId is allowed';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "IncidentUpdate_append_only"
  BEFORE UPDATE OR DELETE ON "IncidentUpdate"
  FOR EACH ROW EXECUTE FUNCTION "incident_update_append_only"();
