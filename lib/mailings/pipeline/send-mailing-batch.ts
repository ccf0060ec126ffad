// Sends one batch (≤ 100 deliveries) of a mailing. Suppression fails closed and is decided again here, per recipient,
// at the moment the batch goes out: an erased contact (row gone), an address on the suppression list (hashed again
// from the address, not trusting any stored hash), an opt-out, a pause of marketing mail that has not ended, a topic
// unsubscription or a missing legal basis each
// turn the delivery into SUPPRESSED with the reason, and that person is not in the call to the provider.
//
// Exactly once: the batch's idempotency key is derived from mailing and batch, and every link is issued at the
// mailing's start time, so a retry after a crash (rows left SENDING) sends a byte-identical request that the provider
// answers from its idempotency store instead of sending again. That store forgets a key after 24 hours: a delivery
// still SENDING whose first request may have reached the provider longer ago than PROVIDER_IDEMPOTENCY_WINDOW_MS is
// HELD instead (its outcome is unknown; staff send it again or skip it on the mailing page), never sent blindly.
//
// A batch the provider refuses for now (429, 5xx, no answer) keeps its rows SENDING and fails its job, which pg-boss
// retries with back-off for as long as the mailing is SENDING; every attempt, the transport's own retries included,
// takes a slot from the shared pacer, and a Retry-After moves the pacer for every worker. The mailing records the
// stall (mailing-stall.ts) so its page says what is happening.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { LinkKey } from "@/lib/env/config";
import type { Language } from "@/lib/generated/prisma/enums";
import { offeredOrDefault } from "@/lib/i18n/languages";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import type { MailTransport, OutgoingMail } from "@/lib/mail/types";
import { preferencesUrl, unsubscribeUrl } from "@/lib/recipients/build-links";
import { exclusionReasonSql } from "@/lib/segments/exclusion-sql";
import { hashAddress } from "@/lib/suppression/hash-address";
import { getPolicy } from "@/lib/policy/current-policy";
import { REGISTRATION_NOTICE_TEMPLATE } from "@/lib/notices/registration-notice-template";
import { registrationNoticeValues } from "@/lib/notices/registration-notice-values";
import { buildDeliveryMail, senderFor } from "../build-delivery-mail";
import { clearMailingStall, recordMailingStall } from "./mailing-stall";
import { deferSendSlots, SendSlotTooFar } from "./reserve-send-slot";
import { mailingContent } from "../load-mailing-content";
import {
  compileMailing,
  personalise,
  renderMailingFor,
  type CompiledMailing,
  type MailingLanguage,
} from "../render-mailing";

export type TemplateCache = {
  get(key: string): Promise<CompiledMailing> | undefined;
  set(key: string, value: Promise<CompiledMailing>): unknown;
  delete(key: string): unknown;
};

export type BatchContext = {
  db: Db;
  /** One transport for the worker's life (one HTTP client), not one per batch. */
  transport: MailTransport;
  publicUrl: string;
  linkKeys: readonly LinkKey[];
  suppressionKey: string;
  /** The default sender (lib/mail/default-sender.ts), whose address a mailing's own sender name goes with. */
  mailFrom: string;
  /** Waits for this call's slot under the shared rate limit. */
  pace: () => Promise<void>;
  /** Compiled templates by mailing, language and version: a bounded LRU in the worker (lru-cache), a Map in tests. */
  cache: TemplateCache;
  /** The moment of the send-time check (a pause of marketing mail is compared with it); the clock when not given. */
  now?: () => Date;
  /** Render every mail with react-email instead (bench/mailing.ts measures the difference; never in production). */
  naiveRender?: boolean;
};

export type BatchOutcome =
  | { status: "skipped"; reason: "not_sending" | "nothing_to_send" }
  | { status: "sent"; sent: number; suppressed: number; held?: number }
  | { status: "failed"; code: string; suppressed: number }
  | { status: "held"; held: number };

/**
 * How long after a request the provider still answers a repeat of it from its idempotency store: Resend keeps keys
 * for 24 hours; an hour less, for clocks that differ and a request still in flight.
 */
