// Figures that read every contact are computed on each view on a small register, and kept (refreshed in the
// background) on a large one, with the time they were counted. "Large" is PostgreSQL's own row estimate, which the
// test sets the way ANALYZE would after loading a million contacts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LARGE_REGISTER, registerFigures } from "@/lib/db/register-figures";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

describe("registerFigures", () => {
  it("computes on every view while the register is small", async () => {
    let calls = 0;
    const compute = async () => ++calls;
    const first = await registerFigures(t.db, "small", compute);
    const second = await registerFigures(t.db, "small", compute);
    expect([first.value, second.value]).toEqual([1, 2]);
    expect(second.cached).toBe(false);
  });

  it("keeps the figures with the time they were counted once the register is large", async () => {
    await t.raw.query(`UPDATE pg_class SET reltuples = $1 WHERE oid = '"Contact"'::regclass`, [LARGE_REGISTER * 20]);
    let calls = 0;
    const compute = async () => ++calls;
    const first = await registerFigures(t.db, "large", compute);
    const second = await registerFigures(t.db, "large", compute);
    expect(first).toMatchObject({ value: 1, cached: true });
    expect(second).toEqual(first);
    expect(calls).toBe(1);
    // Another key is its own figure.
    expect((await registerFigures(t.db, "other", async () => "x")).value).toBe("x");
  });
});
