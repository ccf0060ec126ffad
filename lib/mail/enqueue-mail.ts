// Queues a mail inside the caller's transaction, to be sent by the worker once that transaction has committed
// (lib/mail/send-queued-mail.ts). For mail that must not decide the change it reports: a slow or failing provider
// cannot roll the change back, and a rolled-back change sends nothing. Rendered now, so the worker needs nothing but
// the row (the erasure receipt is queued while the contact row it was rendered from is being deleted).
import "server-only";
import type { Tx } from "@/lib/db/client";
import { prepareMail } from "./prepare-mail";
import type { MailMessage, SendMailFailure } from "./types";

export async function enqueueMail(
  tx: Tx,
  opts: { message: MailMessage; now?: Date },
): Promise<{ ok: true; id: string } | SendMailFailure> {
  const prepared = await prepareMail(opts.message);
  if (!prepared.ok) return prepared;
  const mail = prepared.mail;
  const now = opts.now ?? new Date();
  const row = await tx.queuedMail.create({
    data: {
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      headers: mail.replyTo ? { ...mail.headers, "Reply-To": mail.replyTo } : mail.headers,
      tags: mail.tags,
      nextAttemptAt: now,
      createdAt: now,
    },
    select: { id: true },
  });
  return { ok: true, id: row.id };
}
