// Staff create a contact. An address with a suppression tombstone (erased on a date, unsubscribed from everything,
// bounced, complained) is refused with the reasons and dates, unless the staff member explicitly overrides it with a
// new source and legal basis ("met again at event X"); the override is audited ("contact.suppression_overridden").
// The rule and what an override means are the same for every path (lib/suppression/check-address-admission.ts).
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { loadOrganisationForStaff } from "@/lib/access/load-organisation-for-staff";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { SuppressionMatch } from "@/lib/suppression/find-suppression";
import type { Db } from "@/lib/db/client";
import { defaultLegalBases } from "@/lib/policy/purposes";
import { applySubscriptionChange } from "@/lib/subscriptions/apply-subscription-change";
import { checkAddressAdmission, liftErasureTombstone } from "@/lib/suppression/check-address-admission";
import { hashAddress } from "@/lib/suppression/hash-address";
import { contactCreateSchema } from "./contact-schemas";
import { fieldErrorCodes } from "@/lib/result";

export type CreateContactResult =
  | { ok: true; id: string; overridden: boolean }
  | { ok: false; code: "invalid"; fieldErrors: Record<string, string> }
  | { ok: false; code: "suppressed"; matches: SuppressionMatch[] }
  | { ok: false; code: "forbidden" };

export async function createContact(opts: {
  db: Db;
  staff: StaffPrincipal;
  input: unknown;
  suppressionKey: string;
  now?: Date;
}): Promise<CreateContactResult> {
  if (!can(opts.staff, "contacts.write")) return { ok: false, code: "forbidden" };
  const parsed = contactCreateSchema.safeParse(opts.input);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: fieldErrorCodes(parsed.error) };
  const input = parsed.data;
  if (input.organisationId && !input.roleType)
    return { ok: false, code: "invalid", fieldErrors: { roleType: "role_type_invalid" } };
  const now = opts.now ?? new Date();
  const actor = { type: "STAFF" as const, id: opts.staff.id };

  try {
    return await opts.db.$transaction(async (tx) => {
      if (input.organisationId) {
        const org = await loadOrganisationForStaff({
          db: tx,
          staff: opts.staff,
          id: input.organisationId,
          permission: "roles.write",
        });
        if (!org.ok && org.code === "not_found") return invalid({ organisationId: "organisation_required" });
        if (!org.ok) return { ok: false as const, code: "forbidden" as const };
      }
      if (await tx.contact.findUnique({ where: { email: input.email }, select: { id: true } }))
        return invalid({ email: "email_taken" });

      const admission = await checkAddressAdmission({
        db: tx,
        email: input.email,
        key: opts.suppressionKey,
        override: input.override,
      });
      if (!admission.ok) return { ok: false as const, code: "suppressed" as const, matches: admission.matches };
      const overriding = admission.overridden;
      if (overriding) {
        const errors: Record<string, string> = {};
        if (!input.overrideBasis) errors.overrideBasis = "basis_required";
        if (!input.sourceDetail) errors.sourceDetail = "source_detail_required";
        if (!input.sourceDate) errors.sourceDate = "date_required";
        if (Object.keys(errors).length) return invalid(errors);
      }
      const optedOut = admission.overridden && admission.optedOut;

      const contact = await tx.contact.create({
        data: {
          email: input.email,
          addressHash: hashAddress(input.email, opts.suppressionKey),
          name: input.name,
          phone: input.phone,
          jobTitle: input.jobTitle,
          language: input.language,
          category: input.category,
          sourceType: input.sourceType,
          sourceDetail: input.sourceDetail,
          sourceDate: input.sourceDate,
          sourceStaffId: opts.staff.id,
          sourceOrganisationId: input.organisationId,
          marketingOptOutAt: optedOut ? now : null,
          createdAt: now,
        },
        select: { id: true },
      });
      await tx.contactLegalBasis.createMany({
        data: defaultLegalBases(input.category).map((b) => ({
          contactId: contact.id,
          purpose: b.purpose,
          basis: overriding && input.overrideBasis ? input.overrideBasis : b.basis,
          recordedAt: now,
          note: overriding
            ? `Suppression overridden: ${input.overrideReason ?? input.sourceDetail}`
            : "Default for the category (staff entry)",
        })),
      });
      if (input.organisationId && input.roleType) {
        await tx.contactRole.create({
          data: {
            contactId: contact.id,
            organisationId: input.organisationId,
            type: input.roleType,
            startsOn: input.sourceDate ?? now,
          },
        });
      }
      const topics = await tx.topic.findMany({
        where: {
          archivedAt: null,
          defaultCategories: { has: input.category },
          ...(overriding ? { isMarketing: false } : {}),
        },
        select: { id: true },
      });
      for (const topic of topics)
        await applySubscriptionChange(tx, {
          contactId: contact.id,
          topicId: topic.id,
          state: "SUBSCRIBED",
          source: "DEFAULT",
          now,
        });

      const fields = ["name", "email", "phone", "jobTitle", "language", "category", "source"];
      await recordAuditEvent(
        tx,
        {
          actor,
          action: "contact.created",
          subject: { type: "Contact", id: contact.id },
          fields,
          personalValues: { source: input.sourceType, topics: topics.length },
        },
        now,
      );
      if (admission.overridden) {
        await liftErasureTombstone(tx, { email: input.email, key: opts.suppressionKey });
        await recordAuditEvent(
          tx,
          {
            actor,
            action: "contact.suppression_overridden",
            subject: { type: "Contact", id: contact.id },
            fields: ["suppression", "source", "legalBasis"],
            personalValues: {
              reasons: admission.matches.map((m) => ({ reason: m.reason, since: m.since.toISOString() })),
              source: input.sourceType,
              sourceDetail: input.sourceDetail,
              basis: input.overrideBasis,
              note: input.overrideReason,
            },
          },
          now,
        );
      }
      return { ok: true as const, id: contact.id, overridden: overriding };
    });
  } catch (e) {
    if ((e as { code?: unknown }).code === "P2002") return invalid({ email: "email_taken" });
    throw e;
  }
}

function invalid(fieldErrors: Record<string, string>) {
  return { ok: false as const, code: "invalid" as const, fieldErrors };
}
