// One suppression rule for every way an address enters the register (lib/suppression/check-address-admission.ts),
// driven through the real use-cases of every path against a real database. Each cell uses its own addresses, staff
// member, API key and marketing topic (made with the test factories), so the cells do not depend on one another.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { handleUpsertContact } from "@/lib/api/upsert-contact-handler";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import type { StaffPrincipal } from "@/lib/auth/permissions";
import { confirmEmailChange } from "@/lib/contacts/confirm-email-change";
import { requestEmailChange } from "@/lib/contacts/request-email-change";
import type { SuppressionReason, SuppressionScope } from "@/lib/generated/prisma/enums";
import { importContacts } from "@/lib/import/import-contacts";
import { parseImportFile } from "@/lib/import/parse-import-file";
import { suggestColumnMapping } from "@/lib/import/suggest-column-mapping";
import { validateImportRows } from "@/lib/import/validate-import-rows";
import { createTransport } from "@/lib/mail/create-transport";
import { createContact } from "@/lib/contacts/create-contact";
import { updateContact } from "@/lib/contacts/update-contact";
import { hashAddress } from "@/lib/suppression/hash-address";
import { createTestDb, type TestDb } from "../support/db";
import { makeStaffUser, makeTopic } from "../factories";

const KEY = "a".repeat(40);
const KEYS = [{ id: "t1", secret: "s".repeat(40) }];
const CONFIG = { publicUrl: "https://prefs.example.com", linkKeys: KEYS };
let t: TestDb;
let ADMIN: StaffPrincipal;
let apiKey: string;

beforeAll(async () => {
  t = await createTestDb();
});
beforeEach(async () => {
  ADMIN = await makeStaffUser(t.db, "ADMIN");
  // A marketing topic prospects get by default: an override must not subscribe them to it.
  await makeTopic(t.db, { defaultCategories: ["PROSPECT"] });
  const created = await createApiKey({
    db: t.db,
    input: { name: "admission", scope: "WRITE" },
    actor: { type: "STAFF", id: ADMIN.id },
    createdById: ADMIN.id,
  });
  if (!created.ok) throw new Error("no api key");
  apiKey = created.key;
});
afterAll(async () => t?.close());

type Suppressed = "erased" | "hard bounce" | "complaint" | "unsubscribed from all" | "not suppressed";
const SUPPRESSION: Record<Suppressed, { reason: SuppressionReason; scope: SuppressionScope } | null> = {
  erased: { reason: "ERASED", scope: "ALL" },
  "hard bounce": { reason: "HARD_BOUNCE", scope: "ALL" },
  complaint: { reason: "COMPLAINT", scope: "MARKETING" },
  "unsubscribed from all": { reason: "UNSUBSCRIBED_ALL", scope: "MARKETING" },
  "not suppressed": null,
};

type Outcome = "admitted" | "refused: suppressed" | "admitted by override";
type Path = "staff create" | "staff edit" | "CSV import" | "API upsert" | "self-service email change";

const outbox = () => createTransport({ config: { transport: "outbox", from: "t@tillit.test" }, db: t.db });
const unique = (label: string) =>
  `${label.replace(/\W+/g, "-").toLowerCase()}-${randomUUID().slice(0, 8)}@admission.example`;

async function suppress(email: string, kind: Suppressed) {
  const s = SUPPRESSION[kind];
  if (s) await t.db.suppression.create({ data: { addressHash: hashAddress(email, KEY), ...s } });
}

/** A contact already in the register, for the paths that change an address. */
async function existingContact(): Promise<string> {
  const r = await createContact({
    db: t.db,
    staff: ADMIN,
    input: {
      name: "Existing Person",
      email: unique("existing"),
      language: "en",
      category: "PROSPECT",
      sourceType: "STAFF_ENTRY",
    },
    suppressionKey: KEY,
  });
  if (!r.ok) throw new Error(`set-up: ${JSON.stringify(r)}`);
  return r.id;
}

