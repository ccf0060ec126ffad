// A local stand-in for the Resend API (127.0.0.1, random port) for tests that run the real SDK. Every request is
// checked against Resend's published OpenAPI description (tests/contracts/resend-openapi.yaml); a request that breaks
// it gets 422 and is kept in `violations`, so a test can assert there were none. Answers follow the documented
// response schemas (checked too). It can be told to answer 429 (with retry-after) or 500 for the next N requests, and
// it replays answers for a repeated Idempotency-Key the way Resend does. It can also be down for a while (failFor) or
// accept mail and answer too late (answerLateNext).
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
  /** Resend's audience: contacts by id, as created, updated and removed through /contacts (the Resend connector). */
  contacts: Map<string, FakeContact>;
  /** Topics at Resend (the connector maps Tillit's topics onto their ids). */
  topics: Map<string, { id: string; name: string; default_subscription: "opt_in" | "opt_out" }>;
  /** `count` valid requests (after letting `after` more through) get this answer instead of being processed. */
  failNext(count: number, failure: InjectedFailure, options?: { after?: number }): void;
  /** Every valid request gets this answer for the next `ms` (an outage); `failFor(0, …)` ends it. */
  failFor(ms: number, failure: InjectedFailure): void;
  /** The next `count` mail requests are processed (mail accepted) but answered only after `ms`: a client with a
   * shorter timeout never learns its mail went out. */
  answerLateNext(count: number, ms: number): void;
  /** Forgets every idempotency key, as Resend does 24 hours after a request. */
  forgetKeys(): void;
  /** Forgets recorded requests, violations, accepted mail and pending failures; keeps the idempotency store, as
   * Resend keeps keys for 24 hours whatever a test does. */
  reset(): void;
  close(): Promise<void>;
};

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

export type FakeContact = {
  id: string;
  email: string;
  first_name?: string;
  last_name?: string;
  unsubscribed: boolean;
  created_at: string;
  /** Topic id → the contact's subscription to it. */
  topics: Map<string, "opt_in" | "opt_out">;
};

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

/**
 * The one place the fake departs from the OpenAPI file: it describes PATCH /contacts/{id}/topics with a body
 * `{ "topics": [...] }`, while Resend's official SDKs send the array itself (resend-node 6.38
 * `contact-topics.ts`: `this.resend.patch(url, payload.topics)`; resend-java #66: "body includes only the topics
 * array"), which is what the API they are released against takes. The array is checked against the documented item
 * schema by wrapping it as the file describes; anything else is checked as sent.
 */
