// What the Retention page shows the privacy officer (retention.manage): what falls due in the next 30, 90 and 365
// days by category and by organisation, with the reason for each date, as the latest finished run of the job
// computed it (RetentionForecast, so a page view reads an index range, never the register); the runs, in counts;
// and every legal hold. Names appear only for contacts still in the register.
import "server-only";
import { isRegistrationNoticeOn } from "@/lib/notices/registration-notice-setting";
import { REGISTRATION_NOTICE_TEMPLATE } from "@/lib/notices/registration-notice-template";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { ContactCategory } from "@/lib/generated/prisma/enums";
import type { Forbidden } from "@/lib/result";

export const DUE_WINDOWS = [30, 90, 365] as const;
const DAY = 86_400_000;
/** Contacts listed by name on the page: those due first; the rest are in the counts. */
const LIST_LIMIT = 100;

export type WindowCounts = { overdue: number; d30: number; d90: number; d365: number };

export type RetentionOverview = {
  asOf: Date | null;
  /** The yearly registration notice (lib/notices): on or off, and the latest months' mailings. */
  registrationNotice: { on: boolean; mailings: { id: string; name: string; status: string; startedAt: Date | null }[] };
  byCategory: ({ category: ContactCategory } & WindowCounts)[];
  byOrganisation: ({ id: string | null; name: string | null } & WindowCounts)[];
  dueFirst: {
    id: string;
    name: string;
    organisation: string | null;
    category: ContactCategory;
    deleteBy: Date;
    since: Date;
    reason: string;
    held: boolean;
  }[];
  runs: {
    id: string;
    trigger: string;
    startedAt: Date;
    finishedAt: Date | null;
    swept: number;
    deleted: number;
    held: number;
    failed: number;
    byCategory: Partial<Record<ContactCategory, number>>;
  }[];
  holds: {
    id: string;
    contact: { id: string; name: string } | null;
    organisation: { id: string; name: string } | null;
    reason: string;
    endsOn: Date;
    createdAt: Date;
    createdBy: string | null;
    releasedAt: Date | null;
    active: boolean;
  }[];
};

type CountRow = { key: string | null; name?: string | null; overdue: bigint; d30: bigint; d90: bigint; d365: bigint };
const counts = (r: CountRow): WindowCounts => ({
  overdue: Number(r.overdue),
  d30: Number(r.d30),
  d90: Number(r.d90),
  d365: Number(r.d365),
});

