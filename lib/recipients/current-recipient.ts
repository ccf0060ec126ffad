// Who the recipient session belongs to, checked on every use: signature and expiry of the cookie, then the contact's
// current tokenVersion, so erasure, an email change or a staff revoke ends an open session at once.
import "server-only";
import { cookies } from "next/headers";
import { getDb, type DbOrTx } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import type { Contact } from "@/lib/generated/prisma/client";
import { decodeRecipientSession, RECIPIENT_SESSION_COOKIE, type RecipientSession } from "./recipient-session";

export type CurrentRecipient = { contact: Contact; session: RecipientSession };

/** The pure part, for tests: a cookie value in, the contact out (or null). */
export async function recipientFromCookie(opts: {
  db: DbOrTx;
  value: string | undefined;
  authSecret: string;
  now?: Date;
}): Promise<CurrentRecipient | null> {
  const session = decodeRecipientSession(opts.value, opts.authSecret, opts.now);
  if (!session) return null;
  const contact = await opts.db.contact.findUnique({ where: { id: session.contactId } });
  if (!contact || contact.tokenVersion !== session.tokenVersion) return null;
  return { contact, session };
}

export async function currentRecipient(): Promise<CurrentRecipient | null> {
  const value = (await cookies()).get(RECIPIENT_SESSION_COOKIE)?.value;
  if (!value) return null;
  return recipientFromCookie({ db: await getDb(), value, authSecret: getConfig().authSecret });
}
