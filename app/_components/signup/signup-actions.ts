"use server";
// The sign-up form's action (the page and its embeddable variant): parse with the one schema, hand over to the
// use-case, answer after a fixed minimum time. The answer depends on the form and the client's own limit only, never
// on the address (lib/signups/request-signup.ts).
import { getDb } from "@/lib/db/client";
import { getActionI18n } from "@/lib/i18n/server";
import { requestClientAddress } from "@/lib/http/request-client-address";
import { requestLogger } from "@/lib/log/request-logger";
import { padToMinimumDuration } from "@/lib/rate-limit/pad-duration";
import { requestSignup } from "@/lib/signups/request-signup";
import { signupInputSchema } from "@/lib/signups/signup-input";
import { fieldErrorCodes } from "@/lib/result";
import type { SignupState } from "./signup-state";

export async function signupAction(_previous: SignupState, form: FormData): Promise<SignupState> {
  const startedAt = performance.now();
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v.slice(0, 400) : "";
  };
  const values = {
    name: text("name"),
    email: text("email"),
    organisation: text("organisation"),
    topics: form
      .getAll("topics")
      .filter((v): v is string => typeof v === "string")
      .slice(0, 50),
  };
  const parsed = signupInputSchema.safeParse(values);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorCodes(parsed.error), values };
  let state: SignupState;
  try {
    const { outcome } = await requestSignup({
      db: await getDb(),
      input: parsed.data,
      clientKey: await requestClientAddress(),
      language: (await getActionI18n()).lang,
    });
    state = outcome.ok
      ? { status: "accepted" }
      : outcome.code === "invalid"
        ? { status: "invalid", fieldErrors: outcome.fieldErrors, values }
        : { status: "limited" };
  } catch (error) {
    (await requestLogger()).error({ err: error }, "sign-up request failed");
    state = { status: "failed" };
  }
  await padToMinimumDuration(startedAt);
  return state;
}
