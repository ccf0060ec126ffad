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
import { currentRecipient } from "./current-recipient";
import { resolveLink } from "./resolve-link";

const LINK_PAGES: Record<string, Scope> = { p: "preferences", s: "stepUp", e: "emailChange" };

/** The contact of a link page's token, or null for a path that is not a link page or a link without a contact. */
export async function storedLanguageOfLinkPage(opts: {
  db: DbOrTx;
  path: string;
  keys: readonly LinkKey[];
  now?: Date;
}): Promise<Language | null> {
  const match = /^\/([pse])\/([^/]+)\/?$/.exec(opts.path);
  const scope = match ? LINK_PAGES[match[1]!] : undefined;
  if (!match || !scope) return null;
  let token: string;
  try {
    token = decodeURIComponent(match[2]!);
  } catch {
    return null;
  }
  const link = await resolveLink({ db: opts.db, token, scopes: [scope], keys: opts.keys, now: opts.now });
  if (!link.contactId) return null;
  const contact = await opts.db.contact.findUnique({ where: { id: link.contactId }, select: { language: true } });
  return contact?.language ?? null;
}

function isMePath(path: string): boolean {
  return path === "/me" || path.startsWith("/me/");
}

/** Once per request (React's cache): the layout, the page and its metadata ask the same question. */
export const storedLanguageForPage = cache(async (path: string): Promise<Language | null> => {
  if (isMePath(path)) return (await currentRecipient())?.contact.language ?? null;
  if (!/^\/[pse]\//.test(path)) return null;
  return storedLanguageOfLinkPage({ db: await getDb(), path, keys: getConfig().linkKeys });
});
