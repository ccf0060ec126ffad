// A connected system (a CRM, the support desk) records a subscription change the person asked the company for there:
// by email, phone, letter, at a meeting or on a web form. Source API on the subscription and its history row; the
// audit entry names the API key (its id as actor, its name in the values, so the record survives the key's
// revocation) and keeps how the request came and the caller's note as the change's evidence. Like staff, a connected
// system never lifts the person's own opt-out from all marketing: only the person can (resubscribe.ts).
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { fail, type Because, type Invalid, type NotFound } from "@/lib/result";
import type { SubscriptionChangeBody } from "@/lib/api/schemas";
import { applySubscriptionChange } from "./apply-subscription-change";
import { resolveEvidence } from "@/lib/evidence/record-choice-evidence";

export type ChangeSubscriptionByApiResult =
  | { ok: true; changed: boolean; topic: string; state: SubscriptionChangeBody["state"] }
  | NotFound
  | Invalid
  | Because<"conflict", "opted_out">;

export async function changeSubscriptionByApi(opts: {
  db: Db;
  keyId: string;
  contactId: string;
  input: SubscriptionChangeBody;
  now?: Date;
}): Promise<ChangeSubscriptionByApiResult> {
  const { topic: topicKey, state } = opts.input;
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    const [contact, topic, key] = await Promise.all([
      tx.contact.findUnique({ where: { id: opts.contactId }, select: { id: true, marketingOptOutAt: true } }),
      tx.topic.findUnique({
        where: { key: topicKey },
        select: { id: true, key: true, isMarketing: true, isRequired: true, archivedAt: true },
      }),
      tx.apiKey.findUniqueOrThrow({ where: { id: opts.keyId }, select: { name: true } }),
    ]);
    if (!contact) return fail("not_found");
    // An archived topic can still be left, never joined.
    if (!topic || (topic.archivedAt && state === "SUBSCRIBED"))
      return fail("invalid", { fieldErrors: { topic: "topic_unknown" } });
    // Notices the company must send (the yearly notice, a breach notification) know no subscription.
    if (topic.isRequired) return fail("invalid", { fieldErrors: { topic: "topic_not_optional" } });
    if (state === "SUBSCRIBED" && topic.isMarketing && contact.marketingOptOutAt)
      return fail("conflict", { reason: "opted_out" });
    const current = await tx.subscription.findUnique({
      where: { contactId_topicId: { contactId: contact.id, topicId: topic.id } },
      select: { state: true },
    });
    if ((current?.state ?? "UNSUBSCRIBED") === state)
      return { ok: true as const, changed: false, topic: topic.key, state };
    // The connected system shows the person nothing of ours: no notice; the key's name survives its revocation.
    const evidence = await resolveEvidence(
      tx,
      { channel: "API", actor: { type: "API_KEY", id: opts.keyId, name: key.name } },
      now,
    );
    await applySubscriptionChange(tx, {
      contactId: contact.id,
      topicId: topic.id,
      state,
      source: "API",
      evidence,
      now,
    });
    await recordAuditEvent(
      tx,
      {
        actor: { type: "API", id: opts.keyId },
        action: state === "SUBSCRIBED" ? "subscription.subscribed" : "subscription.unsubscribed",
        subject: { type: "Contact", id: contact.id },
        fields: ["subscriptions"],
        personalValues: {
          topic: topic.key,
          from: current?.state ?? null,
          to: state,
          source: "API",
          apiKey: key.name,
          requestedVia: opts.input.requestedVia,
          ...(opts.input.note ? { note: opts.input.note } : {}),
        },
      },
      now,
    );
    return { ok: true as const, changed: true, topic: topic.key, state };
  });
}
