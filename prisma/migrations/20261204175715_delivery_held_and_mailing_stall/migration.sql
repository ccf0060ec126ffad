-- AlterEnum
ALTER TYPE "DeliveryStatus" ADD VALUE 'HELD';

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "firstTriedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Mailing" ADD COLUMN     "stallCode" TEXT,
ADD COLUMN     "stallRetryAt" TIMESTAMP(3),
ADD COLUMN     "stallSince" TIMESTAMP(3),
ADD COLUMN     "stallStatus" INTEGER;
