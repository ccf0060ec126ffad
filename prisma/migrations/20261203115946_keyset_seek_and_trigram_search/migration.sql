-- Trigram matching for the staff search (substring match on names, addresses, organisation names and numbers).
-- PGlite loads the extension module at creation (lib/db/pglite.ts); PostgreSQL ships it in contrib.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The old single-column indexes on name and createdAt are replaced by (value, id): the keyset seek compares the pair.
-- DropIndex
DROP INDEX "Contact_createdAt_idx";

-- DropIndex
DROP INDEX "Contact_name_idx";

-- DropIndex
DROP INDEX "Organisation_name_idx";

-- CreateIndex
CREATE INDEX "Contact_createdAt_id_idx" ON "Contact"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Contact_name_id_idx" ON "Contact"("name", "id");

-- CreateIndex
CREATE INDEX "Contact_name_trgm_idx" ON "Contact" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Contact_email_trgm_idx" ON "Contact" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Organisation_name_id_idx" ON "Organisation"("name", "id");

-- CreateIndex
CREATE INDEX "Organisation_name_trgm_idx" ON "Organisation" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Organisation_orgNumber_trgm_idx" ON "Organisation" USING GIN ("orgNumber" gin_trgm_ops);
