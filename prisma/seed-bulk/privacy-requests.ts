// Privacy requests for one batch: a few per thousand contacts file one of their own (every kind, channel and state;
// the recent ones still open, some extended, some past their due date), every opt-out from all marketing is recorded
// as a completed objection (unsubscribe-from-all.ts does so), and about one person in a thousand was erased before
// the load: a completed erasure without contact, its suppression tombstone and "contact.erased" in the trail.
import type { RawSql } from "@/lib/db/raw";
import { privacyRequestDueAt } from "@/lib/privacy-requests/due-date";
import { hashAddress } from "@/lib/suppression/hash-address";
import { contactId, requestId, type RequestVariant, type SeedContext } from "./context";
import type { ContactPlan } from "./contact-plan";
import { EV, type EventLog } from "./event-log";
import { DAY_MS, rand, weighted } from "./random";
import { iso } from "./sql";

const TYPES = [
  ["ACCESS", 35],
  ["RECTIFICATION", 15],
  ["ERASURE", 20],
  ["OBJECTION", 10],
  ["RESTRICTION", 5],
  ["PORTABILITY", 15],
] as const;
const CHANNELS = [
  ["SELF_SERVICE", 40],
  ["EMAIL", 40],
  ["PHONE", 15],
  ["LETTER", 5],
] as const;

export const filesRequest = (i: number) => i % 331 === 5 || (i < 400 && i % 25 === 3);
export const wasErased = (i: number) => i % 997 === 13;

type Row = {
  id: string;
  contact: string | null;
  ref: string | null;
  type: string;
  channel: string;
  received: number;
  extended: number | null;
  status: string;
  handler: string | null;
  details: string | null;
  outcome: string | null;
  completed: number | null;
};

export async function writePrivacyRequests(
  raw: RawSql,
  ctx: SeedContext,
  plans: ContactPlan[],
  log: EventLog,
): Promise<void> {
  const rows: Row[] = [];
  const tombstones = { hash: [] as string[], at: [] as string[] };
  const push = (row: Row, i: number, v: RequestVariant, byContact: boolean) => {
    rows.push(row);
    const extra = v | (byContact ? 4 : 0);
    // Self-service requests carried out at once are recorded as completed, with no later entry (recordPrivacyRequest).
    const upTo = (t: number) => Math.min(t, ctx.now - 60_000);
    log.push(row.received, EV.requestRecorded, i, extra);
    if (v !== 0) return;
    if (row.status !== "RECEIVED") log.push(upTo(row.received + 2 * DAY_MS), EV.requestUpdated, i, extra);
    if (row.extended !== null) log.push(upTo(row.received + 20 * DAY_MS), EV.requestExtended, i, extra);
    if (row.completed !== null) log.push(row.completed, EV.requestCompleted, i, extra);
  };
  for (const p of plans) {
    const i = p.i;
    if (p.optOut)
      push(
        {
          id: requestId(ctx, i, 1),
          contact: contactId(ctx, i),
          ref: null,
          type: "OBJECTION",
          channel: "SELF_SERVICE",
          received: p.optOut.at,
          extended: null,
          status: "COMPLETED",
          handler: null,
          details:
            p.optOut.source === "ONE_CLICK"
              ? "One-click unsubscribe from all marketing"
              : "Unsubscribed from all marketing",
          outcome: "Marketing stopped at once; address suppressed for marketing",
          completed: p.optOut.at,
        },
        i,
        1,
        true,
      );
    if (filesRequest(i)) push(ownRequest(ctx, p), i, 0, false);
    if (wasErased(i)) {
      const received = ctx.from + rand(i, 41) * (ctx.now - ctx.from - 30 * DAY_MS);
      const hash = hashAddress(`erased.${ctx.run}.${i}@former.example`, ctx.suppressionKey);
      const completed = received + (1 + rand(i, 42) * 10) * DAY_MS;
      tombstones.hash.push(hash);
      tombstones.at.push(iso(completed)!);
      log.push(completed - 1000, EV.contactErased, i);
      push(
        {
          id: requestId(ctx, i, 2),
          contact: null,
          ref: hash.slice(0, 12),
          type: "ERASURE",
          channel: rand(i, 43) < 0.5 ? "SELF_SERVICE" : "EMAIL",
          received,
          extended: null,
          status: "COMPLETED",
          handler: ctx.staff.privacy,
          details: null,
          outcome: "Erased; receipt queued",
          completed,
        },
        i,
        2,
        false,
      );
    }
  }
  if (rows.length > 0)
    await raw.query(
      `INSERT INTO "PrivacyRequest" (id, "contactId", "subjectRef", type, channel, "receivedAt", "dueAt",
         "extendedDueAt", "extensionReason", status, "handlerId", details, outcome, "completedAt", "createdAt",
         "updatedAt")
       SELECT id, c, ref, ty::"PrivacyRequestType", ch::"PrivacyRequestChannel", rec::timestamp, due::timestamp,
         ext::timestamp, CASE WHEN ext IS NULL THEN NULL ELSE 'Omfattande begäran: uppgifter i flera system' END,
         st::"PrivacyRequestStatus", h, d, o, comp::timestamp, rec::timestamp, COALESCE(comp, rec)::timestamp
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
         $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])
         AS t(id, c, ref, ty, ch, rec, due, ext, st, h, d, o, comp)`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.contact),
        rows.map((r) => r.ref),
        rows.map((r) => r.type),
        rows.map((r) => r.channel),
        rows.map((r) => iso(r.received)),
        rows.map((r) => iso(+privacyRequestDueAt(new Date(r.received)))),
        rows.map((r) => iso(r.extended)),
        rows.map((r) => r.status),
        rows.map((r) => r.handler),
        rows.map((r) => r.details),
        rows.map((r) => r.outcome),
        rows.map((r) => iso(r.completed)),
      ],
    );
  if (tombstones.hash.length > 0)
    await raw.query(
      `INSERT INTO "Suppression" (id, "addressHash", reason, scope, "createdAt")
       SELECT gen_random_uuid()::text, h, 'ERASED', 'ALL', at::timestamp FROM unnest($1::text[], $2::text[]) AS x(h, at)
       ON CONFLICT DO NOTHING`,
      [tombstones.hash, tombstones.at],
    );
}