export const PROVIDER_IDEMPOTENCY_WINDOW_MS = 23 * 60 * 60 * 1000;

/** Thrown for failures worth another attempt later (rate limit, provider or network down): the job is retried. */
export class RetryLater extends Error {
  override name = "RetryLater";
  /** Why: "paced", or the transport's failure code ("rate_limited", "unavailable"); logged instead of a message. */
  constructor(readonly code: string) {
    super(code);
  }
}

type Row = {
  id: bigint;
  firstTriedAt: Date | null;
  contactId: string | null;
  email: string | null;
  name: string | null;
  language: Language | null;
  tokenVersion: number | null;
  reason: string | null;
  organisation: string | null;
};

export async function sendMailingBatch(ctx: BatchContext, mailingId: string, batch: number): Promise<BatchOutcome> {
  const { db } = ctx;
  const mailing = await db.mailing.findUnique({ where: { id: mailingId }, include: { topic: true } });
  if (!mailing || mailing.status !== "SENDING" || !mailing.startedAt)
    return { status: "skipped", reason: "not_sending" };
  const topic = mailing.topic;
  const issuedAt = mailing.startedAt;

  // Claim: decide who is left out and mark the rest SENDING, in one transaction holding the batch's rows: one query
  // reads the locked rows with each recipient's exclusion reason and organisation, one statement records every
  // decision (the suppression list is looked up inside it, by the hashes computed here from the addresses).
  const now = ctx.now?.() ?? new Date();
  const claim = await db.$transaction(async (tx) => {
    // Past the provider's idempotency window a repeat could send again: those deliveries wait for staff.
    const held = await tx.$executeRaw`
      UPDATE "Delivery" SET "status" = 'HELD', "updatedAt" = ${now}
      WHERE "mailingId" = ${mailingId} AND "batch" = ${batch} AND "status" = 'SENDING'
        AND "firstTriedAt" < ${new Date(now.getTime() - PROVIDER_IDEMPOTENCY_WINDOW_MS)}`;
    const rows = await tx.$queryRaw<Row[]>`
      WITH d AS MATERIALIZED (
        SELECT d."id", d."contactId", d."firstTriedAt" FROM "Delivery" d
        WHERE d."mailingId" = ${mailingId} AND d."batch" = ${batch} AND d."status" IN ('QUEUED', 'SENDING')
        ORDER BY d."id"
        FOR UPDATE
      ), org AS (
        SELECT DISTINCT ON (r."contactId") r."contactId", o."name"
        FROM "ContactRole" r JOIN "Organisation" o ON o."id" = r."organisationId"
        WHERE r."contactId" IN (SELECT "contactId" FROM d) AND (r."endsOn" IS NULL OR r."endsOn" > ${issuedAt})
        ORDER BY r."contactId", r."startsOn", r."id"
      )
      SELECT d."id", d."firstTriedAt", d."contactId", c."email", c."name", c."language", c."tokenVersion",
             ${exclusionReasonSql(topic, now)} AS "reason", org."name" AS "organisation"
      FROM d LEFT JOIN "Contact" c ON c."id" = d."contactId" LEFT JOIN org ON org."contactId" = c."id"
      ORDER BY d."id"`;
    if (rows.length === 0) return held > 0 ? { send: [] as Row[], suppressed: 0, held } : null;

    // Per recipient, in this order: erased (no contact or address), on the suppression list (the oldest entry's
    // reason; every scope for a marketing topic, only ALL otherwise), then the reason from exclusionReasonSql.
    const ids: bigint[] = [];
    const erased: (string | null)[] = [];
    const hashes: (string | null)[] = [];
    const reasons: (string | null)[] = [];
    for (const r of rows) {
      const gone = !r.contactId || !r.email;
      ids.push(r.id);
      erased.push(gone ? "ERASED" : null);
      hashes.push(gone ? null : hashAddress(r.email!, ctx.suppressionKey));
      reasons.push(r.reason);
    }
    const decided = await tx.$queryRaw<{ id: bigint; reason: string | null }[]>`
      UPDATE "Delivery" AS d SET
        "status" = (CASE WHEN x."reason" IS NULL THEN 'SENDING' ELSE 'SUPPRESSED' END)::"DeliveryStatus",
        "skipReason" = COALESCE(x."reason", d."skipReason"),
        "attempts" = d."attempts" + (CASE WHEN x."reason" IS NULL THEN 1 ELSE 0 END),
        "firstTriedAt" = (CASE WHEN x."reason" IS NULL THEN COALESCE(d."firstTriedAt", ${now}) END),
        "updatedAt" = ${now}
      FROM (
        SELECT v."id", COALESCE(
          v."erased",
          (SELECT 'SUPPRESSED_' || sp."reason"::text FROM "Suppression" sp
            WHERE sp."addressHash" = v."hash" AND (sp."scope" = 'ALL' OR ${topic.isMarketing})
            ORDER BY sp."createdAt" LIMIT 1),
          v."reason") AS "reason"
        FROM unnest(${ids}::bigint[], ${erased}::text[], ${hashes}::text[], ${reasons}::text[])
          AS v("id", "erased", "hash", "reason")
      ) AS x
      WHERE d."id" = x."id"
      RETURNING d."id", x."reason"`;
    const sendIds = new Set<bigint>();
    for (const r of decided) if (r.reason === null) sendIds.add(r.id);
    const send = rows.filter((r) => sendIds.has(r.id));
    return { send, suppressed: rows.length - send.length, held };
  });
  if (claim === null) return { status: "skipped", reason: "nothing_to_send" };
  if (claim.send.length === 0)
    return claim.suppressed === 0
      ? { status: "held", held: claim.held }
      : { status: "sent", sent: 0, suppressed: claim.suppressed, held: claim.held };

  const compiledFor = (language: MailingLanguage) => {
    const key = `${mailing.id}:${mailing.updatedAt.getTime()}:${language}`;
    let compiled = ctx.cache.get(key);
    if (!compiled) {
      compiled = compileMailing(mailingContent(mailing, topic, language));
      ctx.cache.set(key, compiled);
      // A failed compilation is not kept: the next batch tries again rather than failing on the stored rejection.
      compiled.catch(() => ctx.cache.delete(key));
    }
    return compiled;
  };
  const links = { publicUrl: ctx.publicUrl, linkKeys: ctx.linkKeys };
  const from = senderFor(ctx.mailFrom, mailing.fromName);
  // Built here from values the database has already validated (addresses pass a CHECK constraint, ids are cuids),
  // so the batch goes to the transport as it is rather than through the per-message validation of sendMailBatch.
  const mails: OutgoingMail[] = [];
  // A contact's stored language the deployment does not offer (policy file) gets the mailing in its default language.
  const offered = offeredLanguages();
  const registration =
    mailing.template === REGISTRATION_NOTICE_TEMPLATE
      ? await registrationNoticeValues({
          db,
          policy: getPolicy(),
          recipients: claim.send.map((r) => ({
            contactId: r.contactId!,
            language: offeredOrDefault(r.language, offered),
          })),
        })
      : null;
  for (const r of claim.send) {
    const language: MailingLanguage = offeredOrDefault(r.language, offered);
    const subject = { id: r.contactId!, tokenVersion: r.tokenVersion! };
    const compiled = ctx.naiveRender ? null : await compiledFor(language);
    const content = compiled ? null : mailingContent(mailing, topic, language);
    const message = await buildDeliveryMail({
      render: (values) => (compiled ? personalise(compiled, values) : renderMailingFor(content!, values)),
      recipient: { email: r.email!, name: r.name!, language, organisation: r.organisation },
      topicName: language === "sv" ? topic.nameSv : topic.nameEn,
      mailingId: mailing.id,
      preferencesUrl: preferencesUrl(links, subject, issuedAt, mailing.id),
      unsubscribeUrl: unsubscribeUrl(links, subject, topic.id, issuedAt),
      from,
      replyTo: mailing.replyTo,
      required: topic.isRequired,
      extra: registration?.get(r.contactId!),
    });
    mails.push({
      to: [r.email!],
      from: message.from,
      replyTo: message.replyTo,
      subject: message.subject,
      html: message.html!,
      text: message.text!,
      headers: message.headers ?? {},
      tags: message.tags ?? [],
    });
  }

  const ids = claim.send.map((r) => r.id);
  // Deliveries this claim tried for the first time: when the provider answers that it sent nothing, they go back to
  // "never reached the provider", so a long outage of refusals does not hold them after a day.
  const fresh = claim.send.filter((r) => r.firstTriedAt === null).map((r) => r.id);
  const untried = () =>
    fresh.length === 0
      ? Promise.resolve(0)
      : db.$executeRaw`UPDATE "Delivery" SET "firstTriedAt" = NULL WHERE "id" = ANY(${fresh}::bigint[])`;

  let result;
  try {
    result = await ctx.transport.sendBatch(mails, {
      idempotencyKey: `mailing-${mailing.id}-batch-${batch}`,
      pace: ctx.pace,
    });
  } catch (error) {
    if (!(error instanceof SendSlotTooFar)) throw error;
    // Nothing was sent: the provider asked everyone to wait longer than this job may be held.
    await untried();
    await recordMailingStall(db, mailing.id, { code: "paced", status: null, retryAt: null, now: new Date() });
    throw new RetryLater("paced");
  }
  const at = new Date();

  if (result.ok) {
    await db.$executeRaw`
      UPDATE "Delivery" AS d SET "status" = 'SENT', "providerMessageId" = v.pid, "sentAt" = ${at}, "updatedAt" = ${at},
             "error" = NULL
      FROM (SELECT unnest(${ids}::bigint[]) AS id, unnest(${result.ids}::text[]) AS pid) AS v
      WHERE d."id" = v.id AND d."status" = 'SENDING'`;
    await clearMailingStall(db, mailing.id);
    return { status: "sent", sent: ids.length, suppressed: claim.suppressed, held: claim.held };
  }
  if (!result.mayHaveSent) await untried();
  if (result.code === "rate_limited" || result.code === "unavailable") {
    // Rows stay SENDING; the retried job sends the same request under the same key. A wait the provider asked for
    // holds every worker's calls (the shared pacer), not only this job's.
    if (result.retryAfterMs !== undefined) await deferSendSlots(db, result.retryAfterMs);
    const retryAt = result.retryAfterMs === undefined ? null : new Date(at.getTime() + result.retryAfterMs);
    await recordMailingStall(db, mailing.id, { code: result.code, status: result.status ?? null, retryAt, now: at });
    throw new RetryLater(result.code);
  }
  if (result.code === "idempotency_conflict") {
    // The set of recipients changed after an earlier attempt reached the provider (someone opted out meanwhile): that
    // attempt's mail went out, and the provider will not send this batch again. Record it as sent, without ids.
    await db.delivery.updateMany({
      where: { id: { in: ids }, status: "SENDING" },
      data: { status: "SENT", sentAt: at, updatedAt: at, error: "sent by an earlier attempt of this batch" },
    });
    return { status: "sent", sent: ids.length, suppressed: claim.suppressed };
  }
  if (result.code === "unauthorized" || result.code === "quota_exceeded") {
    // Nothing in this mailing can go out until someone fixes the account: pause it, keep the batch queued.
    await db.$transaction([
      db.delivery.updateMany({
        where: { id: { in: ids }, status: "SENDING" },
        data: { status: "QUEUED", error: result.message, updatedAt: at },
      }),
      db.mailing.updateMany({
        where: { id: mailing.id, status: "SENDING" },
        data: {
          status: "PAUSED",
          pausedAt: at,
          stallCode: result.code,
          stallStatus: result.status ?? null,
          stallSince: at,
          stallRetryAt: null,
        },
      }),
    ]);
    return { status: "failed", code: result.code, suppressed: claim.suppressed };
  }
  await db.delivery.updateMany({
    where: { id: { in: ids }, status: "SENDING" },
    data: { status: "FAILED", error: result.message.slice(0, 1000), updatedAt: at },
  });
  return { status: "failed", code: result.code, suppressed: claim.suppressed };
}
