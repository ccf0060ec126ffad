// "Send a test to me": the mailing rendered and personalised exactly as the workers do it, to the signed-in staff
// member's own address (the dev mailbox in development). Links point to the public preference pages, not to a person.
import "server-only";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import type { Db } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { defaultSender } from "@/lib/mail/default-sender";
import { sendMail } from "@/lib/mail/send-mail";
import type { MailTransport } from "@/lib/mail/types";
import { buildDeliveryMail, senderFor } from "./build-delivery-mail";
import { mailingContent } from "./load-mailing-content";
import { compileMailing, personalise, type MailingLanguage } from "./render-mailing";
import { loadMailingForStaff } from "@/lib/access/load-mailing-for-staff";

export type SendTestMailingResult =
  { ok: true; to: string } | { ok: false; code: "not_found" | "forbidden" | "incomplete" | "send_failed" };

export async function sendTestMailing(opts: {
  db: Db;
  staff: CurrentStaff;
  mailingId: string;
  language: MailingLanguage;
  now?: Date;
  transport?: MailTransport;
}): Promise<SendTestMailingResult> {
  const access = await loadMailingForStaff({ db: opts.db, staff: opts.staff, id: opts.mailingId });
  if (!access.ok) return access;
  const mailing = await opts.db.mailing.findUnique({ where: { id: access.value.id }, include: { topic: true } });
  if (!mailing) return { ok: false, code: "not_found" };
  const content = mailingContent(mailing, mailing.topic, opts.language);
  if (!content.subject.trim() || (!content.template && !content.bodyMarkdown.trim()))
    return { ok: false, code: "incomplete" };

  const config = getConfig();
  const compiled = await compileMailing(content);
  const message = await buildDeliveryMail({
    render: (values) => personalise(compiled, values),
    recipient: {
      email: opts.staff.email,
      name: opts.staff.name ?? opts.staff.email,
      language: opts.language,
      organisation: null,
    },
    topicName: content.topicName,
    mailingId: mailing.id,
    preferencesUrl: `${config.publicUrl}/preferences`,
    unsubscribeUrl: `${config.publicUrl}/preferences`,
    from: senderFor(defaultSender(), mailing.fromName),
    replyTo: mailing.replyTo,
    required: mailing.topic.isRequired,
  });
  const result = await sendMail({
    db: opts.db,
    transport: opts.transport,
    message: { ...message, subject: `[Test] ${message.subject}` },
  });
  return result.ok ? { ok: true, to: opts.staff.email } : { ok: false, code: "send_failed" };
}
