// The privacy-request register for staff: "to handle" (every open request, earliest effective due date first, i.e. the
// extended due date when there is one, each marked overdue, due within seven days or later) and the list with filters
// on status, type and channel, newest first.
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

const summarise = (r: Omit<PrivacyRequestSummary, "effectiveDueAt">): PrivacyRequestSummary => ({
  ...r,
  effectiveDueAt: effectiveDueAt(r),
});

/** How close an open request is to its effective due date. */
export type Urgency = "overdue" | "soon" | "later";
export type OpenPrivacyRequest = PrivacyRequestSummary & { urgency: Urgency };

const byDue = (a: PrivacyRequestSummary, b: PrivacyRequestSummary) =>
  a.effectiveDueAt.getTime() - b.effectiveDueAt.getTime();

export async function listPrivacyRequests(opts: {
  db: DbOrTx;
  filter?: PrivacyRequestFilter;
  now?: Date;
  limit?: number;
}): Promise<{ toHandle: OpenPrivacyRequest[]; requests: PrivacyRequestSummary[] }> {
  const now = opts.now ?? new Date();
  const soon = new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000);
  const filter = opts.filter ?? {};
  const where: Prisma.PrivacyRequestWhereInput = {
    ...(filter.status === "OPEN" ? OPEN : filter.status ? { status: filter.status } : {}),
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.channel ? { channel: filter.channel } : {}),
  };
  const [open, requests] = await Promise.all([
    // Every open request (a small set: self-service reads and downloads are access events, not requests). Sorted by
    // the effective due date here: it is the extended date or the due date, two columns.
    opts.db.privacyRequest.findMany({ where: OPEN, select: SELECT }),
    opts.db.privacyRequest.findMany({
      where,
      orderBy: [{ receivedAt: "desc" }, { createdAt: "desc" }],
      take: opts.limit ?? 200,
      select: SELECT,
    }),
  ]);
  const urgency = (due: Date): Urgency =>
    due.getTime() < now.getTime() ? "overdue" : due.getTime() < soon.getTime() ? "soon" : "later";
  return {
    toHandle: open
      .map(summarise)
      .sort(byDue)
      .map((r) => ({ ...r, urgency: urgency(r.effectiveDueAt) })),
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
