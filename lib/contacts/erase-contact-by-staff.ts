// Staff erase a contact on the person's request (arrived by email, phone or letter): the same use-case as
// self-service erasure, which also records the completed privacy request with the channel and handler.
import "server-only";
import { loadContactForStaff } from "@/lib/access/load-contact-for-staff";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { eraseContact } from "@/lib/contacts/erase-contact";
import { eraseSchema } from "./contact-schemas";
import { fieldErrorCodes, type NotFound, type Invalid, type Forbidden } from "@/lib/result";

export type EraseByStaffResult =
  { ok: true; subjectRef: string; receiptQueued: boolean } | Invalid | Forbidden | NotFound;

export async function eraseContactByStaff(opts: {
  db: Db;
  staff: StaffPrincipal;
  contactId: string;
  input: unknown;
  suppressionKey: string;
  now?: Date;
}): Promise<EraseByStaffResult> {
  if (!can(opts.staff, "contacts.erase")) return { ok: false, code: "forbidden" };
  const parsed = eraseSchema.safeParse(opts.input);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: fieldErrorCodes(parsed.error) };
  const access = await loadContactForStaff({
    db: opts.db,
    staff: opts.staff,
    id: opts.contactId,
    permission: "contacts.erase",
  });
  if (!access.ok) return access;
  const r = await eraseContact({
    db: opts.db,
    contactId: opts.contactId,
    actor: { type: "STAFF", id: opts.staff.id },
    channel: parsed.data.channel,
    handlerId: opts.staff.id,
    suppressionKey: opts.suppressionKey,
    now: opts.now,
  });
  if (!r.ok) return { ok: false, code: "not_found" };
  return r;
}
