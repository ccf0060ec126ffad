-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "basisPurposes" "Purpose"[] DEFAULT ARRAY[]::"Purpose"[],
ADD COLUMN     "subscribedTopicIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "unsubscribedTopicIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Hand-written: keep the derived arrays right on every write to the normalised tables, whoever writes (the app,
-- imports, raw SQL). Statement-level triggers with transition tables: one UPDATE per statement, not per row, so bulk
-- inserts stay bulk.
CREATE FUNCTION "tillit_refresh_contact_subscriptions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Contact" c SET
    "subscribedTopicIds" = COALESCE((SELECT array_agg(s."topicId" ORDER BY s."topicId") FROM "Subscription" s
      WHERE s."contactId" = c."id" AND s."state" = 'SUBSCRIBED'), ARRAY[]::TEXT[]),
    "unsubscribedTopicIds" = COALESCE((SELECT array_agg(s."topicId" ORDER BY s."topicId") FROM "Subscription" s
      WHERE s."contactId" = c."id" AND s."state" = 'UNSUBSCRIBED'), ARRAY[]::TEXT[])
  WHERE c."id" IN (SELECT DISTINCT "contactId" FROM changed);
  RETURN NULL;
END $$;

CREATE TRIGGER "Subscription_refresh_contact_insert" AFTER INSERT ON "Subscription"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "tillit_refresh_contact_subscriptions"();
CREATE TRIGGER "Subscription_refresh_contact_update" AFTER UPDATE ON "Subscription"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "tillit_refresh_contact_subscriptions"();
CREATE TRIGGER "Subscription_refresh_contact_delete" AFTER DELETE ON "Subscription"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "tillit_refresh_contact_subscriptions"();

CREATE FUNCTION "tillit_refresh_contact_purposes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Contact" c SET
    "basisPurposes" = COALESCE((SELECT array_agg(b."purpose" ORDER BY b."purpose") FROM "ContactLegalBasis" b
      WHERE b."contactId" = c."id"), ARRAY[]::"Purpose"[])
  WHERE c."id" IN (SELECT DISTINCT "contactId" FROM changed);
  RETURN NULL;
END $$;

CREATE TRIGGER "ContactLegalBasis_refresh_contact_insert" AFTER INSERT ON "ContactLegalBasis"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "tillit_refresh_contact_purposes"();
CREATE TRIGGER "ContactLegalBasis_refresh_contact_update" AFTER UPDATE ON "ContactLegalBasis"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "tillit_refresh_contact_purposes"();
CREATE TRIGGER "ContactLegalBasis_refresh_contact_delete" AFTER DELETE ON "ContactLegalBasis"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "tillit_refresh_contact_purposes"();

-- Existing rows.
UPDATE "Contact" c SET
  "subscribedTopicIds" = COALESCE(x.sub, ARRAY[]::TEXT[]),
  "unsubscribedTopicIds" = COALESCE(x.unsub, ARRAY[]::TEXT[])
FROM (
  SELECT "contactId",
    array_agg("topicId" ORDER BY "topicId") FILTER (WHERE "state" = 'SUBSCRIBED') AS sub,
    array_agg("topicId" ORDER BY "topicId") FILTER (WHERE "state" = 'UNSUBSCRIBED') AS unsub
  FROM "Subscription" GROUP BY "contactId"
) x
WHERE x."contactId" = c."id";
UPDATE "Contact" c SET "basisPurposes" = x.p
FROM (SELECT "contactId", array_agg("purpose" ORDER BY "purpose") AS p FROM "ContactLegalBasis" GROUP BY "contactId") x
WHERE x."contactId" = c."id";
