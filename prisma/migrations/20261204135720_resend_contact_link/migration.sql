-- CreateTable
CREATE TABLE "ResendContactLink" (
    "contactId" TEXT NOT NULL,
    "resendId" TEXT NOT NULL,
    "addressHash" TEXT NOT NULL,
    "syncedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResendContactLink_pkey" PRIMARY KEY ("contactId")
);