/**
 * A request of the contact's own. Older than two months: answered (an erasure is refused, as a completed one would
 * have removed the contact). Recent: received or in progress, some extended, and those older than a month
 * without extension overdue, as a real queue has.
 */
function ownRequest(ctx: SeedContext, p: ContactPlan): Row {
  const i = p.i;
  const type = weighted(TYPES, rand(i, 31));
  const channel = weighted(CHANNELS, rand(i, 32));
  const recent = rand(i, 33) < 0.3;
  const received =
    Math.floor(
      (recent
        ? Math.max(p.createdAt + DAY_MS, ctx.now - rand(i, 34) * 60 * DAY_MS)
        : p.createdAt + rand(i, 34) * Math.max(DAY_MS, ctx.now - 61 * DAY_MS - p.createdAt)) / 1000,
    ) * 1000;
  const old = ctx.now - received > 60 * DAY_MS;
  let status: string;
  if (old) status = type === "ERASURE" || rand(i, 35) < 0.1 ? "REJECTED" : "COMPLETED";
  else status = rand(i, 35) < 0.4 ? "RECEIVED" : "IN_PROGRESS";
  const extended =
    !old && status === "IN_PROGRESS" && ctx.now - received > 21 * DAY_MS && rand(i, 36) < 0.3
      ? +privacyRequestDueAt(new Date(received)) + 61 * DAY_MS
      : null;
  const completed = old ? received + (2 + rand(i, 37) * 25) * DAY_MS : null;
  return {
    id: requestId(ctx, i, 0),
    contact: contactId(ctx, i),
    ref: null,
    type,
    channel,
    received,
    extended,
    status,
    handler: status === "RECEIVED" ? null : ctx.staff.privacy,
    details: `${type.toLowerCase()} via ${channel.toLowerCase()}`,
    outcome:
      status === "COMPLETED"
        ? "Besvarad inom tidsfristen"
        : status === "REJECTED"
          ? "Avslagen: avtalsförpliktelser kräver uppgifterna"
          : null,
    completed: completed === null ? null : Math.floor(completed / 1000) * 1000,
  };
}
