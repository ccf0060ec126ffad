-- CreateTable
CREATE TABLE "MailingTally" (
    "mailingId" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL,
    "skipReason" TEXT NOT NULL DEFAULT '',
    "n" INTEGER NOT NULL,
    "unsubscribed" INTEGER NOT NULL,

    CONSTRAINT "MailingTally_pkey" PRIMARY KEY ("mailingId","status","skipReason")
);

-- CreateTable
CREATE TABLE "MailingTimeline" (
    "mailingId" TEXT NOT NULL,
    "slot" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "MailingTimeline_pkey" PRIMARY KEY ("mailingId","slot","kind")
);

-- AddForeignKey
ALTER TABLE "MailingTally" ADD CONSTRAINT "MailingTally_mailingId_fkey" FOREIGN KEY ("mailingId") REFERENCES "Mailing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailingTimeline" ADD CONSTRAINT "MailingTimeline_mailingId_fkey" FOREIGN KEY ("mailingId") REFERENCES "Mailing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: MailingTally and MailingTimeline follow every write to Delivery, whoever writes (the expansion, a
-- batch claim and its outcome, a provider webhook, an unsubscribe, a cancellation, an erasure, the bulk seed).
-- Statement-level triggers with transition tables: a statement that moves 100 deliveries adds one row per changed
-- (status, reason) and per changed slot, netting out what it takes away, so a change that moves nothing counted (an
-- attempt counted, an erased contact's id set null) writes nothing and locks no tally row. Rows are upserted in key
-- order so that two batches of one mailing wait for each other instead of deadlocking. Deliveries of a mailing being
-- deleted (the cascade) are not counted: its tally rows go with it.
CREATE FUNCTION "tillit_tally_deliveries"() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  src TEXT := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, r.* FROM new_rows r'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, r.* FROM old_rows r'
    ELSE 'SELECT 1 AS sign, r.* FROM new_rows r UNION ALL SELECT -1, r.* FROM old_rows r' END;
BEGIN
  EXECUTE format($q$
    WITH d AS (%s)
    INSERT INTO "MailingTally" AS t ("mailingId", "status", "skipReason", "n", "unsubscribed")
    SELECT d."mailingId", d."status", COALESCE(d."skipReason", ''), sum(d.sign),
           sum(CASE WHEN d."unsubscribedAt" IS NULL THEN 0 ELSE d.sign END)
      FROM d JOIN "Mailing" m ON m."id" = d."mailingId"
     GROUP BY 1, 2, 3
    HAVING sum(d.sign) <> 0 OR sum(CASE WHEN d."unsubscribedAt" IS NULL THEN 0 ELSE d.sign END) <> 0
     ORDER BY 1, 2, 3
    ON CONFLICT ("mailingId", "status", "skipReason") DO UPDATE
       SET "n" = t."n" + EXCLUDED."n", "unsubscribed" = t."unsubscribed" + EXCLUDED."unsubscribed"
  $q$, src);
  EXECUTE format($q$
    WITH d AS (%s)
    INSERT INTO "MailingTimeline" AS t ("mailingId", "slot", "kind", "n")
    SELECT d."mailingId", date_bin('10 minutes', e.ts, TIMESTAMP '2000-01-01'), e.kind, sum(d.sign)
      FROM d JOIN "Mailing" m ON m."id" = d."mailingId"
     CROSS JOIN LATERAL (VALUES
           ('sent', d."sentAt"),
           (lower(d."status"::text),
            CASE WHEN d."status" IN ('DELIVERED', 'BOUNCED', 'COMPLAINED') THEN d."updatedAt" END),
           ('unsubscribed', d."unsubscribedAt")) e(kind, ts)
     WHERE e.ts IS NOT NULL
     GROUP BY 1, 2, 3
    HAVING sum(d.sign) <> 0
     ORDER BY 1, 2, 3
    ON CONFLICT ("mailingId", "slot", "kind") DO UPDATE SET "n" = t."n" + EXCLUDED."n"
  $q$, src);
  RETURN NULL;
END
$fn$;

CREATE TRIGGER "Delivery_tally_insert" AFTER INSERT ON "Delivery"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "tillit_tally_deliveries"();
CREATE TRIGGER "Delivery_tally_update" AFTER UPDATE ON "Delivery"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "tillit_tally_deliveries"();
CREATE TRIGGER "Delivery_tally_delete" AFTER DELETE ON "Delivery"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "tillit_tally_deliveries"();

-- What was sent before this migration.
INSERT INTO "MailingTally" ("mailingId", "status", "skipReason", "n", "unsubscribed")
SELECT "mailingId", "status", COALESCE("skipReason", ''), count(*), count("unsubscribedAt")
  FROM "Delivery" GROUP BY 1, 2, 3;
INSERT INTO "MailingTimeline" ("mailingId", "slot", "kind", "n")
SELECT d."mailingId", date_bin('10 minutes', e.ts, TIMESTAMP '2000-01-01'), e.kind, count(*)
  FROM "Delivery" d
 CROSS JOIN LATERAL (VALUES
       ('sent', d."sentAt"),
       (lower(d."status"::text), CASE WHEN d."status" IN ('DELIVERED', 'BOUNCED', 'COMPLAINED') THEN d."updatedAt" END),
       ('unsubscribed', d."unsubscribedAt")) e(kind, ts)
 WHERE e.ts IS NOT NULL
 GROUP BY 1, 2, 3;
