// Import progress kept in the ImportProgress table: readable by the staff user who started the import and nobody else,
// written beside the import's transaction so that it shows while the import runs (on PostgreSQL; the embedded
// database keeps progress in memory, see lib/import/import-progress-memory.ts), and ending as finished or failed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importContacts } from "@/lib/import/import-contacts";
import type { ImportProgress } from "@/lib/import/import-progress";
import { parseImportFile } from "@/lib/import/parse-import-file";
import { readStoredImportProgress, startStoredImportProgress } from "@/lib/import/store-import-progress";
import { suggestColumnMapping } from "@/lib/import/suggest-column-mapping";
import { validateImportRows } from "@/lib/import/validate-import-rows";
import { generateImportCsv } from "../fixtures/import/generate-import-csv";
import { createTestDb, testDbKind, type TestDb } from "../support/db";
import { makeStaffUser, unique } from "../factories";

const KEY = "import-progress-test-key";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

const newId = () => crypto.randomUUID();

const waitFor = async (what: string, check: () => Promise<boolean>, ms = 10_000) => {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe("import progress in the database", () => {
  it("is read by the staff user who started the import, and by no one else", async () => {
    const [anna, bo] = [await makeStaffUser(t.db, "ADMIN"), await makeStaffUser(t.db, "ADMIN")];
    const id = newId();
    const tracker = await startStoredImportProgress({ db: t.db, id, staffUserId: anna.id, minIntervalMs: 0 });
    expect(tracker).not.toBeNull();
    expect(await readStoredImportProgress({ db: t.db, id, staffUserId: anna.id })).toEqual({
      state: "running",
      progress: null,
    });
    await tracker!.report({ phase: "contacts", done: 5_000, total: 45_000 });
    await waitFor("the reading", async () => {
      const r = await readStoredImportProgress({ db: t.db, id, staffUserId: anna.id });
      return r?.progress?.done === 5_000;
    });
    expect(await readStoredImportProgress({ db: t.db, id, staffUserId: anna.id })).toEqual({
      state: "running",
      progress: { phase: "contacts", done: 5_000, total: 45_000 },
    });
    // Another user polling Anna's id gets what an unknown id gets.
    expect(await readStoredImportProgress({ db: t.db, id, staffUserId: bo.id })).toBeNull();
    expect(await readStoredImportProgress({ db: t.db, id: newId(), staffUserId: anna.id })).toBeNull();
    // Nor can Bo take the id over: his start finds it taken and tracks nothing, leaving Anna's row as it was.
    expect(await startStoredImportProgress({ db: t.db, id, staffUserId: bo.id })).toBeNull();

    await tracker!.report({ phase: "audit", done: 10, total: 10 });
    await tracker!.finish("finished");
    expect(await readStoredImportProgress({ db: t.db, id, staffUserId: anna.id })).toEqual({
      state: "finished",
      progress: { phase: "audit", done: 10, total: 10 },
    });
  });

  it("writes the latest reading when it finishes, even one that came within the write interval", async () => {
    const staff = await makeStaffUser(t.db, "ADMIN");
    const id = newId();
    const tracker = await startStoredImportProgress({ db: t.db, id, staffUserId: staff.id, minIntervalMs: 60_000 });
    await tracker!.report({ phase: "checking", done: 0, total: 3 });
    await tracker!.report({ phase: "contacts", done: 1, total: 3 });
    await tracker!.report({ phase: "contacts", done: 3, total: 3 });
    await tracker!.finish("failed");
    expect(await readStoredImportProgress({ db: t.db, id, staffUserId: staff.id })).toEqual({
      state: "failed",
      progress: { phase: "contacts", done: 3, total: 3 },
    });
  });

  // The embedded database runs one statement at a time and the import's transaction holds it: there the progress is
  // kept in memory instead (the web server is the only process), so this is a PostgreSQL property.
  it.skipIf(testDbKind() === "pglite")(
    "shows while the import's transaction runs, before any of its rows is visible",
    async () => {
      const staff = await makeStaffUser(t.db, "ADMIN");
      const run = unique();
      const { csv, good } = generateImportCsv(6_000, run);
      const parsed = parseImportFile({ content: csv });
      if (!parsed.ok) throw new Error(parsed.error.code);
      const preview = await validateImportRows({
        db: t.db,
        rows: parsed.data.rows,
        mapping: suggestColumnMapping({ headers: parsed.data.headers }),
        options: { category: "PROSPECT", sourceType: "IMPORTED", sourceDetail: `progress ${run}`, duplicates: "skip" },
        suppressionKey: KEY,
        staff,
      });
      if (!preview.ok) throw new Error(JSON.stringify(preview));
      const id = newId();
      const tracker = await startStoredImportProgress({ db: t.db, id, staffUserId: staff.id, minIntervalMs: 0 });
      const seen: { reading: ImportProgress; contactsOutside: number }[] = [];
      const ours = { email: { contains: `.${run}.` } };

      const summary = await importContacts({
        db: t.db,
        rows: preview.data.rows,
        options: preview.data.options,
        staff,
        suppressionKey: KEY,
        onProgress: async (p) => {
          await tracker!.report(p);
          if (p.phase !== "contacts") return;
          // Read as the poll would, on another connection, while the transaction is still open.
          await waitFor("the progress row", async () => {
            const r = await readStoredImportProgress({ db: t.db, id, staffUserId: staff.id });
            return r?.progress?.phase === "contacts" && r.progress.done === p.done;
          });
          seen.push({ reading: p, contactsOutside: await t.db.contact.count({ where: ours }) });
        },
      });
      await tracker!.finish("finished");

      expect(summary.created).toBe(good);
      expect(seen.map((s) => s.reading)).toEqual([
        { phase: "contacts", done: 5_000, total: good },
        { phase: "contacts", done: good, total: good },
      ]);
      // All or nothing: while the bar moved, none of the import's contacts existed outside its transaction.
      expect(seen.map((s) => s.contactsOutside)).toEqual([0, 0]);
      expect(await t.db.contact.count({ where: ours })).toBe(good);
      expect((await readStoredImportProgress({ db: t.db, id, staffUserId: staff.id }))?.state).toBe("finished");
    },
  );
});
