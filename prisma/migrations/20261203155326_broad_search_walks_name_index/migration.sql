-- DropIndex
DROP INDEX "Contact_name_id_idx";

-- CreateIndex
CREATE INDEX "Contact_name_id_email_idx" ON "Contact"("name", "id", "email");
