// A local stand-in for the Resend API (127.0.0.1, random port) for tests that run the real SDK. Every request is
// checked against Resend's published OpenAPI description (tests/contracts/resend-openapi.yaml); a request that breaks
// it gets 422 and is kept in `violations`, so a test can assert there were none. Answers follow the documented
// response schemas (checked too). It can be told to answer 429 (with retry-after) or 500 for the next N requests, and
// it replays answers for a repeated Idempotency-Key the way Resend does.
import { createHash, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { OpenApiContract } from "./openapi-contract";

export const RESEND_CONTRACT = path.resolve(import.meta.dirname, "../contracts/resend-openapi.yaml");

export type RecordedRequest = {
  method: string;
  path: string;
  /** Lower-case names, as Node gives them. */
  headers: Record<string, string>;
  body: unknown;
  operationId: string | null;
  status: number;
};

export type Violation = { request: RecordedRequest; problems: string[] };

export type InjectedFailure =
  | {
      status: 429;
      retryAfter?: string;
      name?: "rate_limit_exceeded" | "daily_quota_exceeded" | "monthly_quota_exceeded";
    }
  | { status: 500 | 502 | 503 };

export type FakeResend = {
  /** Base URL for `new Resend(key, { baseUrl })`. */
  url: string;
  requests: RecordedRequest[];
  violations: Violation[];
  /** Mail the fake accepted (each id once, replays excluded). */
  accepted: { id: string; payload: Record<string, unknown> }[];
  /** `count` valid requests (after letting `after` more through) get this answer instead of being processed. */
  failNext(count: number, failure: InjectedFailure, options?: { after?: number }): void;
  /** Forgets recorded requests, violations, accepted mail and pending failures; keeps the idempotency store, as
   * Resend keeps keys for 24 hours whatever a test does. */
  reset(): void;
  close(): Promise<void>;
};

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

const errorBodies = {
  rate_limit_exceeded:
    "Too many requests. You can only make 5 requests per second. See rate limit response headers for more information.",
  daily_quota_exceeded: "You have reached your daily email sending quota.",
  monthly_quota_exceeded: "You have reached your monthly email sending quota.",
  internal_server_error: "An unexpected error occurred.",
};

function resendError(status: number, name: string, message: string): Answer {
  return { status, body: { statusCode: status, name, message } };
}

async function readBody(req: IncomingMessage): Promise<{ body: unknown; problem?: string }> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  if (raw.length === 0) return { body: undefined };
  try {
    return { body: JSON.parse(raw) };
  } catch {
    return { body: raw, problem: "request body: not valid JSON" };
  }
}

export async function startFakeResend({
  contractFile = RESEND_CONTRACT,
  answerDelayMs = 0,
  keep = "everything",
}: {
  contractFile?: string;
  /** "recipients": keep only each accepted mail's `to` and no request bodies (a million-mail bench would not fit). */
  keep?: "everything" | "recipients";
  /** Wait this long after accepting before answering: a worker killed meanwhile never learns its batch went out. */
  answerDelayMs?: number;
} = {}): Promise<FakeResend> {
  const contract = new OpenApiContract(contractFile);
  const requests: RecordedRequest[] = [];
  const violations: Violation[] = [];
  const accepted: FakeResend["accepted"] = [];
  const failures: { after: number; count: number; failure: InjectedFailure }[] = [];
  const nextFailure = (): InjectedFailure | undefined => {
    const rule = failures[0];
    if (!rule) return undefined;
    if (rule.after > 0) {
      rule.after--;
      return undefined;
    }
    if (--rule.count <= 0) failures.shift();
    return rule.failure;
  };
  const idempotency = new Map<string, { fingerprint: string; answer: Answer }>();

  const accept = (payload: unknown) => {
    const id = randomUUID();
    const p = payload as Record<string, unknown>;
    accepted.push({ id, payload: keep === "everything" ? p : { to: p.to } });
    return id;
  };

  const operations: Record<string, (body: unknown) => Answer> = {
    "emails/send": (body) => ({ status: 200, body: { id: accept(body) } }),
    "emails/send-batch": (body) => {
      const emails = body as unknown[];
      return { status: 200, body: { data: emails.map((e) => ({ id: accept(e) })) } };
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const { body, problem } = await readBody(req);
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]),
    );
    const method = req.method ?? "GET";
    const urlPath = new URL(req.url ?? "/", "http://fake").pathname;
    const check = contract.checkRequest({ method, path: urlPath, headers, body: problem ? undefined : body });
    const problems = [...(problem ? [problem] : []), ...check.problems];
    // Documented in the operation's summary ("up to 100"), not in its schema.
    if (check.operation?.operationId === "emails/send-batch" && Array.isArray(body) && body.length > 100) {
      problems.push(`request body: ${body.length} emails in one batch, at most 100 are allowed`);
    }
    const recorded: RecordedRequest = {
      method,
      path: urlPath,
      headers,
      body: keep === "everything" || problems.length > 0 ? body : undefined,
      operationId: check.operation?.operationId ?? null,
      status: 0,
    };
    requests.push(recorded);

    let answer: Answer;
    const failure = problems.length > 0 ? undefined : nextFailure();
    if (problems.length > 0) {
      violations.push({ request: recorded, problems });
      answer = check.operation
        ? resendError(422, "validation_error", problems.join("; "))
        : resendError(404, "not_found", problems.join("; "));
    } else if (failure) {
      if (failure.status === 429) {
        const name = failure.name ?? "rate_limit_exceeded";
        answer = {
          ...resendError(429, name, errorBodies[name]),
          headers: failure.retryAfter === undefined ? {} : { "retry-after": failure.retryAfter },
        };
      } else {
        answer = resendError(failure.status, "internal_server_error", errorBodies.internal_server_error);
      }
    } else {
      const operation = operations[check.operation!.operationId];
      if (!operation) {
        answer = resendError(501, "not_implemented", `the fake does not implement ${check.operation!.operationId}`);
      } else {
        // Resend replays the first answer for a repeated key with the same payload, and refuses another payload.
        const key = headers["idempotency-key"];
        const fingerprint = createHash("sha256")
          .update(`${urlPath}\n${JSON.stringify(body)}`)
          .digest("hex");
        const stored = key ? idempotency.get(key) : undefined;
        if (stored && stored.fingerprint !== fingerprint) {
          answer = resendError(
            409,
            "invalid_idempotent_request",
            "Same idempotency key used with a different request payload.",
          );
        } else if (stored) {
          answer = stored.answer;
        } else {
          answer = operation(body);
          if (key && answer.status === 200) idempotency.set(key, { fingerprint, answer });
        }
        if (answer.status === 200) {
          const responseProblems = contract.checkResponse(
            check.operation!.pathTemplate,
            method,
            answer.status,
            answer.body,
          );
          if (responseProblems.length > 0)
            violations.push({ request: recorded, problems: responseProblems.map((p) => `fake's own ${p}`) });
        }
      }
    }

    recorded.status = answer.status;
    if (answerDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, answerDelayMs));
    res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
    res.end(JSON.stringify(answer.body));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ statusCode: 500, name: "internal_server_error", message: `fake crashed: ${String(error)}` }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    violations,
    accepted,
    failNext(count, failure, { after = 0 } = {}) {
      if (count > 0) failures.push({ after, count, failure });
    },
    reset() {
      requests.length = 0;
      violations.length = 0;
      accepted.length = 0;
      failures.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
