// The staff home page: what each role needs to see first, loaded only for the permissions the caller holds.
// Privacy: open requests and their due dates (also by status and how soon they fall due), erasures per month, and
// whether the newest audit entries are intact. Marketing: the last mailings with their outcome, opt-outs in the last
// 30 days and per week, and each topic's audience. Account managers: their organisations, roles that ended there, and what recipients
// changed themselves. Admin: staff by role and API keys. Every query is bounded (an index range or a LIMIT), so the
// page costs the same on a register of 1,000 or 1,000,000 contacts (measured by the scale issue's bench); the
// audience per topic, which reads every contact, is kept for five minutes on a large register (register-figures.ts).
import "server-only";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";
import type { PrivacyRequestStatus, PrivacyRequestType, RoleType, StaffRole } from "@/lib/generated/prisma/enums";
import { listMailings, type MailingListRow } from "@/lib/mailings/list-mailings";
import { effectiveDueAt } from "@/lib/privacy-requests/due-date";
import { verifyAuditChainTail, type ChainTailVerdict } from "@/lib/audit/verify-audit-chain-tail";
import { registerFigures } from "@/lib/db/register-figures";
import { countOpenRequests, openRequestsDueFirst, type DueBucket } from "@/lib/privacy-requests/open-request-figures";
import { listIncidents, type IncidentSummary } from "@/lib/incidents/list-incidents";
import { countAudienceByTopic, type TopicAudience } from "./count-audience-by-topic";
import { countOptOutsByWeek, type OptOutWeek } from "./count-opt-outs-by-week";
import { countLeavingReasons, type LeavingReasons } from "./count-leaving-reasons";

const DAY = 86_400_000;

export type DashboardRequest = {
  id: string;
  type: PrivacyRequestType;
  status: PrivacyRequestStatus;
  dueAt: Date;
  subject: string;
};

export type StaffDashboard = {
  privacy: null | {
    open: number;
    overdue: number;
    dueIn30Days: number;
    byType: { type: PrivacyRequestType; count: number }[];
    next: DashboardRequest[];
    /** Open requests by how soon they fall due, split by status (received, in progress). */
    byDue: { bucket: DueBucket; RECEIVED: number; IN_PROGRESS: number }[];
    /** The newest audit entries checked; null for a caller who may not read the trail. */
    auditChain: ChainTailVerdict | null;
    /** Erasures per Stockholm month, the last six months, oldest first (months without any included, as 0). */
    erasuresByMonth: { month: string; count: number }[];
  };
  marketing: null | {
    optOutsLast30Days: number;
    /** The last 12 Stockholm weeks, oldest first, by how the person opted out. */
    optOutsByWeek: OptOutWeek[];
    audienceByTopic: TopicAudience[];
    /** When the audience was counted, on a register large enough to count it in the background; null: just now. */
    audienceAsOf: Date | null;
    mailings: MailingListRow[];
    /** Answers to "why are you leaving?", the last six Stockholm months, per month and per topic, by reason. */
    leavingReasons: LeavingReasons;
  };
  accountManager: null | {
    organisations: { id: string; name: string }[];
    organisationCount: number;
    endedRoles: { contactId: string; contactName: string; organisation: string; type: RoleType; endsOn: Date }[];
    selfServiceChanges: { contactId: string; contactName: string; action: string; at: Date }[];
  };
  /** Open incidents with the authority's 72-hour clock (incidents.manage). */
  incidents: null | IncidentSummary[];
  admin: null | {
    staffByRole: { role: StaffRole; count: number }[];
    activeApiKeys: number;
  };
};

/** Months as YYYY-MM in Stockholm time, the last `n` ending with the current one. */
function lastMonths(now: Date, n: number): string[] {
  const current = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit" })
    .format(now)
    .slice(0, 7);
  const [y, m] = current.split("-").map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (n - 1 - i), 1));
    return d.toISOString().slice(0, 7);
  });
}

async function loadPrivacy(
  db: DbOrTx,
  staff: StaffPrincipal,
  now: Date,
): Promise<NonNullable<StaffDashboard["privacy"]>> {
  const months = lastMonths(now, 6);
  const since = new Date(Date.UTC(Number(months[0]!.slice(0, 4)), Number(months[0]!.slice(5, 7)) - 1, 1) - DAY);
  const [open, dueFirst, erasures, auditChain] = await Promise.all([
    // Counted in SQL: a backlog of thousands of open requests costs one grouped read (open-request-figures.ts).
    countOpenRequests(db, now),
    openRequestsDueFirst(db, 8),
    // "at" is a UTC timestamp without zone: first say it is UTC, then read it on Stockholm's clock.
    db.$queryRaw<{ month: string; count: bigint }[]>`
      SELECT to_char(date_trunc('month', ("at" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Stockholm'), 'YYYY-MM') AS month,
             count(*) AS count
        FROM "AuditEvent"
       WHERE action = 'contact.erased' AND "actorType" <> 'RETENTION' AND "at" >= ${since}
       GROUP BY 1`,
    can(staff, "audit.read") ? verifyAuditChainTail({ db }) : null,
  ]);
  const next = await db.privacyRequest.findMany({
    where: { id: { in: dueFirst } },
    select: {
      id: true,
      type: true,
      status: true,
      dueAt: true,
      extendedDueAt: true,
      subjectRef: true,
      contact: { select: { name: true } },
    },
  });
  const erasedIn = new Map(erasures.map((e) => [e.month, Number(e.count)]));
  return {
    open: open.open,
    overdue: open.byBucket.overdue,
    dueIn30Days: open.byBucket.within7Days + open.byBucket.within30Days,
    byType: open.byType,
    next: next
      .map((r) => ({
        id: r.id,
        type: r.type,
        status: r.status,
        dueAt: effectiveDueAt(r),
        subject: r.contact?.name ?? r.subjectRef ?? "",
      }))
      .sort((a, b) => dueFirst.indexOf(a.id) - dueFirst.indexOf(b.id)),
    byDue: open.byDue,
    auditChain,
    erasuresByMonth: months.map((month) => ({ month, count: erasedIn.get(month) ?? 0 })),
  };
}

