-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "marketingPausedUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ContactFacts" ADD COLUMN     "pausedUntil" TIMESTAMP(3);

-- Hand-written: ContactFacts copies the pause (migration contact_facts defines the rest; the two functions below are
-- those of that migration with "pausedUntil" added). The count compares the date with its own now, so a pause that
-- ends needs no refresh; only setting or clearing it does. Existing contacts have no pause: nothing to recompute.
CREATE OR REPLACE FUNCTION "tillit_refresh_contact_facts"(ids TEXT[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "ContactFacts" AS f ("contactId", "createdAt", "lastActivityAt", "category", "language", "sourceType",
    "optedOut", "pausedUntil", "suppressedAll", "suppressedAny", "topicsOn", "topicsOff", "purposes", "roleKeys",
    "currentRoleKeys", "endedRoleKeys", "rolesFrom", "rolesUntil", "sourceDetailLower")
  SELECT c."id", c."createdAt", c."lastActivityAt", c."category", c."language", c."sourceType",
    c."marketingOptOutAt" IS NOT NULL,
    c."marketingPausedUntil",
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
    "pausedUntil" = EXCLUDED."pausedUntil",
    "suppressedAll" = EXCLUDED."suppressedAll", "suppressedAny" = EXCLUDED."suppressedAny",
    "topicsOn" = EXCLUDED."topicsOn", "topicsOff" = EXCLUDED."topicsOff", "purposes" = EXCLUDED."purposes",
    "roleKeys" = EXCLUDED."roleKeys", "currentRoleKeys" = EXCLUDED."currentRoleKeys",
    "endedRoleKeys" = EXCLUDED."endedRoleKeys", "rolesFrom" = EXCLUDED."rolesFrom", "rolesUntil" = EXCLUDED."rolesUntil",
    "sourceDetailLower" = EXCLUDED."sourceDetailLower"
$$;

-- An update refreshes the rows whose copied columns changed: now the pause too.
CREATE OR REPLACE FUNCTION "tillit_facts_contact_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tillit.facts_deferred', true) = 'on' THEN RETURN NULL; END IF;
  PERFORM "tillit_refresh_contact_facts"(ARRAY(
    SELECT n."id" FROM changed n JOIN before o ON o."id" = n."id"
    WHERE (n."createdAt", n."lastActivityAt", n."category", n."language", n."sourceType", n."sourceDetail",
           n."marketingOptOutAt" IS NULL, n."marketingPausedUntil", n."addressHash")
      IS DISTINCT FROM (o."createdAt", o."lastActivityAt", o."category", o."language", o."sourceType", o."sourceDetail",
           o."marketingOptOutAt" IS NULL, o."marketingPausedUntil", o."addressHash")));
  RETURN NULL;
END $$;
