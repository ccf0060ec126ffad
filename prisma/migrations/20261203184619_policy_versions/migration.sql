-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "policyVersionHash" TEXT;

-- CreateTable
CREATE TABLE "PolicyVersion" (
    "hash" TEXT NOT NULL,
    "effective" DATE NOT NULL,
    "note" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyVersion_pkey" PRIMARY KEY ("hash")
);

-- CreateIndex
CREATE INDEX "PolicyVersion_firstSeenAt_idx" ON "PolicyVersion"("firstSeenAt");

-- CreateIndex
CREATE INDEX "Contact_policyVersionHash_idx" ON "Contact"("policyVersionHash");

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_policyVersionHash_fkey" FOREIGN KEY ("policyVersionHash") REFERENCES "PolicyVersion"("hash") ON DELETE RESTRICT ON UPDATE CASCADE;
