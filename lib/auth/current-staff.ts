// Who is asking, for staff pages, server actions and route handlers. Pages get redirects (sign-in, 403 page); route
// handlers and actions get a typed result and map it themselves.
import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import type { StaffUser } from "@/lib/generated/prisma/client";
import { getAuthOptions, STAFF_PAGES } from "./auth-options";
import { can, type Permission, type Resource } from "./permissions";

export type CurrentStaff = Pick<StaffUser, "id" | "email" | "name" | "role">;

export type StaffAccess =
  | { ok: true; staff: CurrentStaff }
  | { ok: false; reason: "signed_out" } // 401
  | { ok: false; reason: "forbidden"; staff: CurrentStaff }; // 403

export const FORBIDDEN_PATH = "/staff/forbidden";

/** The signed-in, active staff user, or null. */
export async function getCurrentStaff(): Promise<CurrentStaff | null> {
  const session = await getServerSession(getAuthOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const db = await getDb();
  const staff = await db.staffUser.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, active: true },
  });
  if (!staff?.active) return null;
  return { id: staff.id, email: staff.email, name: staff.name, role: staff.role };
}

/** For route handlers and server actions: never redirects. */
export async function checkStaff(permission?: Permission, resource?: Resource): Promise<StaffAccess> {
  const staff = await getCurrentStaff();
  if (!staff) return { ok: false, reason: "signed_out" };
  if (permission && !can(staff, permission, resource)) return { ok: false, reason: "forbidden", staff };
  return { ok: true, staff };
}

/** For pages: signed out → the sign-in page (back here afterwards); not allowed → the 403 page. */
export async function requireStaff(
  permission?: Permission,
  options: { resource?: Resource; returnTo?: string } = {},
): Promise<CurrentStaff> {
  const access = await checkStaff(permission, options.resource);
  if (access.ok) return access.staff;
  if (access.reason === "signed_out") {
    const back = options.returnTo ?? "/staff";
    redirect(`${STAFF_PAGES.signIn}?callbackUrl=${encodeURIComponent(back)}`);
  }
  redirect(FORBIDDEN_PATH);
}
