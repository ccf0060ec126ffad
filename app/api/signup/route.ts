// POST /api/signup: the sign-up form as JSON, for a company site that renders its own form. Public, like the form
// itself (a key would have to sit in the visitor's browser); rate-limited per client and per address; the same
// answer, after the same minimum time, for known, unknown and suppressed addresses (lib/signups/request-signup.ts).
// Body: { name, email, organisation?, topics: [topic id…], language?: "sv" | "en" }.
// Answers: 202 { status: "accepted" } | 400 { error: { code: "invalid", fields } } | 413 | 429 (Retry-After).
// No CORS: a browser page on another origin uses the embeddable form (/embed/signup) instead. A server relaying its
// visitors' sign-ups here shares one per-client allowance (its own address), by design: it is one client.
import { getDb } from "@/lib/db/client";
import { readLimitedBody, KIB } from "@/lib/http/read-limited-body";
import { requestClientAddress } from "@/lib/http/request-client-address";
import { isOffered } from "@/lib/i18n/languages";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import { requestLogger } from "@/lib/log/request-logger";
import { padToMinimumDuration } from "@/lib/rate-limit/pad-duration";
import { fieldErrorCodes } from "@/lib/result";
import { requestSignup } from "@/lib/signups/request-signup";
import { signupInputSchema } from "@/lib/signups/signup-input";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };
const error = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  Response.json({ error: body }, { status, headers: { ...NO_STORE, ...headers } });

export async function POST(request: Request): Promise<Response> {
  const startedAt = performance.now();
  const body = await readLimitedBody(request, 8 * KIB);
  if (!body.ok) return error(413, { code: "payload_too_large" });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body.bytes));
  } catch {
    return error(400, { code: "invalid", fields: { form: "json_invalid" } });
  }
  const parsed = signupInputSchema.safeParse(json);
  if (!parsed.success) return error(400, { code: "invalid", fields: fieldErrorCodes(parsed.error) });
  const offered = offeredLanguages();
  const asked = (json as { language?: unknown }).language;
  const language = isOffered(asked, offered) ? asked : offered[0];
  try {
    const { outcome } = await requestSignup({
      db: await getDb(),
      input: parsed.data,
      clientKey: await requestClientAddress(),
      language,
    });
    await padToMinimumDuration(startedAt);
    if (outcome.ok) return Response.json({ status: "accepted" }, { status: 202, headers: NO_STORE });
    if (outcome.code === "invalid") return error(400, { code: "invalid", fields: outcome.fieldErrors });
    return error(429, { code: "rate_limited" }, { "Retry-After": String(outcome.retryAfterSeconds) });
  } catch (e) {
    (await requestLogger()).error({ err: e }, "sign-up request failed");
    return error(503, { code: "unavailable" });
  }
}
