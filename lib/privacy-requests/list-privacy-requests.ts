// The privacy-request register for staff: "to handle" (the open requests as figures, and the 50 due first by their
// effective due date, i.e. the extended due date when there is one, each marked overdue, due within seven days or
// later) and every request with filters on status, type and channel, newest first, paginated by keyset.
import "server-only";
import { z } from "zod";
import type { DbOrTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PrivacyRequestChannel, PrivacyRequestStatus, PrivacyRequestType } from "@/lib/generated/prisma/enums";
import { can, STAFF_ROLES } from "@/lib/auth/permissions";
import { keysetPage, keysetQuery } from "@/lib/pagination/keyset-page";
import { effectiveDueAt } from "./due-date";
import { countOpenRequests, openRequestsDueFirst, type OpenRequestFigures } from "./open-request-figures";

export const DUE_SOON_DAYS = 7;
/** Open requests shown under "to handle"; the rest are counted there and listed under "all" (status: open). */
export const TO_HANDLE_SHOWN = 50;
export const REQUESTS_PER_PAGE = 50;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values).optional()).catch(undefined);

export const privacyRequestFilterSchema = z.object({
  status: optionalEnum(["OPEN", "RECEIVED", "IN_PROGRESS", "COMPLETED", "REJECTED"] as const),
  type: optionalEnum(["ACCESS", "RECTIFICATION", "ERASURE", "OBJECTION", "RESTRICTION", "PORTABILITY"] as const),
  channel: optionalEnum(["SELF_SERVICE", "EMAIL", "PHONE", "LETTER"] as const),
  after: z.string().max(200).optional().catch(undefined),
  before: z.string().max(200).optional().catch(undefined),
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

export type PrivacyRequestList = {
  toHandle: OpenPrivacyRequest[];
  open: OpenRequestFigures;
  requests: PrivacyRequestSummary[];
  previous: string | null;
  next: string | null;
};

export async function listPrivacyRequests(opts: {
  db: DbOrTx;
  filter?: PrivacyRequestFilter;
  now?: Date;
}): Promise<PrivacyRequestList> {
  const now = opts.now ?? new Date();
  const soon = new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000);
  const filter = opts.filter ?? {};
  const where: Prisma.PrivacyRequestWhereInput = {
    ...(filter.status === "OPEN" ? OPEN : filter.status ? { status: filter.status } : {}),
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.channel ? { channel: filter.channel } : {}),
  };
  // Newest received first; (receivedAt, id) is the keyset (index [receivedAt, id]).
  const k = keysetQuery({ field: "receivedAt", dir: "desc", kind: "date", after: filter.after, before: filter.before });
  const [open, dueFirst, found] = await Promise.all([
    countOpenRequests(opts.db, now),
    openRequestsDueFirst(opts.db, TO_HANDLE_SHOWN),
    opts.db.privacyRequest.findMany({
      where: k.seek ? { AND: [where, k.seek] } : where,
      orderBy: [{ receivedAt: k.order }, { id: k.order }],
      take: REQUESTS_PER_PAGE + 1,
      select: SELECT,
    }),
  ]);
  const shown = await opts.db.privacyRequest.findMany({ where: { id: { in: dueFirst } }, select: SELECT });
  const urgency = (due: Date): Urgency =>
    due.getTime() < now.getTime() ? "overdue" : due.getTime() < soon.getTime() ? "soon" : "later";
  const page = keysetPage(found, k, REQUESTS_PER_PAGE, (r) => r.receivedAt);
  return {
    toHandle: shown
      .map(summarise)
      .sort((a, b) => byDue(a, b) || a.id.localeCompare(b.id))
      .map((r) => ({ ...r, urgency: urgency(r.effectiveDueAt) })),
    open,
    requests: page.rows.map(summarise),
    previous: page.previous,
    next: page.next,
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
