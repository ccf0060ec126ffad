// The choice_evidence migration on a register that already has history: every SubscriptionChange becomes evidence with
// the channel and actor its source implies, an opt-out from all in force and each legal basis get a row, all marked
// `migrated` (the notice was not recorded then). Run on an embedded database of its own, migrated up to the migration
// before, filled, then migrated to the end.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR, readMigrationFiles } from "@/lib/db/migrations";
import { createPglite } from "@/lib/db/pglite";

const tmp = mkdtempSync(path.join(os.tmpdir(), "tillit-evidence-mig-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("choice_evidence migration", () => {
  it("turns the history kept before into evidence, notice not recorded", async () => {
    const files = readMigrationFiles();
    const evidenceIndex = files.findIndex((f) => f.name.endsWith("_choice_evidence"));
    expect(evidenceIndex).toBeGreaterThan(0);
    const before = path.join(tmp, "before");
    cpSync(MIGRATIONS_DIR, before, { recursive: true });
    for (const f of files.slice(evidenceIndex)) rmSync(path.join(before, f.name), { recursive: true });

    const pglite = await createPglite({ dataDir: path.join(tmp, "pglite") });
    try {
      await applyMigrations({ kind: "pglite", pglite }, { dir: before });
      await pglite.exec(`
        INSERT INTO "Topic" (id, key, "nameSv", "nameEn", "descriptionSv", "descriptionEn", purpose, "updatedAt")
          VALUES ('t1', 'news', 'Nyheter', 'News', 'x', 'x', 'MARKETING_MAILINGS', now());
        INSERT INTO "StaffUser" (id, email, role, "updatedAt") VALUES ('s1', 's1@company.example', 'ADMIN', now());
        INSERT INTO "Contact" (id, name, email, category, "sourceType", "marketingOptOutAt", "updatedAt")
          VALUES ('c1', 'Lena', 'lena@nordlys.example', 'CUSTOMER_CONTACT', 'STAFF_ENTRY', '2025-05-01', now());
        INSERT INTO "ContactLegalBasis" ("contactId", purpose, basis, "recordedAt")
          VALUES ('c1', 'MARKETING_MAILINGS', 'LEGITIMATE_INTEREST', '2024-01-01');
        INSERT INTO "SubscriptionChange" (id, "contactId", "topicId", state, source, "staffId", at) VALUES
          ('h1', 'c1', 't1', 'SUBSCRIBED', 'DEFAULT', NULL, '2024-01-01'),
          ('h2', 'c1', 't1', 'UNSUBSCRIBED', 'STAFF', 's1', '2024-06-01'),
          ('h3', 'c1', 't1', 'SUBSCRIBED', 'SELF', NULL, '2025-01-01'),
          ('h4', 'c1', 't1', 'UNSUBSCRIBED', 'ONE_CLICK', NULL, '2025-05-01');
      `);
      await applyMigrations({ kind: "pglite", pglite });
      const rows = (
        await pglite.query<{
          id: string;
          subject: string;
          state: string | null;
          channel: string;
          actorType: string;
          actorId: string | null;
          legalBasis: string | null;
          noticeHash: string | null;
          migrated: boolean;
        }>(`SELECT id, subject::text, state::text, channel::text, "actorType"::text, "actorId", "legalBasis"::text,
              "noticeHash", migrated FROM "ChoiceEvidence" WHERE "contactId" = 'c1' ORDER BY at, subject::text`)
      ).rows;
      expect(rows.map((r) => [r.subject, r.state, r.channel, r.actorType, r.actorId, r.legalBasis])).toEqual([
        ["LEGAL_BASIS", null, "NOT_RECORDED", "SYSTEM", null, "LEGITIMATE_INTEREST"],
        ["TOPIC", "SUBSCRIBED", "REGISTRATION_DEFAULT", "SYSTEM", null, "LEGITIMATE_INTEREST"],
        ["TOPIC", "UNSUBSCRIBED", "STAFF_ON_REQUEST", "STAFF", "s1", "LEGITIMATE_INTEREST"],
        ["TOPIC", "SUBSCRIBED", "PREFERENCE_PAGE", "PERSON", null, "LEGITIMATE_INTEREST"],
        ["ALL_MARKETING", "UNSUBSCRIBED", "NOT_RECORDED", "PERSON", null, "LEGITIMATE_INTEREST"],
        ["TOPIC", "UNSUBSCRIBED", "ONE_CLICK", "PERSON", null, "LEGITIMATE_INTEREST"],
      ]);
      expect(rows.every((r) => r.migrated && r.noticeHash === null)).toBe(true);
    } finally {
      await pglite.close();
    }
  });
});
