// Sends one event to one HTTP endpoint, signed the Standard Webhooks way (`webhook-id`, `webhook-timestamp`,
// `webhook-signature`), with a timeout. The seam for other kinds of endpoint: deliver-lane.ts only needs an answer
// of this shape, whatever carries the event.
import { Webhook } from "standardwebhooks";

export type EndpointTarget = {
  url: string;
  secret: string;
  /** Signs too while the rotation overlap lasts: receivers may verify with either. */
  previousSecret: string | null;
};

export type SendOutcome =
  | { ok: true; status: number; response: string }
  | { ok: false; status: number | null; response: string | null; error: string };

/** How much of a receiver's answer is kept on the delivery row (it is shown to admins, never logged). */
export const RESPONSE_KEEP_CHARS = 1000;

export async function sendToEndpoint(opts: {
  target: EndpointTarget;
  /** The webhook id: the event's, the same on every attempt, so receivers can drop duplicates. */
  messageId: string;
  body: string;
  timeoutMs: number;
  now: Date;
}): Promise<SendOutcome> {
  const secrets = [opts.target.secret, ...(opts.target.previousSecret ? [opts.target.previousSecret] : [])];
  const signature = secrets.map((s) => new Webhook(s).sign(opts.messageId, opts.now, opts.body)).join(" ");
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  // Our own timer as well as the abort: an attempt answers within the timeout whatever the connection does, so one
  // stuck receiver never holds a worker's batch of lanes.
  const deadline = new Promise<SendOutcome>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ ok: false, status: null, response: null, error: "timeout" });
    }, opts.timeoutMs);
  });
  try {
    return await Promise.race([attempt(opts, signature, controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function attempt(
  opts: { target: EndpointTarget; messageId: string; body: string; now: Date },
  signature: string,
  signal: AbortSignal,
): Promise<SendOutcome> {
  try {
    const response = await fetch(opts.target.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Tillit-Webhooks/1",
        "webhook-id": opts.messageId,
        "webhook-timestamp": String(Math.floor(opts.now.getTime() / 1000)),
        "webhook-signature": signature,
      },
      body: opts.body,
      redirect: "manual",
      signal,
    });
    const text = (await readLimited(response, RESPONSE_KEEP_CHARS)).slice(0, RESPONSE_KEEP_CHARS);
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status, response: text };
    return { ok: false, status: response.status, response: text, error: `http_${response.status}` };
  } catch (error) {
    const name = error instanceof Error ? error.name : "Error";
    const timedOut = name === "TimeoutError" || name === "AbortError";
    return { ok: false, status: null, response: null, error: timedOut ? "timeout" : "network" };
  }
}

/** Reads at most about `limit` characters of the body, so a receiver answering gigabytes costs nothing. */
async function readLimited(response: Response, limit: number): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    while (text.length < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return text;
}
