// Whether a staff sign-in link can still be used, without using it: the page the link opens asks this to show either
// the sign-in button or "used or too old". Only the button's POST to next-auth spends the link.
import "server-only";
import { createHash } from "node:crypto";
import type { DbOrTx } from "@/lib/db/client";

export type SignInLinkCheck = { ok: true; email: string } | { ok: false; reason: "malformed" | "used_or_expired" };

export async function checkSignInLink({
  db,
  email,
  token,
  secret,
}: {
  db: DbOrTx;
  email: unknown;
  token: unknown;
  /** next-auth's secret: it stores sha256(token + secret), never the token (core/lib/utils.js hashToken). */
  secret: string;
}): Promise<SignInLinkCheck> {
  if (typeof email !== "string" || typeof token !== "string" || !email || !/^[0-9a-f]{16,128}$/.test(token))
    return { ok: false, reason: "malformed" };
  const hashed = createHash("sha256").update(`${token}${secret}`).digest("hex");
  const row = await db.verificationToken.findUnique({
    where: { identifier_token: { identifier: email, token: hashed } },
    select: { expires: true },
  });
  return row && row.expires.getTime() > Date.now() ? { ok: true, email } : { ok: false, reason: "used_or_expired" };
}
