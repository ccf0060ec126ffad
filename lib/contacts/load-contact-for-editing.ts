// What a staff form about one contact shows of it, read only after the caller's right to the contact is decided
// (lib/access). The edit form's read is audited like the detail page's ("contact.viewed", naming the fields read), in
// one transaction with the read; the role and erase forms read only the name for their heading, which the detail
// page the staff member came from has already shown and audited.
import "server-only";
import { loadContactForStaff } from "@/lib/access/load-contact-for-staff";
import type { Refusal } from "@/lib/access/refusal";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can, type Permission, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { ContactCategory, Language } from "@/lib/generated/prisma/enums";
import { ok, type Ok } from "@/lib/result";
import type { AuditField } from "@/lib/audit/audit-fields";

export type ContactFormValues = {
  name: string;
  email: string;
  /** Null when the caller may not read phone numbers (the form then does not show the field). */
  phone: string | null;
  jobTitle: string | null;
  language: Language;
  category: ContactCategory;
  crmId: string | null;
  supportDeskId: string | null;
};

export async function loadContactForEditing(opts: {
  db: Db;
  staff: StaffPrincipal;
  id: string;
  now?: Date;
}): Promise<Ok<{ contact: ContactFormValues; mayReadPhone: boolean }> | Refusal> {
  const now = opts.now ?? new Date();
  const mayReadPhone = can(opts.staff, "contacts.readPhone");
  return opts.db.$transaction(async (tx) => {
    const access = await loadContactForStaff({
      db: tx,
      staff: opts.staff,
      id: opts.id,
      permission: "contacts.write",
      now,
    });
    if (!access.ok) return access;
    const c = await tx.contact.findUniqueOrThrow({
      where: { id: opts.id },
      select: {
        name: true,
        email: true,
        phone: mayReadPhone,
        jobTitle: true,
        language: true,
        category: true,
        crmId: true,
        supportDeskId: true,
      },
    });
    const fields: AuditField[] = [
      "name",
      "email",
      ...(mayReadPhone ? (["phone"] as const) : []),
      "jobTitle",
      "language",
      "category",
      "crmId",
      "supportDeskId",
    ];
    await recordAuditEvent(
      tx,
      {
        actor: { type: "STAFF", id: opts.staff.id },
        action: "contact.viewed",
        subject: { type: "Contact", id: opts.id },
        fields,
      },
      now,
    );
    return ok({ contact: { ...c, phone: mayReadPhone ? (c.phone ?? null) : null }, mayReadPhone });
  });
}

/** The contact's name for a form's heading, once the caller may act on the contact with the given permission. */
export async function loadContactNameForStaff(opts: {
  db: Db;
  staff: StaffPrincipal;
  id: string;
  permission: Permission;
}): Promise<Ok<{ name: string }> | Refusal> {
  const access = await loadContactForStaff(opts);
  if (!access.ok) return access;
  const c = await opts.db.contact.findUniqueOrThrow({ where: { id: opts.id }, select: { name: true } });
  return ok({ name: c.name });
}
