-- Rate limits move to rate-limiter-flexible's PostgreSQL store (its table layout). The old fixed-window counters are
-- short-lived throwaway data: dropped, not copied (at worst a client gets one fresh window after the upgrade).

-- DropTable
DROP TABLE "RateLimitBucket";

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "RateLimit_expire_idx" ON "RateLimit"("expire");