export async function loadRetentionOverview(opts: {
  db: Db;
  staff: StaffPrincipal;
  now?: Date;
}): Promise<{ ok: true; value: RetentionOverview } | Forbidden> {
  if (!can(opts.staff, "retention.manage")) return { ok: false, code: "forbidden" };
  const { db } = opts;
  const now = opts.now ?? new Date();
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const today = now.toISOString().slice(0, 10);
  // Cumulative windows: "within 90 days" includes the 30; overdue are due and still here (held, or failed).
  const windows = (col: string) => `
    count(*) FILTER (WHERE ${col} <= $1) AS overdue,
    count(*) FILTER (WHERE ${col} > $1 AND ${col} <= $2) AS d30,
    count(*) FILTER (WHERE ${col} > $1 AND ${col} <= $3) AS d90,
    count(*) FILTER (WHERE ${col} > $1 AND ${col} <= $4) AS d365`;
  const params = [now, at(30), at(90), at(365)] as const;

  const [noticeOn, noticeMailings, lastRun, byCategory, byOrganisation, dueFirst, runs, holds] = await Promise.all([
    isRegistrationNoticeOn(db),
    db.mailing.findMany({
      where: { template: REGISTRATION_NOTICE_TEMPLATE },
      orderBy: { createdAt: "desc" },
      take: 3,
      select: { id: true, name: true, status: true, startedAt: true },
    }),
    db.retentionRun.findFirst({
      where: { finishedAt: { not: null }, dryRun: false },
      orderBy: { finishedAt: "desc" },
      select: { finishedAt: true },
    }),
    db.$queryRawUnsafe<CountRow[]>(
      `SELECT f.category::text AS key, ${windows(`f."deleteBy"`)}
         FROM "RetentionForecast" f GROUP BY f.category ORDER BY f.category`,
      ...params,
    ),
    // A contact with roles at two organisations counts at both: the account manager of each wants to know.
    db.$queryRawUnsafe<CountRow[]>(
      `SELECT o.id AS key, o.name, ${windows(`f."deleteBy"`)}
         FROM "RetentionForecast" f
         LEFT JOIN "ContactRole" r ON r."contactId" = f."contactId"
         LEFT JOIN "Organisation" o ON o.id = r."organisationId"
        GROUP BY o.id, o.name ORDER BY count(*) DESC, o.name LIMIT 50`,
      ...params,
    ),
    db.$queryRaw<
      {
        id: string;
        name: string;
        organisation: string | null;
        category: ContactCategory;
        deleteBy: Date;
        since: Date;
        reason: string;
        held: boolean;
      }[]
    >`
      SELECT c.id, c.name, c.category, f."deleteBy", f.since, f.reason,
             (SELECT string_agg(o.name, ', ' ORDER BY o.name) FROM "ContactRole" r
                JOIN "Organisation" o ON o.id = r."organisationId" WHERE r."contactId" = c.id) AS organisation,
             EXISTS (SELECT 1 FROM "LegalHold" h
                      WHERE h."releasedAt" IS NULL AND h."endsOn" >= ${today}::date
                        AND (h."contactId" = c.id OR h."organisationId" IN
                             (SELECT r."organisationId" FROM "ContactRole" r WHERE r."contactId" = c.id))) AS held
        FROM "RetentionForecast" f JOIN "Contact" c ON c.id = f."contactId"
       WHERE f."deleteBy" <= ${at(90)}
       ORDER BY f."deleteBy", c.name, c.id
       LIMIT ${LIST_LIMIT}`,
    db.retentionRun.findMany({
      where: { dryRun: false },
      orderBy: { startedAt: "desc" },
      take: 20,
    }),
    db.legalHold.findMany({
      orderBy: [{ releasedAt: { sort: "asc", nulls: "first" } }, { endsOn: "asc" }],
      take: 200,
      select: {
        id: true,
        reason: true,
        endsOn: true,
        createdAt: true,
        releasedAt: true,
        contact: { select: { id: true, name: true } },
        organisation: { select: { id: true, name: true } },
        createdById: true,
      },
    }),
  ]);
  const creatorIds = [...new Set(holds.map((h) => h.createdById).filter((id): id is string => !!id))];
  const creators = new Map(
    (
      await db.staffUser.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true, email: true } })
    ).map((s) => [s.id, s.name ?? s.email]),
  );

  return {
    ok: true,
    value: {
      asOf: lastRun?.finishedAt ?? null,
      registrationNotice: { on: noticeOn, mailings: noticeMailings },
      byCategory: byCategory.map((r) => ({ category: r.key as ContactCategory, ...counts(r) })),
      byOrganisation: byOrganisation.map((r) => ({ id: r.key, name: r.name ?? null, ...counts(r) })),
      dueFirst,
      runs: runs.map((r) => ({
        id: r.id,
        trigger: r.trigger,
        startedAt: r.startedAt,
        finishedAt: r.finishedAt,
        swept: r.swept,
        deleted: r.deleted,
        held: r.held,
        failed: r.failed,
        byCategory: r.byCategory as Partial<Record<ContactCategory, number>>,
      })),
      holds: holds.map((h) => ({
        id: h.id,
        contact: h.contact,
        organisation: h.organisation,
        reason: h.reason,
        endsOn: h.endsOn,
        createdAt: h.createdAt,
        createdBy: h.createdById ? (creators.get(h.createdById) ?? null) : null,
        releasedAt: h.releasedAt,
        active: !h.releasedAt && h.endsOn.toISOString().slice(0, 10) >= today,
      })),
    },
  };
}
