// The Resend connector's calls to Resend's contacts and topics API, through the official SDK. Every call first takes
// a slot from the same pacer as sending (`reserveSendSlot`): Resend's rate limit is per team, so a burst of opt-outs
// slows a running mailing down instead of earning both of them 429s. Errors come back as typed results, classified
// like the mail transport's (retry or not, Retry-After), never as thrown exceptions or matched message strings.
import "server-only";
import { Resend } from "resend";
import type { DbOrTx } from "@/lib/db/client";
import { reserveSendSlot } from "@/lib/mailings/pipeline/reserve-send-slot";
import { classifyProviderError, parseRetryAfter, type ProviderError } from "@/lib/mail/retry-policy";
import { RESEND_API_URL } from "@/lib/mail/resend-transport";
import type { MailErrorCode } from "@/lib/mail/types";

export type TopicSubscription = { id: string; subscription: "opt_in" | "opt_out" };

export type ConnectorFailure = {
  ok: false;
  code: MailErrorCode | "not_found";
  retry: boolean;
  retryAfterMs?: number;
  status: number | null;
};
export type ConnectorResult<T> = { ok: true; data: T } | ConnectorFailure;

export type ResendContactsClient = {
  findContact(ref: { id: string } | { email: string }): Promise<ConnectorResult<{ id: string; email: string } | null>>;
  createContact(input: {
    email: string;
    unsubscribed: boolean;
    topics: TopicSubscription[];
  }): Promise<ConnectorResult<{ id: string }>>;
  setUnsubscribed(id: string, unsubscribed: boolean): Promise<ConnectorResult<"done" | "missing">>;
  setTopics(id: string, topics: TopicSubscription[]): Promise<ConnectorResult<"done" | "missing">>;
  removeContact(id: string): Promise<ConnectorResult<"done" | "missing">>;
};

type SdkResponse<T> =
  | { data: T; error: null; headers: Record<string, string> | null }
  | { data: null; error: ProviderError; headers: Record<string, string> | null };

function failure(response: { error: ProviderError; headers: Record<string, string> | null }): ConnectorFailure {
  const status = response.error.statusCode;
  if (status === 404 || response.error.name === "not_found")
    return { ok: false, code: "not_found", retry: false, status };
  const { code, retry } = classifyProviderError(response.error);
  const retryAfterMs = parseRetryAfter(response.headers?.["retry-after"] ?? undefined);
  return { ok: false, code, retry, status, ...(retryAfterMs !== undefined && { retryAfterMs }) };
}

/** A 404 is an answer here (the contact is not at Resend), not a failure. */
function orMissing<T>(response: SdkResponse<T>): ConnectorResult<"done" | "missing"> {
  if (response.error === null) return { ok: true, data: "done" };
  const f = failure(response);
  return f.code === "not_found" ? { ok: true, data: "missing" } : f;
}

export function createResendContactsClient(opts: {
  db: DbOrTx;
  apiKey: string;
  baseUrl?: string;
  /** Calls per second shared with sending (RESEND_RATE_LIMIT); 0 turns pacing off (tests). */
  ratePerSecond: number;
}): ResendContactsClient {
  const resend = new Resend(opts.apiKey, { baseUrl: opts.baseUrl ?? RESEND_API_URL });
  const paced = async <T>(call: () => Promise<T>): Promise<T> => {
    await reserveSendSlot(opts.db, opts.ratePerSecond);
    return call();
  };

  return {
    async findContact(ref) {
      const response = (await paced(() =>
        resend.contacts.get("id" in ref ? { id: ref.id } : { email: ref.email }),
      )) as SdkResponse<{ id: string; email: string }>;
      if (response.error === null) return { ok: true, data: { id: response.data.id, email: response.data.email } };
      const f = failure(response);
      return f.code === "not_found" ? { ok: true, data: null } : f;
    },
    async createContact(input) {
      const response = (await paced(() =>
        resend.contacts.create({
          email: input.email,
          unsubscribed: input.unsubscribed,
          ...(input.topics.length > 0 && { topics: input.topics }),
        }),
      )) as SdkResponse<{ id: string }>;
      return response.error === null ? { ok: true, data: { id: response.data.id } } : failure(response);
    },
    async setUnsubscribed(id, unsubscribed) {
      return orMissing(await paced(() => resend.contacts.update({ id, unsubscribed })));
    },
    async setTopics(id, topics) {
      if (topics.length === 0) return { ok: true, data: "done" };
      return orMissing(await paced(() => resend.contacts.topics.update({ id, topics })));
    },
    async removeContact(id) {
      return orMissing(await paced(() => resend.contacts.remove({ id })));
    },
  };
}
