// A handler answers the person about their request by mail (GDPR Art. 12: inform the person of the action taken,
// of an extension and its reasons, and ask when more is needed): one of four openings in the person's language, the
// handler's own words, the request's reference. Queued in the same transaction as its audit entry
// ("privacy_request.replied", naming the template), so a reply is sent exactly when it is logged. The handler's text
// is not kept in the audit trail (it is about the person and would outlive an erasure there).
import "server-only";
import { createElement } from "react";
import { z } from "zod";
import PrivacyRequestReplyEmail, { privacyRequestReplySubject } from "@/emails/privacy-request-reply";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { translatorFor } from "@/lib/i18n/translator";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { getPolicy } from "@/lib/policy/current-policy";
import { fail, invalid, ok, parseInput, type Because, type Invalid, type NotFound, type Ok } from "@/lib/result";
import { effectiveDueAt } from "./due-date";

export const REPLY_TEMPLATES = ["received", "extended", "completed", "clarify"] as const;
export type ReplyTemplate = (typeof REPLY_TEMPLATES)[number];

export const replySchema = z
  .object({
    template: z.enum(REPLY_TEMPLATES, { error: "template_invalid" }),
    message: z.string().trim().max(4000, { error: "message_too_long" }).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.template === "clarify" && v.message === "")
      ctx.addIssue({ code: "custom", path: ["message"], message: "message_required" });
  });

export type ReplyResult =
  | Ok<{ template: ReplyTemplate }>
  | Invalid
  | NotFound
  | Because<"conflict", "no_address">
  | Because<"unavailable", "render_failed">;

const day = (d: Date) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short" }).format(d);

export async function replyToPrivacyRequest(opts: {
  db: Db;
  id: string;
  input: unknown;
  actor: AuditActor;
  now?: Date;
}): Promise<ReplyResult> {
  const parsed = parseInput(replySchema, opts.input);
  if (!parsed.ok) return parsed;
  const { template, message } = parsed.data;
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    const request = await tx.privacyRequest.findUnique({
      where: { id: opts.id },
      select: {
        id: true,
        type: true,
        receivedAt: true,
        dueAt: true,
        extendedDueAt: true,
        extensionReason: true,
        contact: { select: { name: true, email: true, language: true } },
      },
    });
    if (!request) return fail("not_found");
    // An erased person (or a request recorded without one) has no address to answer to.
    if (!request.contact) return fail("conflict", { reason: "no_address" as const });
    if (template === "extended" && !request.extendedDueAt) return invalid({ template: "not_extended" });
    const language = request.contact.language;
    const t = translatorFor(language);
    const queued = await enqueueMail(tx, {
      now,
      message: {
        to: request.contact.email,
        subject: privacyRequestReplySubject(language, template),
        replyTo: getPolicy().controller.privacyContact,
        react: createElement(PrivacyRequestReplyEmail, {
          template,
          language,
          name: request.contact.name,
          type: t(`enums.requestType.${request.type}`).toLocaleLowerCase(language),
          received: day(request.receivedAt),
          due: day(effectiveDueAt(request)),
          reason: request.extensionReason ?? "",
          message,
          reference: request.id,
        }),
        tags: [{ name: "category", value: "privacy-request-reply" }],
      },
    });
    if (!queued.ok) return fail("unavailable", { reason: "render_failed" as const });
    await recordAuditEvent(
      tx,
      {
        actor: opts.actor,
        action: "privacy_request.replied",
        subject: { type: "PrivacyRequest", id: request.id },
        fields: ["template"],
        personalValues: { template, withMessage: message !== "" },
      },
      now,
    );
    return ok({ template });
  });
}
