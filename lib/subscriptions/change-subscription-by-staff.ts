// Staff change one of a contact's subscriptions (for example on the person's request by phone). Recorded as a staff
// change: source STAFF with the staff member's id on the subscription and its history row, and an audit entry.
// Staff never lift a person's opt-out from all marketing: only the person can (lib/subscriptions/resubscribe.ts).
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { loadContactForStaff } from "@/lib/access/load-contact-for-staff";
import { z } from "zod";
import { fail, type Because } from "@/lib/result";
import { resolveEvidence } from "@/lib/evidence/record-choice-evidence";
import { applySubscriptionChange } from "./apply-subscription-change";

const subscriptionChangeSchema = z.object({
  topicId: z.string().min(1).max(64),
  state: z.enum(["SUBSCRIBED", "UNSUBSCRIBED"]),
});

export type ChangeSubscriptionResult =
  | { ok: true; changed: boolean }
  | { ok: false; code: "forbidden" | "not_found" | "invalid" }
  | Because<"conflict", "opted_out">;

export async function changeSubscriptionByStaff(opts: {
  db: Db;
  staff: StaffPrincipal;
  contactId: string;
  input: unknown;
  now?: Date;
}): Promise<ChangeSubscriptionResult> {
  const parsed = subscriptionChangeSchema.safeParse(opts.input);
  if (!parsed.success) return { ok: false, code: "invalid" };
  const { topicId, state } = parsed.data;
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    const access = await loadContactForStaff({
      db: tx,
      staff: opts.staff,
      id: opts.contactId,
      permission: "contacts.write",
    });
    if (!access.ok) return access;
    const [contact, topic] = await Promise.all([
      tx.contact.findUniqueOrThrow({ where: { id: opts.contactId }, select: { marketingOptOutAt: true } }),
      tx.topic.findUnique({
        where: { id: topicId },
        select: { id: true, key: true, isMarketing: true, archivedAt: true },
      }),
    ]);
    if (!topic || (topic.archivedAt && state === "SUBSCRIBED")) return { ok: false as const, code: "invalid" as const };
    if (state === "SUBSCRIBED" && topic.isMarketing && contact.marketingOptOutAt)
      return fail("conflict", { reason: "opted_out" });
    const key = { contactId_topicId: { contactId: opts.contactId, topicId } };
    const current = await tx.subscription.findUnique({ where: key, select: { state: true } });
    if ((current?.state ?? "UNSUBSCRIBED") === state) return { ok: true as const, changed: false };
    const staffId = opts.staff.id;
    const evidence = await resolveEvidence(
      tx,
      { channel: "STAFF_ON_REQUEST", actor: { type: "STAFF", id: staffId } },
      now,
    );
    await applySubscriptionChange(tx, {
      contactId: opts.contactId,
      topicId,
      state,
      source: "STAFF",
      staffId,
      evidence,
      now,
    });
    await recordAuditEvent(
      tx,
      {
        actor: { type: "STAFF", id: staffId },
        action: state === "SUBSCRIBED" ? "subscription.subscribed" : "subscription.unsubscribed",
        subject: { type: "Contact", id: opts.contactId },
        fields: ["subscriptions"],
        personalValues: { topic: topic.key, from: current?.state ?? null, to: state, source: "STAFF" },
      },
      now,
    );
    return { ok: true as const, changed: true };
  });
}
