-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "notificationMailingId" TEXT;

-- AlterTable
ALTER TABLE "Topic" ADD COLUMN     "isRequired" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "RegisterSetting" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "registrationNoticeOn" BOOLEAN NOT NULL DEFAULT true,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RegisterSetting_pkey" PRIMARY KEY ("id"),
    -- One row: the settings of this register.
    CONSTRAINT "RegisterSetting_one_row" CHECK ("id" = 1)
);

-- CreateIndex
CREATE UNIQUE INDEX "Incident_notificationMailingId_key" ON "Incident"("notificationMailingId");

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_notificationMailingId_fkey" FOREIGN KEY ("notificationMailingId") REFERENCES "Mailing"("id") ON DELETE SET NULL ON UPDATE CASCADE;