function asDocumented(method: string, urlPath: string, body: unknown): unknown {
  return method === "PATCH" && /^\/contacts\/[^/]+\/topics$/.test(urlPath) && Array.isArray(body)
    ? { topics: body }
    : body;
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
  let outage: { until: number; failure: InjectedFailure } | null = null;
  let late = { count: 0, ms: 0 };
  const nextFailure = (): InjectedFailure | undefined => {
    if (outage && Date.now() < outage.until) return outage.failure;
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

  const contacts = new Map<string, FakeContact>();
  const topics: FakeResend["topics"] = new Map();
  // Resend addresses a contact by its id or its email address.
  const findContact = (idOrEmail: string) =>
    contacts.get(idOrEmail) ?? [...contacts.values()].find((c) => c.email === idOrEmail.toLowerCase());
  const contactNotFound = () => resendError(404, "not_found", "Contact not found");
  type ContactBody = {
    email?: string;
    first_name?: string;
    last_name?: string;
    unsubscribed?: boolean;
    topics?: { id?: string; subscription?: "opt_in" | "opt_out" }[];
  };
  const setTopics = (contact: FakeContact, list: ContactBody["topics"]) => {
    for (const t of list ?? []) {
      if (!t.id || !t.subscription) continue;
      if (!topics.has(t.id)) return resendError(404, "not_found", `Topic ${t.id} not found`);
      contact.topics.set(t.id, t.subscription);
    }
    return null;
  };

  const operations: Record<string, (body: unknown, params: Record<string, string>) => Answer> = {
    "emails/send": (body) => ({ status: 200, body: { id: accept(body) } }),
    "emails/send-batch": (body) => {
      const emails = body as unknown[];
      return { status: 200, body: { data: emails.map((e) => ({ id: accept(e) })) } };
    },
    "contacts/create": (body) => {
      const b = body as ContactBody;
      const email = (b.email ?? "").toLowerCase();
      if (findContact(email)) return resendError(409, "conflict", "Contact already exists");
      const contact: FakeContact = {
        id: randomUUID(),
        email,
        first_name: b.first_name,
        last_name: b.last_name,
        unsubscribed: b.unsubscribed ?? false,
        created_at: new Date().toISOString(),
        topics: new Map(),
      };
      const refused = setTopics(contact, b.topics);
      if (refused) return refused;
      contacts.set(contact.id, contact);
      return { status: 201, body: { object: "contact", id: contact.id } };
    },
    "contacts/get": (_body, params) => {
      const c = findContact(params.id ?? "");
      if (!c) return contactNotFound();
      const body = {
        object: "contact",
        id: c.id,
        email: c.email,
        unsubscribed: c.unsubscribed,
        created_at: c.created_at,
      };
      return { status: 200, body: { ...body, first_name: c.first_name, last_name: c.last_name, properties: {} } };
    },
    "contacts/update": (body, params) => {
      const c = findContact(params.id ?? "");
      if (!c) return contactNotFound();
      const b = body as ContactBody;
      if (b.email !== undefined) c.email = b.email.toLowerCase();
      if (b.first_name !== undefined) c.first_name = b.first_name;
      if (b.last_name !== undefined) c.last_name = b.last_name;
      if (b.unsubscribed !== undefined) c.unsubscribed = b.unsubscribed;
      return { status: 200, body: { object: "contact", id: c.id } };
    },
    "contacts/remove": (_body, params) => {
      const c = findContact(params.id ?? "");
      if (!c) return contactNotFound();
      contacts.delete(c.id);
      return { status: 200, body: { object: "contact", id: c.id, deleted: true } };
    },
    "contacts/update-topics": (body, params) => {
      const c = findContact(params.contact_id ?? "");
      if (!c) return contactNotFound();
      const refused = setTopics(
        c,
        Array.isArray(body) ? (body as ContactBody["topics"]) : (body as ContactBody).topics,
      );
      if (refused) return refused;
      const list = [...c.topics].map(([id, subscription]) => ({ id, subscription }));
      return { status: 200, body: { object: "contact_topics", contact_id: c.id, topics: list } };
    },
    "contacts/list-topics": (_body, params) => {
      const c = findContact(params.contact_id ?? "");
      if (!c) return contactNotFound();
      const data = [...c.topics].map(([id, subscription]) => ({ id, name: topics.get(id)?.name ?? id, subscription }));
      return { status: 200, body: { object: "list", has_more: false, data } };
    },
    "topics/create": (body) => {
      const b = body as { name: string; default_subscription: "opt_in" | "opt_out" };
      const id = randomUUID();
      topics.set(id, { id, name: b.name, default_subscription: b.default_subscription });
      return { status: 201, body: { object: "topic", id } };
    },
    "topics/list": () => {
      const data = [...topics.values()].map((t) => ({
        ...t,
        visibility: "private",
        created_at: new Date().toISOString(),
      }));
      return { status: 200, body: { object: "list", has_more: false, data } };
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const { body, problem } = await readBody(req);
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]),
    );
    const method = req.method ?? "GET";
    const urlPath = new URL(req.url ?? "/", "http://fake").pathname;
    const check = contract.checkRequest({
      method,
      path: urlPath,
      headers,
      body: problem ? undefined : asDocumented(method, urlPath, body),
    });
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
          answer = operation(body, check.operation!.params);
          if (key && answer.status === 200) idempotency.set(key, { fingerprint, answer });
        }
        if (answer.status === 200 || answer.status === 201) {
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
    let delay = answerDelayMs;
    if (late.count > 0 && answer.status === 200 && urlPath.startsWith("/emails")) {
      late.count--;
      delay = Math.max(delay, late.ms);
    }
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (res.destroyed) return;
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
    contacts,
    topics,
    failNext(count, failure, { after = 0 } = {}) {
      if (count > 0) failures.push({ after, count, failure });
    },
    failFor(ms, failure) {
      outage = ms > 0 ? { until: Date.now() + ms, failure } : null;
    },
    answerLateNext(count, ms) {
      late = { count, ms };
    },
    forgetKeys() {
      idempotency.clear();
    },
    reset() {
      requests.length = 0;
      violations.length = 0;
      accepted.length = 0;
      failures.length = 0;
      outage = null;
      late = { count: 0, ms: 0 };
      contacts.clear();
      topics.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
