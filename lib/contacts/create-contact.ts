// Staff create a contact. An address with a suppression tombstone (erased on a date, unsubscribed from everything,
// bounced, complained) is refused with the reasons and dates, unless the staff member explicitly overrides it with a
// new source and legal basis ("met again at event X"); the override is audited ("contact.suppression_overridden").
// The rule and what an override means are the same for every path (lib/suppression/check-address-admission.ts).
import "server-only";
import { recordAuditEvent, recordAuditEvents } from "@/lib/audit/record-audit-event";
import { loadOrganisationForStaff } from "@/lib/access/load-organisation-for-staff";
import { can, limitedToOwnOrganisations, type StaffPrincipal } from "@/lib/auth/permissions";
import type { SuppressionMatch } from "@/lib/suppression/find-suppression";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { getPolicy } from "@/lib/policy/current-policy";
import { defaultLegalBases } from "@/lib/policy/purposes";
import { checkAddressAdmission, liftErasureTombstone } from "@/lib/suppression/check-address-admission";
import { contactCreateSchema } from "./contact-schemas";
import { createContactsWithDefaults, sqlOf } from "./create-contacts-with-defaults";
import { fieldErrorCodes, type Invalid, type Forbidden } from "@/lib/result";

export type CreateContactResult =
  | { ok: true; id: string; overridden: boolean }
  | Invalid
  | { ok: false; code: "suppressed"; matches: SuppressionMatch[] }
  | Forbidden;

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
  // A person is registered only in a category the deployment's policy defines: it gives their legal bases and their
  // deletion date.
  if (!getPolicy().categories[input.category]) return invalid({ category: "category_not_in_policy" });
  // An account manager's contact belongs to one of their organisations from the start; without one, nobody but an
  // admin or the privacy officer could change it afterwards (lib/access/contact-ownership.ts).
  if (!input.organisationId && limitedToOwnOrganisations(opts.staff, "contacts.write"))
    return invalid({ organisationId: "organisation_required" });
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

      const created = await createContactsWithDefaults(sqlOf(tx), {
        contacts: [
          {
            name: input.name,
            email: input.email,
            phone: input.phone,
            jobTitle: input.jobTitle,
            language: input.language,
            category: input.category,
            source: {
              type: input.sourceType,
              detail: input.sourceDetail,
              date: input.sourceDate,
              staffId: opts.staff.id,
              organisationId: input.organisationId,
            },
            legalBases:
              overriding && input.overrideBasis
                ? defaultLegalBases(input.category).map((b) => ({ ...b, basis: input.overrideBasis! }))
                : undefined,
            legalBasisNote: overriding
              ? `Suppression overridden: ${input.overrideReason ?? input.sourceDetail}`
              : "Default for the category (staff entry)",
            overridden: overriding,
            marketingOptOutAt: optedOut ? now : null,
            roles:
              input.organisationId && input.roleType
                ? [
                    {
                      organisationId: input.organisationId,
                      type: input.roleType,
                      title: null,
                      startsOn: input.sourceDate ?? now,
                    },
                  ]
                : [],
          },
        ],
        suppressionKey: opts.suppressionKey,
        subscriptionSource: "DEFAULT",
        audit: { actor, action: "contact.created" },
        now,
      });
      const contact = { id: created.ids[0]! };
      await recordAuditEvents(tx, created.audit, now);
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
    if (isUniqueViolation(e)) return invalid({ email: "email_taken" });
    throw e;
  }
}

function invalid(fieldErrors: Record<string, string>) {
  return { ok: false as const, code: "invalid" as const, fieldErrors };
}
