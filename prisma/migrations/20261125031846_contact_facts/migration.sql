-- Hand-written: the arrays on Contact (migration contact_topic_arrays) are replaced by ContactFacts below; their
-- triggers go first.
DROP TRIGGER "Subscription_refresh_contact_insert" ON "Subscription";
DROP TRIGGER "Subscription_refresh_contact_update" ON "Subscription";
DROP TRIGGER "Subscription_refresh_contact_delete" ON "Subscription";
DROP TRIGGER "ContactLegalBasis_refresh_contact_insert" ON "ContactLegalBasis";
DROP TRIGGER "ContactLegalBasis_refresh_contact_update" ON "ContactLegalBasis";
DROP TRIGGER "ContactLegalBasis_refresh_contact_delete" ON "ContactLegalBasis";
DROP FUNCTION "tillit_refresh_contact_subscriptions"();
DROP FUNCTION "tillit_refresh_contact_purposes"();

-- AlterTable
ALTER TABLE "Contact" DROP COLUMN "basisPurposes",
DROP COLUMN "subscribedTopicIds",
DROP COLUMN "unsubscribedTopicIds";

-- AlterTable
ALTER TABLE "Topic" ADD COLUMN     "number" SERIAL NOT NULL;

-- CreateTable
CREATE TABLE "ContactFacts" (
    "contactId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "lastActivityAt" TIMESTAMP(3),
    "category" "ContactCategory" NOT NULL,
    "language" "Language" NOT NULL,
    "sourceType" "SourceType" NOT NULL,
    "optedOut" BOOLEAN NOT NULL,
    "suppressedAll" "SuppressionReason",
    "suppressedAny" "SuppressionReason",
    "topicsOn" SMALLINT[],
    "topicsOff" SMALLINT[],
    "purposes" "Purpose"[],
    "roleKeys" SMALLINT[],
    "currentRoleKeys" SMALLINT[],
    "endedRoleKeys" SMALLINT[],
    "rolesFrom" DATE,
    "rolesUntil" DATE,
    "sourceDetailLower" TEXT,

    CONSTRAINT "ContactFacts_pkey" PRIMARY KEY ("contactId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Topic_number_key" ON "Topic"("number");

-- CreateIndex
CREATE INDEX "ContactFacts_rolesFrom_idx" ON "ContactFacts"("rolesFrom");

-- CreateIndex
CREATE INDEX "ContactFacts_rolesUntil_idx" ON "ContactFacts"("rolesUntil");

-- AddForeignKey
ALTER TABLE "ContactFacts" ADD CONSTRAINT "ContactFacts_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: keep ContactFacts right on every write to the tables it is derived from, whoever writes (the app,
-- imports, raw SQL). Statement-level triggers with transition tables, so bulk writes refresh in bulk. Every refresh
-- recomputes the contacts' whole rows from the normalised tables: one definition, nothing incremental to drift.
-- A bulk writer that inserts contacts and then their bases, subscriptions and roles may set tillit.facts_deferred
-- for its transaction and call tillit_refresh_contact_facts once for the contacts it wrote
-- (lib/segments/contact-facts-sql.ts): each row is then written once instead of four times (dead rows that bloated
-- the table to 4x its size after a bulk load).

-- The first reason an address is suppressed for, in the order of SUPPRESSION_REASONS (lib/segments/count-segment.ts;
-- a test checks the two agree); only scope ALL entries unless any_scope.
CREATE FUNCTION "tillit_first_suppression"(hash TEXT, any_scope BOOLEAN) RETURNS "SuppressionReason"
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT sp."reason" FROM "Suppression" sp
  WHERE sp."addressHash" = hash AND (any_scope OR sp."scope" = 'ALL')
  ORDER BY array_position(ARRAY['ERASED', 'HARD_BOUNCE', 'COMPLAINT', 'UNSUBSCRIBED_ALL', 'MANUAL']::"SuppressionReason"[],
    sp."reason")
  LIMIT 1
$$;

-- A role as one small number: its type and its organisation's relationship (the filter asks for both of one role).
-- Immutable so that calls with constant arguments are folded when a query is planned; the positions of existing enum
-- values do not change when values are added at the end (a migration that reorders them must refresh ContactFacts).
CREATE FUNCTION "tillit_role_key"(role_type "RoleType", relationship "Relationship") RETURNS SMALLINT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (array_position(enum_range(NULL::"RoleType"), role_type) * 16
    + array_position(enum_range(NULL::"Relationship"), relationship))::SMALLINT
$$;

CREATE FUNCTION "tillit_refresh_contact_facts"(ids TEXT[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "ContactFacts" AS f ("contactId", "createdAt", "lastActivityAt", "category", "language", "sourceType",
    "optedOut", "suppressedAll", "suppressedAny", "topicsOn", "topicsOff", "purposes", "roleKeys", "currentRoleKeys",
    "endedRoleKeys", "rolesFrom", "rolesUntil", "sourceDetailLower")
  SELECT c."id", c."createdAt", c."lastActivityAt", c."category", c."language", c."sourceType",
    c."marketingOptOutAt" IS NOT NULL,
    "tillit_first_suppression"(c."addressHash", false),
    "tillit_first_suppression"(c."addressHash", true),
    ARRAY(SELECT t."number" FROM "Subscription" s JOIN "Topic" t ON t."id" = s."topicId"
      WHERE s."contactId" = c."id" AND s."state" = 'SUBSCRIBED' ORDER BY t."number")::SMALLINT[],
    ARRAY(SELECT t."number" FROM "Subscription" s JOIN "Topic" t ON t."id" = s."topicId"
      WHERE s."contactId" = c."id" AND s."state" = 'UNSUBSCRIBED' ORDER BY t."number")::SMALLINT[],
    ARRAY(SELECT b."purpose" FROM "ContactLegalBasis" b WHERE b."contactId" = c."id" ORDER BY b."purpose"),
    COALESCE(ro.all_keys, '{}'), COALESCE(ro.current_keys, '{}'), COALESCE(ro.ended_keys, '{}'),
    ro.valid_from, ro.valid_until,
    lower(c."sourceDetail")
  FROM "Contact" c
  -- Current and ended as of today; they stay so until the next role date after today and have been so since the
  -- last one on or before it (the count checks that span and asks ContactRole outside it).
  LEFT JOIN LATERAL (
    SELECT
      array_agg(DISTINCT x.k ORDER BY x.k) AS all_keys,
      array_agg(DISTINCT x.k ORDER BY x.k) FILTER (WHERE x."startsOn" <= d.today
        AND (x."endsOn" IS NULL OR x."endsOn" > d.today)) AS current_keys,
      array_agg(DISTINCT x.k ORDER BY x.k) FILTER (WHERE x."endsOn" <= d.today) AS ended_keys,
      greatest(max(x."startsOn") FILTER (WHERE x."startsOn" <= d.today),
        max(x."endsOn") FILTER (WHERE x."endsOn" <= d.today)) AS valid_from,
      least(min(x."startsOn") FILTER (WHERE x."startsOn" > d.today),
        min(x."endsOn") FILTER (WHERE x."endsOn" > d.today)) AS valid_until
    FROM (SELECT CURRENT_DATE AS today) d,
      (SELECT "tillit_role_key"(r."type", o."relationship") AS k, r."startsOn", r."endsOn"
       FROM "ContactRole" r JOIN "Organisation" o ON o."id" = r."organisationId"
       WHERE r."contactId" = c."id") x
  ) ro ON true
  WHERE c."id" = ANY(ids)
  ON CONFLICT ("contactId") DO UPDATE SET
    "createdAt" = EXCLUDED."createdAt", "lastActivityAt" = EXCLUDED."lastActivityAt", "category" = EXCLUDED."category",
    "language" = EXCLUDED."language", "sourceType" = EXCLUDED."sourceType", "optedOut" = EXCLUDED."optedOut",
    "suppressedAll" = EXCLUDED."suppressedAll", "suppressedAny" = EXCLUDED."suppressedAny",
    "topicsOn" = EXCLUDED."topicsOn", "topicsOff" = EXCLUDED."topicsOff", "purposes" = EXCLUDED."purposes",
    "roleKeys" = EXCLUDED."roleKeys", "currentRoleKeys" = EXCLUDED."currentRoleKeys",
    "endedRoleKeys" = EXCLUDED."endedRoleKeys", "rolesFrom" = EXCLUDED."rolesFrom", "rolesUntil" = EXCLUDED."rolesUntil",
    "sourceDetailLower" = EXCLUDED."sourceDetailLower"
$$;

-- Contacts: new ones get their row; an update refreshes only rows whose copied columns changed (a page view that
-- touches lastActivityAt does, a token bump does not). Deleted contacts lose theirs by the foreign key's cascade.
CREATE FUNCTION "tillit_facts_contact_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tillit.facts_deferred', true) = 'on' THEN RETURN NULL; END IF;
  PERFORM "tillit_refresh_contact_facts"(ARRAY(SELECT "id" FROM changed));
  RETURN NULL;
END $$;
CREATE FUNCTION "tillit_facts_contact_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tillit.facts_deferred', true) = 'on' THEN RETURN NULL; END IF;
  PERFORM "tillit_refresh_contact_facts"(ARRAY(
    SELECT n."id" FROM changed n JOIN before o ON o."id" = n."id"
    WHERE (n."createdAt", n."lastActivityAt", n."category", n."language", n."sourceType", n."sourceDetail",
           n."marketingOptOutAt" IS NULL, n."addressHash")
      IS DISTINCT FROM (o."createdAt", o."lastActivityAt", o."category", o."language", o."sourceType", o."sourceDetail",
           o."marketingOptOutAt" IS NULL, o."addressHash")));
  RETURN NULL;
END $$;
CREATE TRIGGER "Contact_facts_insert" AFTER INSERT ON "Contact"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "tillit_facts_contact_inserted"();
CREATE TRIGGER "Contact_facts_update" AFTER UPDATE ON "Contact"
  REFERENCING OLD TABLE AS before NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "tillit_facts_contact_updated"();

-- Subscriptions, legal bases and roles: the contacts they belong to (before and after, for an update).
CREATE FUNCTION "tillit_facts_by_contact"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tillit.facts_deferred', true) = 'on' THEN RETURN NULL; END IF;
  PERFORM "tillit_refresh_contact_facts"(ARRAY(SELECT DISTINCT "contactId" FROM changed));
  RETURN NULL;
END $$;
CREATE FUNCTION "tillit_facts_by_contact_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tillit.facts_deferred', true) = 'on' THEN RETURN NULL; END IF;
  PERFORM "tillit_refresh_contact_facts"(ARRAY(SELECT "contactId" FROM changed UNION SELECT "contactId" FROM before));
  RETURN NULL;
END $$;
CREATE TRIGGER "Subscription_facts_insert" AFTER INSERT ON "Subscription"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "tillit_facts_by_contact"();
CREATE TRIGGER "Subscription_facts_update" AFTER UPDATE ON "Subscription"
  REFERENCING OLD TABLE AS before NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "tillit_facts_by_contact_update"();
CREATE TRIGGER "Subscription_facts_delete" AFTER DELETE ON "Subscription"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "tillit_facts_by_contact"();
CREATE TRIGGER "ContactLegalBasis_facts_insert" AFTER INSERT ON "ContactLegalBasis"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "tillit_facts_by_contact"();
CREATE TRIGGER "ContactLegalBasis_facts_update" AFTER UPDATE ON "ContactLegalBasis"
  REFERENCING OLD TABLE AS before NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "tillit_facts_by_contact_update"();
CREATE TRIGGER "ContactLegalBasis_facts_delete" AFTER DELETE ON "ContactLegalBasis"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "tillit_facts_by_contact"();
CREATE TRIGGER "ContactRole_facts_insert" AFTER INSERT ON "ContactRole"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "tillit_facts_by_contact"();
CREATE TRIGGER "ContactRole_facts_update" AFTER UPDATE ON "ContactRole"
  REFERENCING OLD TABLE AS before NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "tillit_facts_by_contact_update"();
CREATE TRIGGER "ContactRole_facts_delete" AFTER DELETE ON "ContactRole"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "tillit_facts_by_contact"();

-- Organisations: a changed relationship changes the role keys of everyone with a role there.
CREATE FUNCTION "tillit_facts_organisation_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tillit.facts_deferred', true) = 'on' THEN RETURN NULL; END IF;
  PERFORM "tillit_refresh_contact_facts"(ARRAY(SELECT DISTINCT r."contactId" FROM "ContactRole" r
    WHERE r."organisationId" IN (SELECT n."id" FROM changed n JOIN before o ON o."id" = n."id"
      WHERE n."relationship" IS DISTINCT FROM o."relationship")));
  RETURN NULL;
END $$;
CREATE TRIGGER "Organisation_facts_update" AFTER UPDATE ON "Organisation"
  REFERENCING OLD TABLE AS before NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "tillit_facts_organisation_updated"();

-- Suppressions: the contacts with that address hash (an update may change the hash: old and new rows both count).
CREATE FUNCTION "tillit_facts_by_address"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tillit.facts_deferred', true) = 'on' THEN RETURN NULL; END IF;
  PERFORM "tillit_refresh_contact_facts"(ARRAY(SELECT c."id" FROM "Contact" c
    WHERE c."addressHash" IN (SELECT "addressHash" FROM changed)));
  RETURN NULL;
END $$;
CREATE FUNCTION "tillit_facts_by_address_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tillit.facts_deferred', true) = 'on' THEN RETURN NULL; END IF;
  PERFORM "tillit_refresh_contact_facts"(ARRAY(SELECT c."id" FROM "Contact" c
    WHERE c."addressHash" IN (SELECT "addressHash" FROM changed UNION SELECT "addressHash" FROM before)));
  RETURN NULL;
END $$;
CREATE TRIGGER "Suppression_facts_insert" AFTER INSERT ON "Suppression"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "tillit_facts_by_address"();
CREATE TRIGGER "Suppression_facts_update" AFTER UPDATE ON "Suppression"
  REFERENCING OLD TABLE AS before NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "tillit_facts_by_address_update"();
CREATE TRIGGER "Suppression_facts_delete" AFTER DELETE ON "Suppression"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "tillit_facts_by_address"();

-- Existing contacts.
SELECT "tillit_refresh_contact_facts"(ARRAY(SELECT "id" FROM "Contact"));
