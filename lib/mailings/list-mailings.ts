// The mailings list: newest first, a page at a time, each with its topic, segment and a progress summary counted in
// one grouped query over the page's deliveries.
import "server-only";
import type { Forbidden } from "@/lib/result";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";
import { addGroup, emptyCounts, type DeliveryCounts } from "./get-mailing-progress";

export const MAILINGS_PAGE_SIZE = 50;

export type MailingListRow = {
  id: string;
  name: string;
  status: "DRAFT" | "SCHEDULED" | "SENDING" | "PAUSED" | "CANCELLED" | "SENT";
  topic: { nameSv: string; nameEn: string };
  segment: { name: string };
  createdAt: Date;
  scheduledAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  counts: DeliveryCounts;
};

export type ListMailingsResult =
  { ok: true; rows: MailingListRow[]; page: number; pages: number; total: number } | Forbidden;

export async function listMailings(opts: {
  db: DbOrTx;
  staff: StaffPrincipal;
  page?: number;
}): Promise<ListMailingsResult> {
  if (!can(opts.staff, "mailings.send")) return { ok: false, code: "forbidden" };
  const total = await opts.db.mailing.count();
  const pages = Math.max(1, Math.ceil(total / MAILINGS_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(opts.page ?? 1)), pages);
  const mailings = await opts.db.mailing.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * MAILINGS_PAGE_SIZE,
    take: MAILINGS_PAGE_SIZE,
    select: {
      id: true,
      name: true,
      status: true,
      createdAt: true,
      scheduledAt: true,
      startedAt: true,
      finishedAt: true,
      topic: { select: { nameSv: true, nameEn: true } },
      segment: { select: { name: true } },
    },
  });
  const groups =
    mailings.length === 0
      ? []
      : await opts.db.delivery.groupBy({
          by: ["mailingId", "status"],
          where: { mailingId: { in: mailings.map((m) => m.id) } },
          // A column's count is its non-null values: the recipients who unsubscribed through the mailing.
          _count: { _all: true, unsubscribedAt: true },
        });
  const counts = new Map(mailings.map((m) => [m.id, emptyCounts()]));
  for (const g of groups) {
    const c = counts.get(g.mailingId)!;
    addGroup(c, g.status, g._count._all);
    c.unsubscribed += g._count.unsubscribedAt;
  }
  return { ok: true, rows: mailings.map((m) => ({ ...m, counts: counts.get(m.id)! })), page, pages, total };
}
