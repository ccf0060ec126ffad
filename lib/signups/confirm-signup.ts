// The confirmation link's button (POST): the sign-up takes effect. In one transaction with its audit entries: the
// pending row is deleted (single use: a second press, or a second tab, finds nothing), then either a new prospect is
// registered through createContactsWithDefaults (category PROSPECT, consent for mailings, no default marketing topics:
// the person chose theirs) or an existing contact gets the chosen topics. Every change carries the evidence of the
// sign-up: channel SIGNUP_FORM, the person as actor, the hash of the consent text they saw on the form. An earlier
// opt-out from all marketing is lifted by this, the person's new explicit choice; an address suppressed for ALL mail
// (erased, hard bounce) is registered by nothing here.
import "server-only";
import { randomUUID } from "node:crypto";
import { recordAuditEvent, recordAuditEvents } from "@/lib/audit/record-audit-event";
import { createContactsWithDefaults, sqlOf } from "@/lib/contacts/create-contacts-with-defaults";
import type { Db } from "@/lib/db/client";
import {
  recordAllMarketingEvidence,
  recordLegalBasisEvidence,
  type Evidence,
} from "@/lib/evidence/record-choice-evidence";
import { getPolicy } from "@/lib/policy/current-policy";
import { defaultLegalBases } from "@/lib/policy/purposes";
import { fail, type Because, type Fail } from "@/lib/result";
import { applySubscriptionChange } from "@/lib/subscriptions/apply-subscription-change";
import { findSuppression } from "@/lib/suppression/find-suppression";
import { hashAddress } from "@/lib/suppression/hash-address";
import { liftSuppression } from "@/lib/suppression/lift-suppression";
import { isSignupTokenShape, signupTokenHash } from "./signup-token";

export type ConfirmSignupResult =
  | { ok: true; contactId: string; created: boolean; topics: number }
  | Because<"not_found", "unknown_link" | "expired">
  | Fail<"suppressed">;

const CONSENT_NOTE = "Consent on the sign-up form (double opt-in)";

export async function confirmSignup(opts: {
  db: Db;
  token: string;
  suppressionKey: string;
  now?: Date;
}): Promise<ConfirmSignupResult> {
  if (!isSignupTokenShape(opts.token)) return fail("not_found", { reason: "unknown_link" });
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    const pending = await tx.pendingSignup.findUnique({ where: { tokenHash: signupTokenHash(opts.token) } });
    if (!pending) return fail("not_found", { reason: "unknown_link" });
    // Spent whatever happens next; a concurrent confirmation of the same link deletes nothing and stops here.
    const spent = await tx.pendingSignup.deleteMany({ where: { id: pending.id } });
    if (spent.count !== 1) return fail("not_found", { reason: "unknown_link" });
    if (pending.expiresAt <= now) return fail("not_found", { reason: "expired" });
    const suppression = await findSuppression({ db: tx, email: pending.email, key: opts.suppressionKey });
    if (suppression.matches.some((m) => m.scope === "ALL")) return fail("suppressed");

    const evidence: Evidence = {
      channel: "SIGNUP_FORM",
      actorType: "PERSON",
      actorId: null,
      actorName: null,
      noticeHash: pending.noticeHash,
    };
    // Topics archived or withdrawn from the form since the mail went out are left out.
    const topics = await tx.topic.findMany({
      where: { id: { in: pending.topicIds }, offeredAtSignup: true, isMarketing: true, archivedAt: null },
      select: { id: true, key: true },
    });
    const existing = await tx.contact.findUnique({
      where: { email: pending.email },
      select: { id: true, marketingOptOutAt: true },
    });

    let contactId: string;
    let created = false;
    if (existing) {
      contactId = existing.id;
      // An existing contact keeps the basis recorded for mailings; only a contact with none gets the consent.
      const basis = await tx.contactLegalBasis.findUnique({
        where: { contactId_purpose: { contactId, purpose: "MARKETING_MAILINGS" } },
      });
      if (!basis) {
        await tx.contactLegalBasis.create({
          data: { contactId, purpose: "MARKETING_MAILINGS", basis: "CONSENT", note: CONSENT_NOTE, recordedAt: now },
        });
        await recordLegalBasisEvidence(tx, {
          contactId,
          purpose: "MARKETING_MAILINGS",
          basis: "CONSENT",
          evidence,
          at: now,
        });
      }
      if (existing.marketingOptOutAt) {
        await tx.contact.update({ where: { id: contactId }, data: { marketingOptOutAt: null } });
        await recordAllMarketingEvidence(tx, { contactId, state: "SUBSCRIBED", evidence, at: now });
      }
    } else {
      contactId = randomUUID();
      created = true;
      const policy = getPolicy();
      const bases = defaultLegalBases("PROSPECT", policy).filter((b) => b.purpose !== "MARKETING_MAILINGS");
      const result = await createContactsWithDefaults(sqlOf(tx), {
        contacts: [
          {
            id: contactId,
            name: pending.name,
            email: pending.email,
            phone: null,
            jobTitle: null,
            language: pending.language,
            category: "PROSPECT",
            source: {
              type: "SIGNUP_FORM",
              detail: pending.organisation ? `Organisation given on the sign-up form: ${pending.organisation}` : null,
              date: now,
              staffId: null,
              organisationId: null,
            },
            legalBases: [...bases, { purpose: "MARKETING_MAILINGS", basis: "CONSENT" }],
            legalBasisNote: CONSENT_NOTE,
            skipDefaultMarketing: true,
          },
        ],
        suppressionKey: opts.suppressionKey,
        subscriptionSource: "DEFAULT",
        audit: { actor: { type: "CONTACT", id: contactId }, action: "contact.created" },
        now,
        policy,
        evidence,
      });
      await recordAuditEvents(tx, result.audit, now);
    }
    // The person's earlier "unsubscribe from all" kept a hash so no marketing reached them: this choice replaces it.
    await liftSuppression(tx, {
      addressHashes: [hashAddress(pending.email, opts.suppressionKey)],
      reason: "UNSUBSCRIBED_ALL",
    });

    let started = 0;
    for (const topic of topics) {
      const current = await tx.subscription.findUnique({
        where: { contactId_topicId: { contactId, topicId: topic.id } },
        select: { state: true },
      });
      if (current?.state === "SUBSCRIBED") continue;
      await applySubscriptionChange(tx, {
        contactId,
        topicId: topic.id,
        state: "SUBSCRIBED",
        source: "SELF",
        evidence,
        now,
      });
      started++;
    }
    await recordAuditEvent(
      tx,
      {
        actor: { type: "CONTACT", id: contactId },
        action: "contact.signed_up",
        subject: { type: "Contact", id: contactId },
        fields: ["subscriptions"],
        personalValues: { topics: topics.map((t) => t.key), created, notice: pending.noticeHash },
      },
      now,
    );
    return { ok: true as const, contactId, created, topics: started };
  });
}
