// Sends one batch (≤ 100 deliveries) of a mailing. Suppression fails closed and is decided again here, per recipient,
// at the moment the batch goes out: an erased contact (row gone), an address on the suppression list (hashed again
// from the address, not trusting any stored hash), an opt-out, a pause of marketing mail that has not ended, a topic
// unsubscription or a missing legal basis each
// turn the delivery into SUPPRESSED with the reason, and that person is not in the call to the provider.
//
// Exactly once: the batch's idempotency key is derived from mailing and batch, and every link is issued at the
// mailing's start time, so a retry after a crash (rows left SENDING) sends a byte-identical request that the provider
// answers from its idempotency store instead of sending again.
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
import { mailingContent } from "../load-mailing-content";
import {
  compileMailing,
  personalise,
  renderMailingFor,
  type CompiledMailing,
  type MailingLanguage,
} from "../render-mailing";

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
  /** Compiled templates by mailing, language and version, kept for the life of the worker. */
  cache: Map<string, Promise<CompiledMailing>>;
  /** The moment of the send-time check (a pause of marketing mail is compared with it); the clock when not given. */
  now?: () => Date;
  /** Render every mail with react-email instead (bench/mailing.ts measures the difference; never in production). */
  naiveRender?: boolean;
};

export type BatchOutcome =
  | { status: "skipped"; reason: "not_sending" | "nothing_to_send" }
  | { status: "sent"; sent: number; suppressed: number }
  | { status: "failed"; code: string; suppressed: number };

/** Thrown for failures worth another attempt later (rate limit, provider or network down): the job is retried. */
export class RetryLater extends Error {}

type Row = {
  id: bigint;
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
  const claim = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Row[]>`
      WITH d AS MATERIALIZED (
        SELECT d."id", d."contactId" FROM "Delivery" d
        WHERE d."mailingId" = ${mailingId} AND d."batch" = ${batch} AND d."status" IN ('QUEUED', 'SENDING')
        ORDER BY d."id"
        FOR UPDATE
      ), org AS (
        SELECT DISTINCT ON (r."contactId") r."contactId", o."name"
        FROM "ContactRole" r JOIN "Organisation" o ON o."id" = r."organisationId"
        WHERE r."contactId" IN (SELECT "contactId" FROM d) AND (r."endsOn" IS NULL OR r."endsOn" > ${issuedAt})
        ORDER BY r."contactId", r."startsOn", r."id"
      )
      SELECT d."id", d."contactId", c."email", c."name", c."language", c."tokenVersion",
             ${exclusionReasonSql(topic, ctx.now?.() ?? new Date())} AS "reason", org."name" AS "organisation"
      FROM d LEFT JOIN "Contact" c ON c."id" = d."contactId" LEFT JOIN org ON org."contactId" = c."id"
      ORDER BY d."id"`;
    if (rows.length === 0) return null;

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
        "updatedAt" = ${new Date()}
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
    return { send, suppressed: rows.length - send.length };
  });
  if (claim === null) return { status: "skipped", reason: "nothing_to_send" };
  if (claim.send.length === 0) return { status: "sent", sent: 0, suppressed: claim.suppressed };

  const compiledFor = (language: MailingLanguage) => {
    const key = `${mailing.id}:${mailing.updatedAt.getTime()}:${language}`;
    let compiled = ctx.cache.get(key);
    if (!compiled) {
      compiled = compileMailing(mailingContent(mailing, topic, language));
      ctx.cache.set(key, compiled);
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

  await ctx.pace();
  const result = await ctx.transport.sendBatch(mails, { idempotencyKey: `mailing-${mailing.id}-batch-${batch}` });
  const ids = claim.send.map((r) => r.id);
  const at = new Date();

  if (result.ok) {
    await db.$executeRaw`
      UPDATE "Delivery" AS d SET "status" = 'SENT', "providerMessageId" = v.pid, "sentAt" = ${at}, "updatedAt" = ${at},
             "error" = NULL
      FROM (SELECT unnest(${ids}::bigint[]) AS id, unnest(${result.ids}::text[]) AS pid) AS v
      WHERE d."id" = v.id AND d."status" = 'SENDING'`;
    return { status: "sent", sent: ids.length, suppressed: claim.suppressed };
  }
  if (result.code === "rate_limited" || result.code === "unavailable") {
    // Rows stay SENDING; the retried job sends the same request under the same key.
    throw new RetryLater(`${result.code}: ${result.message}`);
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
      db.mailing.updateMany({ where: { id: mailing.id, status: "SENDING" }, data: { status: "PAUSED", pausedAt: at } }),
    ]);
    return { status: "failed", code: result.code, suppressed: claim.suppressed };
  }
  await db.delivery.updateMany({
    where: { id: { in: ids }, status: "SENDING" },
    data: { status: "FAILED", error: result.message.slice(0, 1000), updatedAt: at },
  });
  return { status: "failed", code: result.code, suppressed: claim.suppressed };
}
