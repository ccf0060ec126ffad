// Validates a caller's message and renders it: the common first step of sendMail and sendMailBatch.
import "server-only";
import { describeIssues, mailEnvelopeSchema } from "./mail-message-schema";
import { renderMail } from "./render-mail";
import type { BatchMailMessage, MailMessage, OutgoingMail, SendMailFailure } from "./types";

export async function prepareMail(
  message: MailMessage | BatchMailMessage,
): Promise<{ ok: true; mail: OutgoingMail } | SendMailFailure> {
  const envelope = mailEnvelopeSchema.safeParse(message);
  if (!envelope.success) return { ok: false, code: "invalid_message", message: describeIssues(envelope.error) };
  const e = envelope.data;

  let content: { html: string; text: string };
  if (message.react) {
    try {
      content = await renderMail(message.react);
    } catch (error) {
      return { ok: false, code: "render_failed", message: error instanceof Error ? error.message : String(error) };
    }
  } else if (typeof message.html === "string" && typeof message.text === "string") {
    content = { html: message.html, text: message.text };
  } else {
    return { ok: false, code: "invalid_message", message: "message: give either react or both html and text" };
  }

  return {
    ok: true,
    mail: {
      to: Array.isArray(e.to) ? e.to : [e.to],
      from: e.from,
      replyTo: e.replyTo,
      subject: e.subject,
      ...content,
      headers: e.headers ?? {},
      tags: e.tags ?? [],
    },
  };
}
