// Policy versions (issue 14): the running version is recorded once however often it is asked for; every new contact
// points at the version in force when it entered the register, and the person's record and export say which that was
// (or that it was before versions were recorded) beside the one in force now; the privacy officer's list counts the
// contacts per version, refuses other roles, and compares two versions line by line.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPolicyVersionsForStaff } from "@/lib/access/load-policy-versions-for-staff";
import { createContactsWithDefaults, sqlOf, type NewContact } from "@/lib/contacts/create-contacts-with-defaults";
import { getContactRecord } from "@/lib/contacts/get-contact-record";
import { upsertContact } from "@/lib/contacts/upsert-contact";
import { exportContactData } from "@/lib/export/export-contact-data";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { getPolicy } from "@/lib/policy/current-policy";
import { diffPolicySources, diffPolicyVersions } from "@/lib/policy/diff-policy-versions";
import { parsePolicyFile, type Policy } from "@/lib/policy/file/load-policy-file";
import { listPolicyVersions } from "@/lib/policy/list-policy-versions";
import type { Db } from "@/lib/db/client";
import {
  ensureCurrentPolicyVersion,
  executeOn,
  recordPolicyVersion,
  recordPolicyVersionOnStart,
} from "@/lib/policy/record-policy-version";
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

  it("start-up on a database without the table yet warns and goes on; the next caller tries again", async () => {
    let calls = 0;
    const unmigrated = {
      $executeRawUnsafe: async () => {
        calls++;
        throw new Error('relation "PolicyVersion" does not exist');
      },
    } as unknown as Db;
    await expect(recordPolicyVersionOnStart(unmigrated, "test")).resolves.toBeUndefined();
    await expect(ensureCurrentPolicyVersion(unmigrated)).rejects.toThrow("does not exist");
    expect(calls).toBe(2);
    await recordPolicyVersionOnStart(t.db, "test");
    expect(await t.db.policyVersion.count({ where: { hash: getPolicy().hash } })).toBe(1);
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

describe("the privacy officer's view", () => {
  const staff = (role: StaffRole) => ({ id: `staff_${role}`, role });

  it("lists the versions newest first with the contacts collected under each, and those from before", async () => {
    const late = nextVersion("2026-03-01", "Counted.");
    await recordPolicyVersion(executeOn(t.db), late, new Date("2099-01-01T00:00:00Z"));
    const a = await createUnder(late);
    const b = await createUnder(late);
    const { versions, collectedBeforeVersions } = await listPolicyVersions({ db: t.db });
    expect(versions[0]).toMatchObject({ hash: late.hash, effective: "2026-03-01", contacts: 2 });
    const firstSeen = versions.map((v) => v.firstSeenAt.getTime());
    expect(firstSeen).toEqual([...firstSeen].sort((x, y) => y - x));
    const counted = await t.db.contact.count({ where: { policyVersionHash: getPolicy().hash } });
    expect(versions.find((v) => v.hash === getPolicy().hash)?.contacts).toBe(counted);
    expect(collectedBeforeVersions).toBe(await t.db.contact.count({ where: { policyVersionHash: null } }));
    expect([a, b]).toHaveLength(2);
  });

  it("privacy officers and admins get the view; every other role is refused before anything is read", async () => {
    for (const role of ["ADMIN", "PRIVACY_OFFICER"] as const) {
      const r = await loadPolicyVersionsForStaff({ db: t.db, staff: staff(role) });
      expect(r.ok, role).toBe(true);
      if (r.ok) expect(r.versions.some((v) => v.hash === r.current)).toBe(true);
    }
    for (const role of ["ACCOUNT_MANAGER", "MARKETING", "SUPPORT"] as const)
      expect(await loadPolicyVersionsForStaff({ db: t.db, staff: staff(role) }), role).toEqual({
        ok: false,
        code: "forbidden",
      });
  });

  it("compares two recorded versions line by line; an unknown version is not_found", async () => {
    const next = nextVersion("2026-04-01", "Compared.");
    await recordPolicyVersion(executeOn(t.db), next);
    const r = await loadPolicyVersionsForStaff({
      db: t.db,
      staff: staff("PRIVACY_OFFICER"),
      compare: { from: getPolicy().hash, to: next.hash },
    });
    if (!r.ok || !r.diff?.ok) throw new Error("no diff");
    expect({ added: r.diff.added, removed: r.diff.removed }).toEqual({ added: 3, removed: 3 });
    const changed = r.diff.rows.filter((row) => row.kind === "added" || row.kind === "removed");
    const { effective, note } = getPolicy().version;
    expect(changed.map((row) => "text" in row && `${row.kind} ${row.text.trim()}`)).toEqual([
      `removed effective: ${effective}`,
      "added effective: 2026-04-01",
      `removed sv: ${note.sv}`,
      `removed en: ${note.en}`,
      "added sv: Ändrad 2026-04-01.",
      "added en: Compared.",
    ]);
    expect(await diffPolicyVersions({ db: t.db, from: next.hash, to: "0".repeat(64) })).toEqual({
      ok: false,
      code: "not_found",
      reason: "unknown_version",
    });
  });
});

describe("diffPolicySources", () => {
  it("numbers old and new lines, keeps three lines of context and folds the rest", () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join("\n") + "\n";
    const after = before.replace("line 10\n", "line ten\n").replace("line 20\n", "line 20\nline 21\n");
    const d = diffPolicySources(before, after);
    expect({ added: d.added, removed: d.removed }).toEqual({ added: 2, removed: 1 });
    expect(d.rows).toEqual([
      { kind: "folded", count: 6 },
      { kind: "same", old: 7, new: 7, text: "line 7" },
      { kind: "same", old: 8, new: 8, text: "line 8" },
      { kind: "same", old: 9, new: 9, text: "line 9" },
      { kind: "removed", old: 10, new: null, text: "line 10" },
      { kind: "added", old: null, new: 10, text: "line ten" },
      { kind: "same", old: 11, new: 11, text: "line 11" },
      { kind: "same", old: 12, new: 12, text: "line 12" },
      { kind: "same", old: 13, new: 13, text: "line 13" },
      { kind: "folded", count: 4 },
      { kind: "same", old: 18, new: 18, text: "line 18" },
      { kind: "same", old: 19, new: 19, text: "line 19" },
      { kind: "same", old: 20, new: 20, text: "line 20" },
      { kind: "added", old: null, new: 21, text: "line 21" },
    ]);
    expect(diffPolicySources("same\n", "same\n").rows).toEqual([{ kind: "folded", count: 1 }]);
  });
});
