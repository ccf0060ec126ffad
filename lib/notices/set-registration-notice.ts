// Turn the yearly registration notice off or on again (/staff/retention). Privacy officers and admins
// (retention.manage: the notice is part of keeping the register's promises), in one transaction with its audit entry.
import "server-only";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { fail, parseInput, type Forbidden, type Invalid } from "@/lib/result";
import { SETTINGS_ROW } from "./registration-notice-setting";

export const registrationNoticeSettingSchema = z.object({
  on: z.enum(["on", "off"], { error: "choice_required" }),
});

export type SetRegistrationNoticeResult = { ok: true; on: boolean; changed: boolean } | Invalid | Forbidden;

export async function setRegistrationNotice(opts: {
  db: Db;
  staff: StaffPrincipal;
  input: unknown;
  now?: Date;
}): Promise<SetRegistrationNoticeResult> {
  if (!can(opts.staff, "retention.manage")) return fail("forbidden");
  const parsed = parseInput(registrationNoticeSettingSchema, opts.input);
  if (!parsed.ok) return parsed;
  const on = parsed.data.on === "on";
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    const current = await tx.registerSetting.findUnique({ where: { id: SETTINGS_ROW } });
    if ((current?.registrationNoticeOn ?? true) === on) return { ok: true as const, on, changed: false };
    await tx.registerSetting.upsert({
      where: { id: SETTINGS_ROW },
      create: { id: SETTINGS_ROW, registrationNoticeOn: on, updatedById: opts.staff.id, updatedAt: now },
      update: { registrationNoticeOn: on, updatedById: opts.staff.id, updatedAt: now },
    });
    await recordAuditEvent(
      tx,
      {
        actor: { type: "STAFF", id: opts.staff.id },
        action: "setting.changed",
        subject: { type: "RegisterSetting", id: String(SETTINGS_ROW) },
        fields: ["registrationNoticeOn"],
      },
      now,
    );
    return { ok: true as const, on, changed: true };
  });
}
