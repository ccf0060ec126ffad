// The one place that decides whether a link lets its holder act for a contact: signature, key, scope and expiry
// (lib/tokens), then revocation against the contact's current tokenVersion. Every recipient page and route uses it.
import type { DbOrTx } from "@/lib/db/client";
import type { LinkKey } from "@/lib/env/config";
import type { Language } from "@/lib/generated/prisma/enums";
import { requestLogger } from "@/lib/log/request-logger";
import { verifyLinkToken, type LinkTokenClaims } from "@/lib/tokens/link-token";
import type { Scope } from "@/lib/tokens/scopes";

export type LinkProblem = "invalid" | "expired" | "revoked" | "unknown_contact" | "spent";

export type ResolvedLink =
  /** language: the contact's stored language, read with the revocation check (the page's language needs it). */
  | { ok: true; contactId: string; claims: LinkTokenClaims; language: Language }
  /**
   * contactId is given only when the signature was good (expired or revoked link, or a spent single-use link): the
   * page may then offer to send a fresh link to the address on record, without showing it.
   */
  | { ok: false; problem: LinkProblem; contactId?: string };

export async function resolveLink(opts: {
  db: DbOrTx;
  token: string;
  scopes: readonly Scope[];
  keys: readonly LinkKey[];
  now?: Date;
}): Promise<ResolvedLink> {
  const resolved = await decide(opts);
  // The scope and the outcome: never the token, never whose it is.
  (await requestLogger()).debug(
    { scopes: opts.scopes, outcome: resolved.ok ? `ok:${resolved.claims.scope}` : resolved.problem },
    "link resolved",
  );
  return resolved;
}

async function decide(opts: Parameters<typeof resolveLink>[0]): Promise<ResolvedLink> {
  const verified = verifyLinkToken(opts.token, { keys: opts.keys, scopes: opts.scopes, now: opts.now });
  if (!verified.ok) {
    if (verified.reason !== "expired") return { ok: false, problem: "invalid" };
    // An expired link was still genuine: find whom it was for, to offer a fresh one.
    const lenient = verifyLinkToken(opts.token, {
      keys: opts.keys,
      scopes: opts.scopes,
      now: opts.now,
      ignoreExpiry: true,
    });
    return { ok: false, problem: "expired", contactId: lenient.ok ? lenient.claims.contactId : undefined };
  }
  const { claims } = verified;
  const contact = await opts.db.contact.findUnique({
    where: { id: claims.contactId },
    select: { id: true, tokenVersion: true, language: true },
  });
  if (!contact) return { ok: false, problem: "unknown_contact" };
  if (contact.tokenVersion !== claims.tokenVersion) return { ok: false, problem: "revoked", contactId: contact.id };
  // Sequential on purpose: callers pass a transaction here (spending a single-use link), which runs one query at a time.
  if (claims.extra && (claims.scope === "stepUp" || claims.scope === "emailChange")) {
    const spent = await opts.db.spentLinkToken.findUnique({ where: { id: claims.extra }, select: { id: true } });
    if (spent) return { ok: false, problem: "spent", contactId: contact.id };
  }
  return { ok: true, contactId: contact.id, claims, language: contact.language };
}

/**
 * Marks a single-use link as used, inside the caller's transaction. Returns false when it was already used (a
 * concurrent second click loses here, not later).
 */
export async function spendLink(opts: { db: DbOrTx; claims: LinkTokenClaims; expiresAt: Date }): Promise<boolean> {
  if (!opts.claims.extra) throw new Error("Only single-use links can be spent");
  const r = await opts.db.spentLinkToken.createMany({
    data: [{ id: opts.claims.extra, contactId: opts.claims.contactId, expiresAt: opts.expiresAt }],
    skipDuplicates: true,
  });
  return r.count === 1;
}