const holds = (email: string) => t.db.contact.findUnique({ where: { email }, select: { id: true } });

/** Each path, driven through its real use-case; the answer is what happened to the address. */
const PATHS: Record<Path, (email: string, override: boolean) => Promise<Outcome>> = {
  async "staff create"(email, override) {
    const r = await createContact({
      db: t.db,
      staff: ADMIN,
      input: {
        name: "New Person",
        email,
        language: "en",
        category: "PROSPECT",
        sourceType: "MET_AT_EVENT",
        sourceDetail: "Met again at Cloud Summit 2026",
        sourceDate: "2026-10-14",
        ...(override ? { override: "on", overrideBasis: "CONSENT", overrideReason: "Asked to hear from us" } : {}),
      },
      suppressionKey: KEY,
    });
    if (r.ok) return r.overridden ? "admitted by override" : "admitted";
    expect(r).toMatchObject({ code: "suppressed" });
    expect(await holds(email)).toBeNull();
    return "refused: suppressed";
  },

  async "staff edit"(email, override) {
    const id = await existingContact();
    const before = await t.db.contact.findUniqueOrThrow({ where: { id } });
    const r = await updateContact({
      db: t.db,
      staff: ADMIN,
      contactId: id,
      input: {
        name: before.name,
        email,
        phone: "",
        jobTitle: "",
        language: before.language,
        category: before.category,
        ...(override ? { override: "on", overrideReason: "The person gave us this address by phone" } : {}),
      },
      suppressionKey: KEY,
    });
    if (r.ok) {
      expect((await t.db.contact.findUniqueOrThrow({ where: { id } })).email).toBe(email);
      return r.overridden ? "admitted by override" : "admitted";
    }
    expect(r).toMatchObject({ code: "suppressed" });
    expect((await t.db.contact.findUniqueOrThrow({ where: { id } })).email).toBe(before.email);
    return "refused: suppressed";
  },

  async "CSV import"(email, override) {
    const parsed = parseImportFile({ content: `Namn;E-post\nImported Person;${email}\n` });
    if (!parsed.ok) throw new Error(parsed.error.code);
    const options = {
      category: "PROSPECT" as const,
      sourceType: "MET_AT_EVENT" as const,
      sourceDetail: "Cloud Summit 2026",
      sourceDate: "2026-10-14",
      duplicates: "skip" as const,
      ...(override ? { suppressionOverride: { reason: "Met again and asked to hear from us", rows: [2] } } : {}),
    };
    const preview = await validateImportRows({
      db: t.db,
      rows: parsed.data.rows,
      mapping: suggestColumnMapping({ headers: parsed.data.headers }),
      options,
      suppressionKey: KEY,
      staff: ADMIN,
    });
    if (!preview.ok) throw new Error(JSON.stringify(preview));
    const summary = await importContacts({
      db: t.db,
      rows: preview.data.rows,
      options,
      staff: ADMIN,
      suppressionKey: KEY,
    });
    if (summary.created === 1) return summary.suppressionOverrides === 1 ? "admitted by override" : "admitted";
    expect(summary.notImported).toMatchObject([{ rowNumber: 2, errors: [{ field: "email", code: "suppressed" }] }]);
    expect(await holds(email)).toBeNull();
    return "refused: suppressed";
  },

  async "API upsert"(email) {
    const res = await handleUpsertContact({
      db: t.db,
      request: new Request("https://prefs.example.com/api/v1/contacts", {
        method: "PUT",
        headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({ email, name: "Synced Person", category: "PROSPECT", source: { type: "IMPORTED" } }),
      }),
      suppressionKey: KEY,
    });
    if (res.status === 201 || res.status === 200) return "admitted";
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: "suppressed" } });
    expect(await holds(email)).toBeNull();
    return "refused: suppressed";
  },

  async "self-service email change"(email) {
    const id = await existingContact();
    const asked = await requestEmailChange({
      db: t.db,
      contactId: id,
      input: { email },
      config: CONFIG,
      transport: outbox(),
    });
    expect(asked.ok).toBe(true);
    const [mail] = await t.db.outboxMessage.findMany({ where: { to: { has: email } } });
    const token = /https:\/\/prefs\.example\.com\/e\/([A-Za-z0-9_.-]+)/.exec(mail!.text)![1]!;
    const r = await confirmEmailChange({ db: t.db, token, keys: KEYS, suppressionKey: KEY, transport: outbox() });
    if (r.ok) return "admitted";
    expect(r).toMatchObject({ problem: "suppressed" });
    expect((await t.db.contact.findUniqueOrThrow({ where: { id } })).email).not.toBe(email);
    return "refused: suppressed";
  },
};

