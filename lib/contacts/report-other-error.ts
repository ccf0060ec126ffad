// "Something else is wrong": the person describes it in their own words and staff handle it from the privacy-request
// register (status RECEIVED, due in one month). The text is the person's: it is cleared if they are erased.
import "server-only";
import type { Db } from "@/lib/db/client";
import { recordPrivacyRequest } from "@/lib/privacy-requests/record-privacy-request";
import { fieldErrorCodes, invalid, type Invalid } from "@/lib/result";
import { otherErrorSchema } from "./correction-schema";

export type ReportOtherErrorResult = { ok: true } | Invalid;

export async function reportOtherError(opts: {
  db: Db;
  contactId: string;
  input: unknown;
  now?: Date;
}): Promise<ReportOtherErrorResult> {
  const parsed = otherErrorSchema.safeParse(opts.input);
  if (!parsed.success) return invalid(fieldErrorCodes(parsed.error));
  await opts.db.$transaction((tx) =>
    recordPrivacyRequest(tx, {
      contactId: opts.contactId,
      type: "RECTIFICATION",
      channel: "SELF_SERVICE",
      status: "RECEIVED",
      details: parsed.data.details,
      actor: { type: "CONTACT", id: opts.contactId },
      now: opts.now,
    }),
  );
  return { ok: true };
}
