-- CreateEnum
CREATE TYPE "ImportProgressState" AS ENUM ('RUNNING', 'FINISHED', 'FAILED');

-- CreateTable
CREATE TABLE "ImportProgress" (
    "id" TEXT NOT NULL,
    "staffUserId" TEXT NOT NULL,
    "state" "ImportProgressState" NOT NULL DEFAULT 'RUNNING',
    "phase" TEXT,
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportProgress_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportProgress_updatedAt_idx" ON "ImportProgress"("updatedAt");
