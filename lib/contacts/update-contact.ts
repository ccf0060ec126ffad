// Staff edit a contact's fields. One transaction with an audit entry holding the changed field names (in the chain)
// and old/new values (outside it). A new address revokes the person's links, as the person's own email change does,
// and passes the same suppression rule as every way into the register (lib/suppression/check-address-admission.ts):
// refused when suppressed, unless the staff member deliberately overrides it with a reason (audited).
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SuppressionMatch } from "@/lib/suppression/find-suppression";
import { checkAddressAdmission, liftErasureTombstone } from "@/lib/suppression/check-address-admission";
import { hashAddress } from "@/lib/suppression/hash-address";
import { loadContactForStaff } from "@/lib/access/load-contact-for-staff";
import { CONTACT_EDIT_FIELDS, contactUpdateSchema } from "./contact-schemas";
import { fieldErrorCodes, type NotFound, type Invalid, type Forbidden } from "@/lib/result";
import type { AuditField } from "@/lib/audit/audit-fields";

export type UpdateContactResult =
  | { ok: true; changed: string[]; overridden: boolean }
  | Invalid
  | { ok: false; code: "suppressed"; matches: SuppressionMatch[] }
  | Forbidden
  | NotFound;

export async function updateContact(opts: {
  db: Db;
  staff: StaffPrincipal;
  contactId: string;
  input: unknown;
  /** The suppression HMAC key for Contact.addressHash; getConfig().suppressionKey when not given. */
  suppressionKey?: string;
  now?: Date;
}): Promise<UpdateContactResult> {
  const parsed = contactUpdateSchema.safeParse(opts.input);
  if (!parsed.success) {
    const access = await loadContactForStaff({
      db: opts.db,
      staff: opts.staff,
      id: opts.contactId,
      permission: "contacts.write",
    });
    if (!access.ok) return access;
    return { ok: false, code: "invalid", fieldErrors: fieldErrorCodes(parsed.error) };
  }
  const next = parsed.data;
  const now = opts.now ?? new Date();
  const suppressionKey = opts.suppressionKey ?? getConfig().suppressionKey;
  try {
    return await opts.db.$transaction(async (tx): Promise<UpdateContactResult> => {
      const access = await loadContactForStaff({
        db: tx,
        staff: opts.staff,
        id: opts.contactId,
        permission: "contacts.write",
      });
      if (!access.ok) return access;
      const current = await tx.contact.findUniqueOrThrow({
        where: { id: opts.contactId },
        select: {
          name: true,
          email: true,
          phone: true,
          jobTitle: true,
          language: true,
          category: true,
          crmId: true,
          supportDeskId: true,
          marketingOptOutAt: true,
        },
      });
      const changed = CONTACT_EDIT_FIELDS.filter((f) => current[f] !== next[f]);
      if (changed.length === 0) return { ok: true as const, changed: [], overridden: false };
      let overridden: { matches: SuppressionMatch[]; optedOut: boolean } | null = null;
      if (changed.includes("email")) {
        const taken = await tx.contact.findUnique({ where: { email: next.email }, select: { id: true } });
        if (taken) return { ok: false as const, code: "invalid" as const, fieldErrors: { email: "email_taken" } };
        const admission = await checkAddressAdmission({
          db: tx,
          email: next.email,
          key: suppressionKey,
          override: next.override,
        });
        if (!admission.ok) return { ok: false as const, code: "suppressed" as const, matches: admission.matches };
        if (admission.overridden) {
          if (!next.overrideReason)
            return {
              ok: false as const,
              code: "invalid" as const,
              fieldErrors: { overrideReason: "override_reason_required" },
            };
          overridden = admission;
        }
      }
      const data: Prisma.ContactUpdateInput = {};
      const values: Record<string, { from: string | null; to: string | null }> = {};
      for (const f of changed) {
        Object.assign(data, { [f]: next[f] });
        values[f] = { from: current[f], to: next[f] };
      }
      const fields: AuditField[] = [...changed];
      if (changed.includes("email")) {
        data.addressHash = hashAddress(next.email, suppressionKey);
        data.tokenVersion = { increment: 1 };
        fields.push("tokenVersion");
      }
      // As after an override on creation: an opt-out from all marketing or a complaint at the address carries over.
      if (overridden?.optedOut && !current.marketingOptOutAt) {
        data.marketingOptOutAt = now;
        fields.push("marketingOptOutAt");
      }
      await tx.contact.update({ where: { id: opts.contactId }, data });
      await recordAuditEvent(
        tx,
        {
          actor: { type: "STAFF", id: opts.staff.id },
          action: "contact.updated",
          subject: { type: "Contact", id: opts.contactId },
          fields,
          personalValues: values,
        },
        now,
      );
      if (overridden) {
        await liftErasureTombstone(tx, { email: next.email, key: suppressionKey });
        await recordAuditEvent(
          tx,
          {
            actor: { type: "STAFF", id: opts.staff.id },
            action: "contact.suppression_overridden",
            subject: { type: "Contact", id: opts.contactId },
            fields: ["suppression", "email"],
            personalValues: {
              reasons: overridden.matches.map((m) => ({ reason: m.reason, since: m.since.toISOString() })),
              note: next.overrideReason,
            },
          },
          now,
        );
      }
      return { ok: true as const, changed: fields, overridden: overridden !== null };
    });
  } catch (e) {
    if ((e as { code?: unknown }).code === "P2002")
      return { ok: false, code: "invalid", fieldErrors: { email: "email_taken" } };
    throw e;
  }
}
