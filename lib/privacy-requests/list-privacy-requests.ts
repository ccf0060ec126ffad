// The privacy-request register for staff: the dashboard (overdue, and due within seven days, by the extended due date
// when there is one) and the list with filters on status, type and channel, newest first.
import "server-only";
import { z } from "zod";
import type { DbOrTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PrivacyRequestChannel, PrivacyRequestStatus, PrivacyRequestType } from "@/lib/generated/prisma/enums";
import { can, STAFF_ROLES } from "@/lib/auth/permissions";
import { effectiveDueAt } from "./due-date";

export const DUE_SOON_DAYS = 7;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values).optional()).catch(undefined);

export const privacyRequestFilterSchema = z.object({
  status: optionalEnum(["OPEN", "RECEIVED", "IN_PROGRESS", "COMPLETED", "REJECTED"] as const),
  type: optionalEnum(["ACCESS", "RECTIFICATION", "ERASURE", "OBJECTION", "RESTRICTION", "PORTABILITY"] as const),
  channel: optionalEnum(["SELF_SERVICE", "EMAIL", "PHONE", "LETTER"] as const),
});
export type PrivacyRequestFilter = z.infer<typeof privacyRequestFilterSchema>;

export type PrivacyRequestSummary = {
  id: string;
  type: PrivacyRequestType;
  channel: PrivacyRequestChannel;
  status: PrivacyRequestStatus;
  receivedAt: Date;
  dueAt: Date;
  extendedDueAt: Date | null;
  effectiveDueAt: Date;
  completedAt: Date | null;
  subjectRef: string | null;
  contact: { id: string; name: string; email: string } | null;
  handler: { id: string; email: string; name: string | null } | null;
};

const SELECT = {
  id: true,
  type: true,
  channel: true,
  status: true,
  receivedAt: true,
  dueAt: true,
  extendedDueAt: true,
  completedAt: true,
  subjectRef: true,
  contact: { select: { id: true, name: true, email: true } },
  handler: { select: { id: true, email: true, name: true } },
} as const satisfies Prisma.PrivacyRequestSelect;

const OPEN: Prisma.PrivacyRequestWhereInput = { completedAt: null, status: { in: ["RECEIVED", "IN_PROGRESS"] } };

/** Open requests whose effective due date is before `at`. */
function dueBefore(at: Date): Prisma.PrivacyRequestWhereInput {
  return {
    ...OPEN,
    OR: [{ extendedDueAt: null, dueAt: { lt: at } }, { extendedDueAt: { lt: at } }],
  };
}

const summarise = (r: Omit<PrivacyRequestSummary, "effectiveDueAt">): PrivacyRequestSummary => ({
  ...r,
  effectiveDueAt: effectiveDueAt(r),
});

const byDue = (a: PrivacyRequestSummary, b: PrivacyRequestSummary) =>
  a.effectiveDueAt.getTime() - b.effectiveDueAt.getTime();

export async function listPrivacyRequests(opts: {
  db: DbOrTx;
  filter?: PrivacyRequestFilter;
  now?: Date;
  limit?: number;
}): Promise<{ overdue: PrivacyRequestSummary[]; dueSoon: PrivacyRequestSummary[]; requests: PrivacyRequestSummary[] }> {
  const now = opts.now ?? new Date();
  const soon = new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000);
  const filter = opts.filter ?? {};
  const where: Prisma.PrivacyRequestWhereInput = {
    ...(filter.status === "OPEN" ? OPEN : filter.status ? { status: filter.status } : {}),
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.channel ? { channel: filter.channel } : {}),
  };
  const [late, upcoming, requests] = await Promise.all([
    opts.db.privacyRequest.findMany({ where: dueBefore(now), select: SELECT }),
    // Not a SQL NOT of the overdue condition: with NULL extended dates that would drop rows (three-valued logic).
    opts.db.privacyRequest.findMany({ where: dueBefore(soon), select: SELECT }),
    opts.db.privacyRequest.findMany({
      where,
      orderBy: [{ receivedAt: "desc" }, { createdAt: "desc" }],
      take: opts.limit ?? 200,
      select: SELECT,
    }),
  ]);
  return {
    overdue: late.map(summarise).sort(byDue),
    dueSoon: upcoming
      .map(summarise)
      .filter((r) => r.effectiveDueAt.getTime() >= now.getTime())
      .sort(byDue),
    requests: requests.map(summarise),
  };
}

export async function getPrivacyRequest(opts: { db: DbOrTx; id: string }) {
  const row = await opts.db.privacyRequest.findUnique({
    where: { id: opts.id },
    select: { ...SELECT, details: true, outcome: true, extensionReason: true, handlerId: true },
  });
  return row ? { ...row, effectiveDueAt: effectiveDueAt(row) } : null;
}

/** Staff who may handle requests (active, with privacyRequests.write): the handler choices. */
export async function listRequestHandlers(opts: { db: DbOrTx }) {
  return opts.db.staffUser.findMany({
    where: { active: true, role: { in: STAFF_ROLES.filter((role) => can({ id: "", role }, "privacyRequests.write")) } },
    orderBy: { email: "asc" },
    select: { id: true, email: true, name: true },
  });
}