const SUPPRESSED: Suppressed[] = ["erased", "hard bounce", "complaint", "unsubscribed from all"];
const ALL_PATHS = Object.keys(PATHS) as Path[];

// path × how the address is suppressed → what happens, without an override (nobody decided anything).
const TABLE: [Path, Suppressed, Outcome][] = ALL_PATHS.flatMap((path) => [
  ...SUPPRESSED.map((s): [Path, Suppressed, Outcome] => [path, s, "refused: suppressed"]),
  [path, "not suppressed", "admitted"] as [Path, Suppressed, Outcome],
]);

// With a staff member's deliberate override for that address: only staff paths have one.
const OVERRIDE_PATHS: Path[] = ["staff create", "staff edit", "CSV import"];
const OVERRIDE_TABLE: [Path, Suppressed, Outcome][] = OVERRIDE_PATHS.flatMap((path) =>
  SUPPRESSED.map((s): [Path, Suppressed, Outcome] => [path, s, "admitted by override"]),
);

describe("an address entering the register, without an override", () => {
  it.each(TABLE)("%s, %s → %s", async (path, suppressed, expected) => {
    const email = unique(`${path}-${suppressed}`);
    await suppress(email, suppressed);
    expect(await PATHS[path](email, false)).toBe(expected);
  });
});

describe("an address entering the register by a staff member's deliberate override", () => {
  it.each(OVERRIDE_TABLE)("%s, %s → %s", async (path, suppressed, expected) => {
    const email = unique(`override-${path}-${suppressed}`);
    await suppress(email, suppressed);
    expect(await PATHS[path](email, true)).toBe(expected);
    const contact = await t.db.contact.findUniqueOrThrow({ where: { email } });
    // The same consequences on every staff path: audited with the reasons, the erasure tombstone lifted, the others
    // kept, an opt-out or complaint carried over, no marketing subscribed by default.
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { subjectId: contact.id, action: "contact.suppression_overridden" },
    });
    expect(audit).toMatchObject({ actorType: "STAFF", actorId: ADMIN.id });
    expect(JSON.stringify(audit.personalValues)).toContain(SUPPRESSION[suppressed]!.reason);
    const left = await t.db.suppression.findMany({ where: { addressHash: hashAddress(email, KEY) } });
    expect(left.map((s) => s.reason)).toEqual(suppressed === "erased" ? [] : [SUPPRESSION[suppressed]!.reason]);
    const optedOut = suppressed === "complaint" || suppressed === "unsubscribed from all";
    expect(contact.marketingOptOutAt !== null).toBe(optedOut);
    if (path !== "staff edit") {
      const subs = await t.db.subscription.findMany({ where: { contactId: contact.id }, include: { topic: true } });
      expect(subs.filter((s) => s.topic.isMarketing)).toEqual([]);
    }
  });

  it("the audit chain still verifies", async () => {
    // After an override of its own (the cells above are separate tests).
    const email = unique("override-chain");
    await suppress(email, "erased");
    expect(await PATHS["staff create"](email, true)).toBe("admitted by override");
    expect((await verifyAuditChain({ db: t.db })).ok).toBe(true);
  });
});
