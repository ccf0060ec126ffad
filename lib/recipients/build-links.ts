// Every link a recipient gets, built from the configured public URL (never from a request's Host header).
import { randomBytes } from "node:crypto";
import type { LinkKey } from "@/lib/env/config";
import { signLinkToken } from "@/lib/tokens/link-token";
import type { Scope } from "@/lib/tokens/scopes";

type Subject = { id: string; tokenVersion: number };
type LinkConfig = { publicUrl: string; linkKeys: readonly LinkKey[] };

export const RECIPIENT_PATHS = {
  preferences: "/p",
  unsubscribe: "/u",
  stepUp: "/s",
  emailChange: "/e",
} as const satisfies Record<Scope, string>;

function link(config: LinkConfig, scope: Scope, contact: Subject, now: Date, extra?: string): string {
  const token = signLinkToken(
    { scope, contactId: contact.id, tokenVersion: contact.tokenVersion, issuedAt: now, extra },
    config.linkKeys,
  );
  return `${config.publicUrl}${RECIPIENT_PATHS[scope]}/${token}`;
}

/**
 * The footer link of every mail: the preference page. A mailing's footer names the mailing (signed), so an unsubscribe
 * made there, and the answer to "why are you leaving?", count for the mailing the person came from.
 */
export function preferencesUrl(config: LinkConfig, contact: Subject, now = new Date(), mailingId?: string): string {
  return link(config, "preferences", contact, now, mailingId);
}

/** The List-Unsubscribe URL of a mailing: one-click opt-out from its topic ("all" for every marketing topic). */
export function unsubscribeUrl(
  config: LinkConfig,
  contact: Subject,
  topicId: string | "all",
  now = new Date(),
): string {
  return link(config, "unsubscribe", contact, now, topicId);
}

/** A single-use step-up link (1 hour); its id is recorded as spent when used. */
export function stepUpUrl(config: LinkConfig, contact: Subject, now = new Date()): string {
  return link(config, "stepUp", contact, now, randomBytes(12).toString("base64url"));
}

/** The confirmation link for a pending email change, sent to the new address. */
export function emailChangeUrl(
  config: LinkConfig,
  contact: Subject,
  pendingChangeId: string,
  now = new Date(),
): string {
  return link(config, "emailChange", contact, now, pendingChangeId);
}
