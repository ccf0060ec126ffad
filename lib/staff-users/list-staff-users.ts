// The staff register for /staff/users: everyone with an account, active or not. The last sign-in comes from the
// audit trail ("staff.signed_in"), which keeps it even after the session itself has expired or been deleted.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { StaffRole } from "@/lib/generated/prisma/enums";

export type StaffUserRow = {
  id: string;
  email: string;
  name: string | null;
  role: StaffRole;
  active: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
  /** Sessions that have not expired yet. */
  openSessions: number;
};

export async function listStaffUsers(opts: { db: DbOrTx; now?: Date }): Promise<StaffUserRow[]> {
  const now = opts.now ?? new Date();
  const users = await opts.db.staffUser.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      createdAt: true,
      _count: { select: { sessions: { where: { expires: { gt: now } } } } },
    },
  });
  const signIns = await opts.db.auditEvent.groupBy({
    by: ["subjectId"],
    where: { action: "staff.signed_in", subjectType: "StaffUser", subjectId: { in: users.map((u) => u.id) } },
    _max: { at: true },
  });
  const last = new Map(signIns.map((s) => [s.subjectId, s._max.at]));
  return users.map(({ _count, ...u }) => ({
    ...u,
    lastSignInAt: last.get(u.id) ?? null,
    openSessions: _count.sessions,
  }));
}
