// The one sign-in decision: an active staff user whose address passes the configured allow-list.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { StaffUser } from "@/lib/generated/prisma/client";
import { isAddressAllowed } from "./allowed-address";

export async function findAllowedStaff({
  db,
  email,
  allowed,
}: {
  db: DbOrTx;
  email: string | null | undefined;
  allowed: readonly string[];
}): Promise<StaffUser | null> {
  if (!email) return null;
  const address = email.trim().toLowerCase();
  if (!isAddressAllowed(address, allowed)) return null;
  const staff = await db.staffUser.findUnique({ where: { email: address } });
  return staff?.active ? staff : null;
}