async function loadMarketing(
  db: DbOrTx,
  staff: StaffPrincipal,
  now: Date,
): Promise<NonNullable<StaffDashboard["marketing"]>> {
  const [optOuts, optOutsByWeek, audienceByTopic, mailings, leavingReasons] = await Promise.all([
    db.contact.count({ where: { marketingOptOutAt: { gte: new Date(+now - 30 * DAY) } } }),
    countOptOutsByWeek({ db, now }),
    registerFigures(db, "audience-by-topic", () => countAudienceByTopic({ db })),
    listMailings({ db, staff, page: 1 }),
    countLeavingReasons({ db, now }),
  ]);
  return {
    optOutsLast30Days: optOuts,
    optOutsByWeek,
    audienceByTopic: audienceByTopic.value,
    audienceAsOf: audienceByTopic.cached ? audienceByTopic.computedAt : null,
    mailings: mailings.ok ? mailings.rows.slice(0, 5) : [],
    leavingReasons,
  };
}

async function loadAccountManager(
  db: DbOrTx,
  staff: StaffPrincipal,
  now: Date,
): Promise<NonNullable<StaffDashboard["accountManager"]>> {
  const mine = { accountManagerId: staff.id };
  const since = new Date(+now - 30 * DAY);
  const [organisations, organisationCount, endedRoles, changes] = await Promise.all([
    db.organisation.findMany({ where: mine, orderBy: { name: "asc" }, take: 10, select: { id: true, name: true } }),
    db.organisation.count({ where: mine }),
    db.contactRole.findMany({
      where: { endsOn: { gte: new Date(+now - 90 * DAY), lte: now }, organisation: mine },
      orderBy: { endsOn: "desc" },
      take: 10,
      select: {
        type: true,
        endsOn: true,
        contact: { select: { id: true, name: true } },
        organisation: { select: { name: true } },
      },
    }),
    db.$queryRaw<{ contactId: string; contactName: string; action: string; at: Date }[]>`
      SELECT e."subjectId" AS "contactId", c.name AS "contactName", e.action, e."at"
        FROM "AuditEvent" e
        JOIN "Contact" c ON c.id = e."subjectId"
       WHERE e."actorType" = 'CONTACT' AND e."subjectType" = 'Contact' AND e."at" >= ${since}
         AND e.action IN ('contact.corrected_by_self', 'contact.email_changed', 'contact.marketing_opt_out',
                          'contact.marketing_opt_in', 'subscription.unsubscribed', 'subscription.subscribed')
         AND EXISTS (SELECT 1 FROM "ContactRole" r JOIN "Organisation" o ON o.id = r."organisationId"
                      WHERE r."contactId" = c.id AND o."accountManagerId" = ${staff.id})
       ORDER BY e."at" DESC
       LIMIT 10`,
  ]);
  return {
    organisations,
    organisationCount,
    endedRoles: endedRoles.map((r) => ({
      contactId: r.contact.id,
      contactName: r.contact.name,
      organisation: r.organisation.name,
      type: r.type,
      endsOn: r.endsOn!,
    })),
    selfServiceChanges: changes,
  };
}

async function loadAdmin(db: DbOrTx): Promise<NonNullable<StaffDashboard["admin"]>> {
  const [staff, keys] = await Promise.all([
    db.staffUser.groupBy({ by: ["role"], where: { active: true }, _count: { _all: true } }),
    db.apiKey.count({ where: { revokedAt: null } }),
  ]);
  return {
    staffByRole: staff
      .map((s) => ({ role: s.role, count: s._count._all }))
      .sort((a, b) => a.role.localeCompare(b.role)),
    activeApiKeys: keys,
  };
}

export async function loadStaffDashboard(opts: {
  db: DbOrTx;
  staff: StaffPrincipal;
  now?: Date;
}): Promise<StaffDashboard> {
  const { db, staff } = opts;
  const now = opts.now ?? new Date();
  const [privacy, marketing, accountManager, admin, incidents] = await Promise.all([
    can(staff, "privacyRequests.read") ? loadPrivacy(db, staff, now) : null,
    can(staff, "mailings.send") ? loadMarketing(db, staff, now) : null,
    staff.role === "ACCOUNT_MANAGER" ? loadAccountManager(db, staff, now) : null,
    can(staff, "staff.manage") ? loadAdmin(db) : null,
    can(staff, "incidents.manage") ? listIncidents({ db, now, openOnly: true }) : null,
  ]);
  return { privacy, marketing, accountManager, admin, incidents };
}
