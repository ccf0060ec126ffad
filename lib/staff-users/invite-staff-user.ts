// An admin invites a staff member: there is no self sign-up, so this is how a StaffUser comes to exist. The user is
// created active with the chosen role and audited in one transaction; the invitation mail follows the commit (it
// holds no token: the person asks for a magic link on the sign-in page, which proves they own the address).
//
// An address outside STAFF_ALLOWED_EMAILS is refused on the email field: such a person could never sign in
// (findAllowedStaff checks the allow-list first), so creating the account would only send a mail that cannot work.
import "server-only";
import { createElement } from "react";
import StaffInvitationEmail, { staffInvitationSubject } from "@/emails/staff-invitation";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { isAddressAllowed } from "@/lib/auth/allowed-address";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { Language } from "@/lib/i18n/languages";
import { translatorFor } from "@/lib/i18n/translator";
import { sendMail } from "@/lib/mail/send-mail";
import type { MailTransport } from "@/lib/mail/types";
import { fieldErrorCodes, type Invalid, type Forbidden } from "@/lib/result";
import { inviteStaffSchema } from "./staff-user-schemas";

export type InviteStaffResult = { ok: true; id: string; mailSent: boolean } | Invalid | Forbidden;

export async function inviteStaffUser(opts: {
  db: Db;
  actor: StaffPrincipal;
  input: unknown;
  /** getConfig().staffAuth.allowed */
  allowed: readonly string[];
  /** getConfig().publicUrl, without a trailing slash. */
  publicUrl: string;
  /** The language of the invitation mail (the inviting admin's choice). */
  language: Language;
  transport?: MailTransport;
  now?: Date;
}): Promise<InviteStaffResult> {
  if (!can(opts.actor, "staff.manage")) return { ok: false, code: "forbidden" };
  const parsed = inviteStaffSchema.safeParse(opts.input);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: fieldErrorCodes(parsed.error) };
  const { email, name, role } = parsed.data;
  if (!isAddressAllowed(email, opts.allowed))
    return { ok: false, code: "invalid", fieldErrors: { email: "email_not_allowed" } };
  const now = opts.now ?? new Date();

  let id: string;
  try {
    const created = await opts.db.$transaction(async (tx) => {
      const taken = await tx.staffUser.findUnique({ where: { email }, select: { id: true } });
      if (taken) return null;
      const user = await tx.staffUser.create({ data: { email, name, role, active: true }, select: { id: true } });
      await recordAuditEvent(
        tx,
        {
          actor: { type: "STAFF", id: opts.actor.id },
          action: "staff.invited",
          subject: { type: "StaffUser", id: user.id },
          fields: ["email", "name", "role"],
          personalValues: { email, name, role },
        },
        now,
      );
      return user.id;
    });
    if (!created) return { ok: false, code: "invalid", fieldErrors: { email: "email_taken" } };
    id = created;
  } catch (e) {
    if ((e as { code?: unknown }).code === "P2002")
      return { ok: false, code: "invalid", fieldErrors: { email: "email_taken" } };
    throw e;
  }

  const mail = await sendMail({
    db: opts.db,
    transport: opts.transport,
    message: {
      to: email,
      subject: staffInvitationSubject(opts.language),
      react: createElement(StaffInvitationEmail, {
        signInUrl: `${opts.publicUrl}/staff/sign-in`,
        name,
        roleName: translatorFor(opts.language)(`enums.staffRole.inSentence.${role}`),
        language: opts.language,
      }),
      tags: [{ name: "kind", value: "staff_invitation" }],
    },
  });
  return { ok: true, id, mailSent: mail.ok };
}
