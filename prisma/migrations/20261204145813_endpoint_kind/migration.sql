-- CreateEnum
CREATE TYPE "EndpointKind" AS ENUM ('WEBHOOK', 'RESEND');

-- AlterTable
ALTER TABLE "WebhookEndpoint" ADD COLUMN     "kind" "EndpointKind" NOT NULL DEFAULT 'WEBHOOK';
