// Signs a staff user out everywhere: every session row of theirs goes, with one audit entry, in one transaction.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";

export async function signOutStaff({ db, sessionToken }: { db: Db; sessionToken: string }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const session = await tx.session.findUnique({ where: { sessionToken }, select: { userId: true } });
    if (!session) return false;
    await tx.session.deleteMany({ where: { userId: session.userId } });
    await recordAuditEvent(tx, {
      actor: { type: "STAFF", id: session.userId },
      action: "staff.signed_out",
      subject: { type: "StaffUser", id: session.userId },
    });
    return true;
  });
}

export function sessionCookieName(secure: boolean): string {
  return secure ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}
