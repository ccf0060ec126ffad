// The changes feed for CRM sync (GET /api/v1/changes): contact-related audit entries after a point, so a CRM can
// mirror opt-outs and erasures. Built from the audit trail, which already records every change in order. Only field
// names leave here, never values; a contact that has since been erased appears only as its id and "erased".
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { PrivacyRequestType } from "@/lib/generated/prisma/enums";

export type ContactChangeType =
  | "created"
  | "updated"
  | "subscription_changed"
  | "marketing_opt_out"
  | "marketing_opt_in"
  | "email_changed"
  | "erased"
  | "privacy_request";

export const CHANGE_OF_ACTION: Record<string, ContactChangeType> = {
  "contact.created": "created",
  "contact.updated": "updated",
  "contact.corrected_by_self": "updated",
  "contact.email_changed": "email_changed",
  "subscription.subscribed": "subscription_changed",
  "subscription.unsubscribed": "subscription_changed",
  "contact.marketing_opt_out": "marketing_opt_out",
  "contact.marketing_opt_in": "marketing_opt_in",
  "contact.erased": "erased",
  "privacy_request.recorded": "privacy_request",
};

export type ContactChange = {
  seq: bigint;
  at: Date;
  change: ContactChangeType;
  contactId: string | null;
  fields?: string[];
  privacyRequest?: { id: string; type: PrivacyRequestType };
};

export async function listContactChanges(opts: {
  db: DbOrTx;
  since?: Date;
  /** The last seq the caller has seen (exclusive). */
  after?: bigint;
  limit: number;
}): Promise<{ changes: ContactChange[]; next: bigint | null; hasMore: boolean }> {
  const rows = await opts.db.auditEvent.findMany({
    where: {
      action: { in: Object.keys(CHANGE_OF_ACTION) },
      ...(opts.after !== undefined ? { seq: { gt: opts.after } } : {}),
      ...(opts.since ? { at: { gte: opts.since } } : {}),
    },
    orderBy: { seq: "asc" },
    take: opts.limit + 1,
    select: { seq: true, at: true, action: true, subjectType: true, subjectId: true, fields: true },
  });
  const hasMore = rows.length > opts.limit;
  const page = rows.slice(0, opts.limit);

  const contactIds = [...new Set(page.filter((r) => r.subjectType === "Contact").map((r) => r.subjectId))];
  const existing = new Set(
    (await opts.db.contact.findMany({ where: { id: { in: contactIds } }, select: { id: true } })).map((c) => c.id),
  );
  const requestIds = page.filter((r) => r.subjectType === "PrivacyRequest").map((r) => r.subjectId);
  const requests = new Map(
    (
      await opts.db.privacyRequest.findMany({
        where: { id: { in: requestIds } },
        select: { id: true, type: true, contactId: true },
      })
    ).map((r) => [r.id, r]),
  );

  const changes: ContactChange[] = [];
  for (const r of page) {
    const change = CHANGE_OF_ACTION[r.action];
    if (!change) continue;
    if (r.subjectType === "PrivacyRequest") {
      const request = requests.get(r.subjectId);
      if (!request) continue;
      changes.push({
        seq: r.seq,
        at: r.at,
        change,
        contactId: request.contactId,
        privacyRequest: { id: request.id, type: request.type },
      });
      continue;
    }
    if (r.subjectType !== "Contact") continue;
    if (change === "erased") {
      changes.push({ seq: r.seq, at: r.at, change, contactId: r.subjectId });
    } else if (existing.has(r.subjectId)) {
      changes.push({ seq: r.seq, at: r.at, change, contactId: r.subjectId, fields: r.fields });
    }
    // Earlier changes of a contact erased since then are left out: its erasure entry says all a CRM may know.
  }
  return { changes, next: page.at(-1)?.seq ?? opts.after ?? null, hasMore };
}
