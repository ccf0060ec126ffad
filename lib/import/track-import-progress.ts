// The progress bar of the CSV import action: where the import reports to. The caller is the staff user whose
// permission the action has checked; the id is the one the browser sent with the form.
import "server-only";
import { currentSessionOwner } from "@/lib/auth/session-owner";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { isProgressId, type ImportProgressTracker } from "./import-progress";
import { startMemoryImportProgress } from "./import-progress-memory";
import { startStoredImportProgress } from "./store-import-progress";

/**
 * Null when there is nothing to track (no or a malformed id, an id already taken, a database that cannot be reached
 * for it): the import runs without a bar, and reports its own failure if the database is really gone.
 */
export async function trackImportProgress(opts: {
  id: unknown;
  staff: { id: string };
}): Promise<ImportProgressTracker | null> {
  if (!isProgressId(opts.id)) return null;
  if (getConfig().database.kind === "pglite") {
    const owner = await currentSessionOwner();
    return owner ? startMemoryImportProgress(opts.id, owner) : null;
  }
  const db = await getDb().catch(() => null);
  return db && startStoredImportProgress({ db, id: opts.id, staffUserId: opts.staff.id });
}
