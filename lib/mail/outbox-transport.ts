// Keeps mail in the OutboxMessage table instead of sending it: the default in development and tests, read back
// through the dev mailbox (/dev/mail, /api/dev/mail).
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { MailTransport, OutgoingMail, SendMailFailure } from "./types";

export type OutboxTransportOptions = { db: DbOrTx; from: string };

export function createOutboxTransport({ db, from }: OutboxTransportOptions): MailTransport {
  const row = (mail: OutgoingMail) => ({
    to: mail.to,
    from: mail.from ?? from,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    headers: mail.replyTo ? { ...mail.headers, "Reply-To": mail.replyTo } : mail.headers,
    tags: mail.tags,
  });
  const failed = (error: unknown): SendMailFailure => ({
    ok: false,
    code: "unavailable",
    message: `outbox: ${error instanceof Error ? error.message : String(error)}`,
  });

  return {
    kind: "outbox",

    async send(mail) {
      try {
        const { id } = await db.outboxMessage.create({ data: row(mail), select: { id: true } });
        return { ok: true, ids: [id] };
      } catch (error) {
        return failed(error);
      }
    },

    async sendBatch(mails, options = {}) {
      if (mails.length === 0) return { ok: true, ids: [] };
      // Paced like the provider would be, so a mailing behaves the same in development.
      await options.pace?.();
      try {
        const created = await db.outboxMessage.createManyAndReturn({ data: mails.map(row), select: { id: true } });
        return { ok: true, ids: created.map((c) => c.id) };
      } catch (error) {
        return failed(error);
      }
    },
  };
}
