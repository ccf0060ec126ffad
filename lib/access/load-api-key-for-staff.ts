// An API key to act on: admins only (apiKeys.manage).
import type { StaffPrincipal } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";
import { loadForStaff } from "./load-for-staff";

export function loadApiKeyForStaff(opts: { db: DbOrTx; staff: StaffPrincipal; id: string }) {
  return loadForStaff(opts.staff, "apiKeys.manage", opts.id, (id) =>
    opts.db.apiKey.findUnique({ where: { id }, select: { id: true, name: true, prefix: true, revokedAt: true } }),
  );
}
