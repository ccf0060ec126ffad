import { describe, expect, it } from "vitest";
import { isImportPhase, isProgressId } from "@/lib/import/import-progress";
import { readMemoryImportProgress, startMemoryImportProgress } from "@/lib/import/import-progress-memory";

const ID = "3f0c2b8e-6a55-4d1e-9d61-0b7c4a1e9f20";

describe("import progress on the embedded database (in memory)", () => {
  it("is readable from the session that started the import, and shows how it ended", async () => {
    let now = 1_000;
    const tracker = startMemoryImportProgress(ID, "session_a", () => now)!;
    expect(readMemoryImportProgress(ID, "session_a")).toEqual({ state: "running", progress: null });
    now = 2_000;
    await tracker.report({ phase: "contacts", done: 5_000, total: 45_000 });
    expect(readMemoryImportProgress(ID, "session_a")).toEqual({
      state: "running",
      progress: { phase: "contacts", done: 5_000, total: 45_000 },
    });
    expect(readMemoryImportProgress(ID, "session_b")).toBeNull();
    // Another session cannot take the id over.
    expect(startMemoryImportProgress(ID, "session_b", () => now)).toBeNull();
    await tracker.finish("finished");
    expect(readMemoryImportProgress(ID, "session_a")).toEqual({
      state: "finished",
      progress: { phase: "contacts", done: 5_000, total: 45_000 },
    });
  });

  it("forgets entries untouched for 15 minutes when a new import starts", () => {
    startMemoryImportProgress(ID, "session_a", () => 0);
    startMemoryImportProgress("another-import-id-0001", "session_a", () => 15 * 60_000 + 1);
    expect(readMemoryImportProgress(ID, "session_a")).toBeNull();
    expect(readMemoryImportProgress("another-import-id-0001", "session_a")).toEqual({
      state: "running",
      progress: null,
    });
  });
});

describe("import progress ids and phases", () => {
  it("accepts only plain ids", () => {
    expect(isProgressId(ID)).toBe(true);
    expect(isProgressId("short")).toBe(false);
    expect(isProgressId("../../etc/passwd-xxxxxxxxxxxx")).toBe(false);
    expect(isProgressId(42)).toBe(false);
  });

  it("knows the import's phases and nothing else", () => {
    for (const p of ["checking", "organisations", "contacts", "updates", "audit"]) expect(isImportPhase(p)).toBe(true);
    expect(isImportPhase("done")).toBe(false);
    expect(isImportPhase(null)).toBe(false);
  });
});
