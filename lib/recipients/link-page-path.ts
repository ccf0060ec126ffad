// The recipient pages whose path carries a link (/p, /s, /e) and the scope each accepts. Shared by the layout's
// language decision (stored-language-for-page.ts) and by proxy.ts, which sends a link that can only be "invalid" to
// the cached problem page without rendering anything.
import type { LinkKey } from "@/lib/env/config";
import { verifyLinkToken } from "@/lib/tokens/link-token";
import type { Scope } from "@/lib/tokens/scopes";

const LINK_PAGES: Record<string, Scope> = { p: "preferences", s: "stepUp", e: "emailChange" };

/** Where a link whose signature, format or scope is wrong is sent: the same text for everyone, so it is cached. */
export const INVALID_LINK_PATH = "/link/invalid";

/** The token and scope of a link page's path (/p, /s, /e), or null for any other path. */
export function linkPageOf(path: string): { token: string; scope: Scope } | null {
  const match = /^\/([pse])\/([^/]+)\/?$/.exec(path);
  const scope = match ? LINK_PAGES[match[1]!] : undefined;
  if (!match || !scope) return null;
  try {
    return { token: decodeURIComponent(match[2]!), scope };
  } catch {
    return null;
  }
}

/**
 * Whether the link page at this path can only say "this link is not valid": the token was not signed by a key of
 * ours for this page's scope. Decided without the database, exactly as resolveLink decides "invalid" first; an
 * expired link is not invalid (its page offers a fresh link to the address on record, so it is personal).
 */
export function isInvalidLinkPage(path: string, keys: readonly LinkKey[], now?: Date): boolean {
  const page = linkPageOf(path);
  if (!page) return false;
  const verified = verifyLinkToken(page.token, { keys, scopes: [page.scope], now });
  return !verified.ok && verified.reason !== "expired";
}
