import { describe, expect, it } from "vitest";
import {
  finishImportProgress,
  isProgressId,
  readImportProgress,
  reportImportProgress,
  startImportProgress,
} from "@/lib/import/import-progress";

const ID = "3f0c2b8e-6a55-4d1e-9d61-0b7c4a1e9f20";

describe("import progress", () => {
  it("is readable from the session that started the import, and only while it runs", () => {
    startImportProgress(ID, "session_a", 1_000);
    expect(readImportProgress(ID, "session_a")).toEqual({ progress: null });
    reportImportProgress(ID, { phase: "contacts", done: 5_000, total: 45_000 }, 2_000);
    expect(readImportProgress(ID, "session_a")).toEqual({
      progress: { phase: "contacts", done: 5_000, total: 45_000 },
    });
    expect(readImportProgress(ID, "session_b")).toBeNull();
    finishImportProgress(ID);
    expect(readImportProgress(ID, "session_a")).toBeNull();
  });

  it("forgets entries untouched for 15 minutes when a new import starts", () => {
    startImportProgress(ID, "session_a", 0);
    startImportProgress("another-import-id-0001", "session_a", 15 * 60_000 + 1);
    expect(readImportProgress(ID, "session_a")).toBeNull();
    expect(readImportProgress("another-import-id-0001", "session_a")).toEqual({ progress: null });
  });

  it("accepts only plain ids", () => {
    expect(isProgressId(ID)).toBe(true);
    expect(isProgressId("short")).toBe(false);
    expect(isProgressId("../../etc/passwd-xxxxxxxxxxxx")).toBe(false);
    expect(isProgressId(42)).toBe(false);
  });
});
