// The mailings list: newest first, a page at a time, each with its topic, segment and a progress summary counted in
// one query over the page's tallies (MailingTally).
import "server-only";
import type { Forbidden } from "@/lib/result";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";
import { countDeliveriesOf, type DeliveryCounts } from "./get-mailing-progress";

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
  const counts = await countDeliveriesOf(
    opts.db,
    mailings.map((m) => m.id),
  );
  return { ok: true, rows: mailings.map((m) => ({ ...m, counts: counts.get(m.id)! })), page, pages, total };
}
