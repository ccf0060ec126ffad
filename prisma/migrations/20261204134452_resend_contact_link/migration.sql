-- CreateTable
CREATE TABLE "ResendContactLink" (
    "contactId" TEXT NOT NULL,
    "resendId" TEXT NOT NULL,
    "addressHash" TEXT NOT NULL,
    "syncedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResendContactLink_pkey" PRIMARY KEY ("contactId")
);

-- AddForeignKey
ALTER TABLE "ResendContactLink" ADD CONSTRAINT "ResendContactLink_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
