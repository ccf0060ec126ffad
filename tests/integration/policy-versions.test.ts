// Policy versions (issue 14): the running version is recorded once however often it is asked for; every new contact
// points at the version in force when it entered the register, and the person's record and export say which that was
// (or that it was before versions were recorded) beside the one in force now.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContactsWithDefaults, sqlOf, type NewContact } from "@/lib/contacts/create-contacts-with-defaults";
import { getContactRecord } from "@/lib/contacts/get-contact-record";
import { upsertContact } from "@/lib/contacts/upsert-contact";
import { exportContactData } from "@/lib/export/export-contact-data";
import { getPolicy } from "@/lib/policy/current-policy";
import { parsePolicyFile, type Policy } from "@/lib/policy/file/load-policy-file";
import { ensureCurrentPolicyVersion, executeOn, recordPolicyVersion } from "@/lib/policy/record-policy-version";
import { createTestDb, type TestDb } from "../support/db";
import { makeContact, unique } from "../factories";

const KEY = "test-suppression-key";
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

/** The running policy file with a new `version` block: what a deployment's next version looks like. */
function nextVersion(effective: string, noteEn: string): Policy {
  const source = getPolicy().source.replace(
    /^version:\n {2}effective: \S+\n {2}note:\n {4}sv: .*\n {4}en: .*$/m,
    `version:\n  effective: ${effective}\n  note:\n    sv: Ändrad ${effective}.\n    en: ${noteEn}`,
  );
  const parsed = parsePolicyFile(source);
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  expect(parsed.policy.hash).not.toBe(getPolicy().hash);
  return parsed.policy;
}

const person = (): NewContact => ({
  name: "Vera Versionsson",
  email: `vera.${unique()}@versions.example`,
  phone: null,
  jobTitle: null,
  language: "en",
  category: "PROSPECT",
  source: { type: "MET_AT_EVENT", detail: "Fair", date: null, staffId: null, organisationId: null },
  legalBasisNote: "Default for the category (test)",
});

async function createUnder(policy: Policy): Promise<string> {
  const r = await t.db.$transaction((tx) =>
    createContactsWithDefaults(sqlOf(tx), {
      contacts: [person()],
      suppressionKey: KEY,
      subscriptionSource: "DEFAULT",
      audit: { actor: { type: "SYSTEM", id: "test" }, action: "contact.created" },
      now: new Date(),
      policy,
    }),
  );
  return r.ids[0]!;
}

describe("recording versions", () => {
  it("records the running version once: hash, effective day, note and the file's text", async () => {
    const policy = getPolicy();
    const [a, b] = await Promise.all([ensureCurrentPolicyVersion(t.db), ensureCurrentPolicyVersion(t.db)]);
    expect(a).toBe(policy.hash);
    expect(b).toBe(policy.hash);
    await recordPolicyVersion(executeOn(t.db), policy); // again, as another process would: nothing changes
    const rows = await t.db.policyVersion.findMany({ where: { hash: policy.hash } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.effective.toISOString().slice(0, 10)).toBe(policy.version.effective);
    expect(rows[0]!.note).toEqual(policy.version.note);
    expect(rows[0]!.source).toBe(policy.source);
  });

  it("a new version of the file is a second row; the first keeps its text and first-seen time", async () => {
    const first = await t.db.policyVersion.findUniqueOrThrow({ where: { hash: getPolicy().hash } });
    const next = nextVersion("2026-01-15", "Recording test, a new version.");
    await recordPolicyVersion(executeOn(t.db), next, new Date("2026-01-15T08:00:00Z"));
    const again = await t.db.policyVersion.findUniqueOrThrow({ where: { hash: getPolicy().hash } });
    expect(again).toEqual(first);
    const added = await t.db.policyVersion.findUniqueOrThrow({ where: { hash: next.hash } });
    expect(added.note).toEqual({ sv: "Ändrad 2026-01-15.", en: "Recording test, a new version." });
  });
});

describe("contacts record the version they were collected under", () => {
  it("every path through createContactsWithDefaults: test factory and API upsert store the running version", async () => {
    const made = await makeContact(t.db);
    const synced = await upsertContact({
      db: t.db,
      input: {
        email: `synced.${unique()}@versions.example`,
        name: "Synced",
        category: "PROSPECT",
        source: { type: "IMPORTED" },
      },
      actor: { type: "API", id: "test" },
      suppressionKey: KEY,
    });
    if (!synced.ok) throw new Error("upsert refused");
    const rows = await t.db.contact.findMany({ where: { id: { in: [made.id, synced.id] } } });
    expect(rows.map((r) => r.policyVersionHash)).toEqual([getPolicy().hash, getPolicy().hash]);
  });

  it("a version nobody recorded yet is recorded in the creating transaction, and not if it rolls back", async () => {
    const fresh = nextVersion("2026-02-01", "Recorded by the first contact.");
    const id = await createUnder(fresh);
    expect((await t.db.contact.findUniqueOrThrow({ where: { id } })).policyVersionHash).toBe(fresh.hash);
    expect(await t.db.policyVersion.count({ where: { hash: fresh.hash } })).toBe(1);

    const rolledBack = nextVersion("2026-02-02", "Never committed.");
    await expect(
      t.db.$transaction(async (tx) => {
        await createContactsWithDefaults(sqlOf(tx), {
          contacts: [person()],
          suppressionKey: KEY,
          subscriptionSource: "DEFAULT",
          audit: { actor: { type: "SYSTEM", id: "test" }, action: "contact.created" },
          now: new Date(),
          policy: rolledBack,
        });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await t.db.policyVersion.count({ where: { hash: rolledBack.hash } })).toBe(0);
  });
});

describe("the person's record and export", () => {
  it("name the version at collection and the one now; a contact from before versions says so", async () => {
    const older = nextVersion("2025-06-01", "The version before this one.");
    const then = await createUnder(older);
    const before = (await makeContact(t.db)).id;
    await t.db.contact.update({ where: { id: before }, data: { policyVersionHash: null } });
    const policy = getPolicy();
    const current = { hash: policy.hash, effective: policy.version.effective, note: policy.version.note };

    const r = (await getContactRecord({ db: t.db, contactId: then }))!;
    expect(r.policy).toEqual({
      collectedUnder: {
        hash: older.hash,
        effective: "2025-06-01",
        note: { sv: "Ändrad 2025-06-01.", en: "The version before this one." },
      },
      current,
    });
    expect((await getContactRecord({ db: t.db, contactId: before }))!.policy).toEqual({
      collectedUnder: null,
      current,
    });

    const json = await exportContactData({ db: t.db, contactId: then, format: "json", lang: "en" });
    if (!json.ok) throw new Error("export refused");
    expect(JSON.parse(json.body).policy.collectedUnder.effective).toBe("2025-06-01");
    const csv = await exportContactData({ db: t.db, contactId: before, format: "csv", lang: "en" });
    if (!csv.ok) throw new Error("export refused");
    expect(csv.body).toContain('policy,1,collectedUnder,,"Before we began recording');
    expect(csv.body).toContain(`policy,1,current.hash,${policy.hash},`);
  });
});
