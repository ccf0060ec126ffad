"use server";
// "Send me a link": validate the address, hand it to the use-case, and answer after a fixed minimum time. The answer
// depends only on the address's form and the client's own rate limit, never on whether the address is registered.
import { getDb } from "@/lib/db/client";
import { getActionI18n } from "@/lib/i18n/server";
import { requestClientAddress } from "@/lib/http/request-client-address";
import { requestLogger } from "@/lib/log/request-logger";
import { padToMinimumDuration } from "@/lib/rate-limit/pad-duration";
import {
  requestLinkByEmail,
  requestLinkInputSchema,
  type RequestLinkFieldError,
} from "@/lib/recipients/request-link-by-email";

export type SendLinkState =
  | { status: "idle" }
  | { status: "invalid"; error: RequestLinkFieldError; value: string }
  | { status: "accepted" }
  | { status: "limited" }
  | { status: "failed" };

const FIELD_ERRORS: readonly RequestLinkFieldError[] = ["email_required", "email_too_long", "email_invalid"];

export async function requestLinkAction(_previous: SendLinkState, formData: FormData): Promise<SendLinkState> {
  const startedAt = performance.now();
  const raw = formData.get("email");
  const value = typeof raw === "string" ? raw.slice(0, 320) : "";
  const parsed = requestLinkInputSchema.safeParse({ email: value });
  if (!parsed.success) {
    const code = parsed.error.issues[0]?.message as RequestLinkFieldError | undefined;
    return { status: "invalid", error: code && FIELD_ERRORS.includes(code) ? code : "email_invalid", value };
  }
  let state: SendLinkState;
  try {
    const { outcome } = await requestLinkByEmail({
      db: await getDb(),
      email: parsed.data.email,
      // The socket's peer, or the entry the trusted load balancers appended: never what the client wrote itself.
      clientKey: await requestClientAddress(),
      // The mail in the language the page was shown in, not the one stored for the address.
      language: (await getActionI18n()).lang,
    });
    // The mail goes out in the background (the use-case catches and logs its errors): not awaited on purpose.
    state = outcome.status === "accepted" ? { status: "accepted" } : { status: "limited" };
  } catch (error) {
    (await requestLogger()).error({ err: error }, "send-link request failed");
    state = { status: "failed" };
  }
  await padToMinimumDuration(startedAt);
  return state;
}
