// GET /staff/import/progress's one decision: whose progress the caller may read. Only their own import's: on
// PostgreSQL the signed-in staff user (with the import permission) who started it; on the embedded database, where the
// import's transaction holds the one connection and no session can be looked up until it commits, the session that
// started it (import-progress-memory.ts). Anyone else's id reads as unknown, exactly like an id that never existed.
import "server-only";
import { checkStaff } from "@/lib/auth/current-staff";
import { currentSessionOwner } from "@/lib/auth/session-owner";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { fail, ok, type Fail, type Ok } from "@/lib/result";
import { isProgressId, type ImportProgressReading } from "./import-progress";
import { readMemoryImportProgress } from "./import-progress-memory";
import { readStoredImportProgress } from "./store-import-progress";

export type ImportProgressAnswer =
  | Ok<{ reading: ImportProgressReading | null }>
  | Fail<"invalid">
  | Fail<"forbidden", { reason: "signed_out" | "not_allowed" }>;

export async function readImportProgressForCaller(id: unknown): Promise<ImportProgressAnswer> {
  if (getConfig().database.kind === "pglite") {
    const owner = await currentSessionOwner();
    if (!owner) return fail("forbidden", { reason: "signed_out" });
    if (!isProgressId(id)) return fail("invalid");
    return ok({ reading: readMemoryImportProgress(id, owner) });
  }
  const access = await checkStaff("contacts.import");
  if (!access.ok) return fail("forbidden", { reason: access.reason === "signed_out" ? "signed_out" : "not_allowed" });
  if (!isProgressId(id)) return fail("invalid");
  return ok({ reading: await readStoredImportProgress({ db: await getDb(), id, staffUserId: access.staff.id }) });
}
