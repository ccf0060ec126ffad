// A privacy request to act on: support, the privacy officer and admins handle every request (privacyRequests.write).
import type { StaffPrincipal } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";
import { loadForStaff } from "./load-for-staff";

export function loadPrivacyRequestForStaff(opts: { db: DbOrTx; staff: StaffPrincipal; id: string }) {
  return loadForStaff(opts.staff, "privacyRequests.write", opts.id, (id) =>
    opts.db.privacyRequest.findUnique({ where: { id }, select: { id: true, status: true } }),
  );
}
