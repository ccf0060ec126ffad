// Exchanges a step-up link for a recipient session: re-checks the link, marks it used and records the opening, in
// one transaction (a second click, or a concurrent one, finds the link spent). The caller then sets the cookie.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { LinkKey } from "@/lib/env/config";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { resolveLink, spendLink, type LinkProblem } from "@/lib/recipients/resolve-link";
import { SCOPES } from "@/lib/tokens/scopes";

export type SpendStepUpResult =
  { ok: true; contact: { id: string; tokenVersion: number } } | { ok: false; problem: LinkProblem; contactId?: string };

export async function spendStepUpLink(opts: {
  db: Db;
  token: string;
  keys: readonly LinkKey[];
  now?: Date;
}): Promise<SpendStepUpResult> {
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    const link = await resolveLink({ db: tx, token: opts.token, scopes: ["stepUp"], keys: opts.keys, now });
    if (!link.ok) return link;
    const expiresAt = new Date(link.claims.issuedAt.getTime() + SCOPES.stepUp.lifetimeMs);
    if (!(await spendLink({ db: tx, claims: link.claims, expiresAt }))) {
      return { ok: false as const, problem: "spent" as const, contactId: link.contactId };
    }
    await recordAuditEvent(
      tx,
      {
        actor: { type: "CONTACT", id: link.contactId },
        action: "recipient.session_opened",
        subject: { type: "Contact", id: link.contactId },
      },
      now,
    );
    return { ok: true as const, contact: { id: link.contactId, tokenVersion: link.claims.tokenVersion } };
  });
}
