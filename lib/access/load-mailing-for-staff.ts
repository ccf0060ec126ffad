// A mailing to act on: marketing, the privacy officer and admins share every mailing (mailings.send).
import type { StaffPrincipal } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";
import { loadForStaff } from "./load-for-staff";

export function loadMailingForStaff(opts: { db: DbOrTx; staff: StaffPrincipal; id: string }) {
  return loadForStaff(opts.staff, "mailings.send", opts.id, (id) =>
    opts.db.mailing.findUnique({ where: { id }, select: { id: true, status: true } }),
  );
}
