// A stable, non-secret name for the current staff session, read from next-auth's session cookie without a database
// lookup: a SHA-256 of the cookie's value. Used where the database cannot be asked (the progress of an import whose
// transaction holds the embedded database's one connection) to tie a reading to the session that started the work.
import "server-only";
import { createHash } from "node:crypto";
import { cookies } from "next/headers";

const NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

export async function currentSessionOwner(): Promise<string | null> {
  const store = await cookies();
  for (const name of NAMES) {
    const value = store.get(name)?.value;
    if (value) return createHash("sha256").update(value).digest("hex");
  }
  return null;
}
