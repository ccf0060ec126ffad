// The import's progress through the real action and the real poll handler, as two web instances would serve them:
// the action writes the progress to the database (nothing is kept in the handling process), and the poll reads it as
// its caller: the staff user who imported sees it, another staff user with the same permission gets "nothing running",
// a role without the import permission 403, nobody signed in 401. Faked: who is signed in (next-auth), the request's
// headers and cookies, the database handle, and the database kind (the PostgreSQL path of the store, which is the
// only one that exists behind a load balancer: WEB_INSTANCES > 1 requires DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "../support/db";
import { makeStaffUser, unique } from "../factories";

let t: TestDb;
const session = vi.hoisted(() => ({ staffId: null as string | null }));

vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => (session.staffId ? { user: { id: session.staffId }, expires: "" } : null),
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "accept-language": "en" }),
  cookies: async () => ({
    get: (name: string) =>
      session.staffId && name.includes("session-token") ? { name, value: `token-${session.staffId}` } : undefined,
    getAll: () => [],
    has: () => false,
    set: () => {},
    delete: () => {},
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getDb: async () => t.db,
}));
vi.mock("@/lib/env/config", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/env/config")>();
  return {
    ...real,
    getConfig: () => ({ ...real.getConfig(), database: { kind: "postgres", url: "postgresql://unused" } }),
  };
});

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

async function poll(as: string | null, id: string) {
  session.staffId = as;
  const { GET } = await import("@/app/staff/import/progress/route");
  const res = await GET(new Request(`http://localhost/staff/import/progress?id=${encodeURIComponent(id)}`));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("import progress behind several instances", () => {
  it("is written by the import action and read only by the staff user who imported", async () => {
    const [karin, johan, sara] = [
      await makeStaffUser(t.db, "PRIVACY_OFFICER"),
      await makeStaffUser(t.db, "ADMIN"),
      await makeStaffUser(t.db, "MARKETING"),
    ];
    const progressId = crypto.randomUUID();
    const tag = unique();
    const csv = ["Namn;E-post", ...Array.from({ length: 30 }, (_, i) => `Person ${i};p${i}.${tag}@progress.example`)];
    session.staffId = karin.id;
    const { importAction } = await import("@/app/staff/import/actions");
    const { initialImportState } = await import("@/app/staff/import/state");
    const state = await importAction(
      initialImportState(),
      form({
        intent: "import",
        progressId,
        csv: csv.join("\n") + "\n",
        category: "PROSPECT",
        sourceType: "IMPORTED",
        sourceDetail: "Progress test",
        sourceDate: "",
        duplicates: "skip",
        overrideReason: "",
      }),
    );
    expect(state.result).toMatchObject({ created: 30 });

    // The action's process kept nothing: the row is in the database, as any instance reads it.
    const row = await t.db.importProgress.findUniqueOrThrow({ where: { id: progressId } });
    expect(row).toMatchObject({ staffUserId: karin.id, state: "FINISHED", phase: "audit" });

    expect(await poll(karin.id, progressId)).toEqual({
      status: 200,
      body: { running: false, state: "finished", progress: { phase: "audit", done: row.done, total: row.total } },
    });
    // Someone else's import reads exactly like an unknown one.
    const nothing = { status: 200, body: { running: false, state: null, progress: null } };
    expect(await poll(johan.id, progressId)).toEqual(nothing);
    expect(await poll(karin.id, crypto.randomUUID())).toEqual(nothing);
    expect((await poll(sara.id, progressId)).status).toBe(403);
    expect((await poll(null, progressId)).status).toBe(401);
    expect((await poll(karin.id, "../x")).status).toBe(400);
  });

  it("records a failed import as failed, with nothing imported", async () => {
    const karin = await makeStaffUser(t.db, "ADMIN");
    const progressId = crypto.randomUUID();
    session.staffId = karin.id;
    const { importAction } = await import("@/app/staff/import/actions");
    const { initialImportState } = await import("@/app/staff/import/state");
    const contactsBefore = await t.db.contact.count();
    // The import breaks inside its transaction (after the organisations were written): all or nothing.
    const spy = vi
      .spyOn(await import("@/lib/audit/record-audit-event"), "recordAuditEvents")
      .mockRejectedValueOnce(new Error("audit down"));
    const state = await importAction(
      initialImportState(),
      form({
        intent: "import",
        progressId,
        csv: `Namn;E-post;Organisation\nFailing Person;failing.${unique()}@progress.example;Failing AB\n`,
        category: "PROSPECT",
        sourceType: "IMPORTED",
        sourceDetail: "Progress test",
        sourceDate: "",
        duplicates: "skip",
        overrideReason: "",
      }),
    );
    spy.mockRestore();
    expect(state.result).toBeUndefined();
    expect(await t.db.contact.count()).toBe(contactsBefore);
    expect((await poll(karin.id, progressId)).body).toMatchObject({ running: false, state: "failed" });
  });
});
