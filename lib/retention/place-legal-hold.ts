// The privacy officer places a legal hold: the retention job skips the contact, or every contact with a role at the
// organisation, until the end date or a release. Audited with the hold as subject; the reason is kept on the hold
// (it names a dispute or an audit, not the person).
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import { normaliseEmail } from "@/lib/contacts/normalise";
import type { Db } from "@/lib/db/client";
import { fieldErrorCodes, invalid, type Forbidden, type Invalid } from "@/lib/result";
import { MAX_HOLD_YEARS, placeLegalHoldSchema } from "./legal-hold-schema";

export type PlaceLegalHoldResult = { ok: true; id: string } | Invalid | Forbidden;

export async function placeLegalHold(opts: {
  db: Db;
  staff: StaffPrincipal;
  input: unknown;
  now?: Date;
}): Promise<PlaceLegalHoldResult> {
  if (!can(opts.staff, "retention.manage")) return { ok: false, code: "forbidden" };
  const parsed = placeLegalHoldSchema.safeParse(opts.input);
  if (!parsed.success) return invalid(fieldErrorCodes(parsed.error));
  const input = parsed.data;
  const now = opts.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + MAX_HOLD_YEARS);
  if (input.endsOn < today) return invalid({ endsOn: "ends_on_past" });
  if (input.endsOn > latest.toISOString().slice(0, 10)) return invalid({ endsOn: "ends_on_too_far" });

  return opts.db.$transaction(async (tx) => {
    let contactId: string | null = null;
    let organisationId: string | null = null;
    if (input.target === "contact") {
      const contact = await tx.contact.findUnique({
        where: { email: normaliseEmail(input.email ?? "") },
        select: { id: true },
      });
      if (!contact) return invalid({ email: "contact_not_found" });
      contactId = contact.id;
    } else {
      const org = await tx.organisation.findUnique({ where: { id: input.organisationId ?? "" }, select: { id: true } });
      if (!org) return invalid({ organisationId: "organisation_not_found" });
      organisationId = org.id;
    }
    const hold = await tx.legalHold.create({
      data: {
        contactId,
        organisationId,
        reason: input.reason,
        endsOn: new Date(`${input.endsOn}T00:00:00Z`),
        createdById: opts.staff.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAuditEvent(
      tx,
      {
        actor: { type: "STAFF", id: opts.staff.id },
        action: "legalHold.placed",
        subject: { type: "LegalHold", id: hold.id },
        fields: [contactId ? "contactId" : "organisationId", "reason", "endsOn"],
      },
      now,
    );
    return { ok: true as const, id: hold.id };
  });
}
