// The stored language of the contact a page is tied to, for the page's language decision (lib/i18n/languages.ts,
// decideLanguage): the contact of a link page (/p, /s, /e: the link's contact, also when the link is expired, spent
// or revoked but genuine) or of the recipient session (/me and below). Null on every other page, and when the page
// has no contact (a tampered link, no session). Found from the page's path, so the root layout (which cannot see the
// page's params) and the page decide the same language.
import "server-only";
import { cache } from "react";
import { getDb, type DbOrTx } from "@/lib/db/client";
import { getConfig, type LinkKey } from "@/lib/env/config";
import type { Language } from "@/lib/i18n/languages";
import type { Scope } from "@/lib/tokens/scopes";
import { linkPageOf } from "./link-page-path";
import { currentRecipient } from "./current-recipient";
import { resolveLink, type ResolvedLink } from "./resolve-link";

/**
 * The stored language of a resolved link's contact: read with the link when it is good (the common case), else one
 * more query (an expired, revoked or spent link, whose page still speaks the person's language).
 */
async function languageOfLink(db: DbOrTx, link: ResolvedLink): Promise<Language | null> {
  if (link.ok) return link.language;
  if (!link.contactId) return null;
  const contact = await db.contact.findUnique({ where: { id: link.contactId }, select: { language: true } });
  return contact?.language ?? null;
}

/** The contact of a link page's token, or null for a path that is not a link page or a link without a contact. */
export async function storedLanguageOfLinkPage(opts: {
  db: DbOrTx;
  path: string;
  keys: readonly LinkKey[];
  now?: Date;
}): Promise<Language | null> {
  const page = linkPageOf(opts.path);
  if (!page) return null;
  const link = await resolveLink({
    db: opts.db,
    token: page.token,
    scopes: [page.scope],
    keys: opts.keys,
    now: opts.now,
  });
  return languageOfLink(opts.db, link);
}

/**
 * A link page's link, resolved once per request (React's cache): the layout (for the page's language), the page and
 * its metadata ask the same question, and one answer serves them all.
 */
export const resolvePageLink = cache(async (token: string, scope: Scope): Promise<ResolvedLink> =>
  resolveLink({ db: await getDb(), token, scopes: [scope], keys: getConfig().linkKeys }),
);

function isMePath(path: string): boolean {
  return path === "/me" || path.startsWith("/me/");
}

/** Once per request (React's cache): the layout, the page and its metadata ask the same question. */
export const storedLanguageForPage = cache(async (path: string): Promise<Language | null> => {
  if (isMePath(path)) return (await currentRecipient())?.contact.language ?? null;
  const page = linkPageOf(path);
  if (!page) return null;
  return languageOfLink(await getDb(), await resolvePageLink(page.token, page.scope));
});
