// Staff revoke every link the person holds (preference, unsubscribe, step-up): the token version is bumped, so every
// link issued before no longer resolves (lib/recipients/resolve-link.ts). One transaction with its audit entry.
import "server-only";
import type { Forbidden, NotFound } from "@/lib/result";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { loadContactForStaff } from "@/lib/access/load-contact-for-staff";

export async function revokeLinks(opts: {
  db: Db;
  staff: StaffPrincipal;
  contactId: string;
  now?: Date;
}): Promise<{ ok: true; tokenVersion: number } | Forbidden | NotFound> {
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    const access = await loadContactForStaff({
      db: tx,
      staff: opts.staff,
      id: opts.contactId,
      permission: "contacts.write",
    });
    if (!access.ok) return access;
    const updated = await tx.contact.update({
      where: { id: opts.contactId },
      data: { tokenVersion: { increment: 1 } },
      select: { tokenVersion: true },
    });
    await recordAuditEvent(
      tx,
      {
        actor: { type: "STAFF", id: opts.staff.id },
        action: "contact.links_revoked",
        subject: { type: "Contact", id: opts.contactId },
        fields: ["tokenVersion"],
      },
      now,
    );
    return { ok: true as const, tokenVersion: updated.tokenVersion };
  });
}
