import "server-only";
import type { DbOrTx } from "@/lib/db/client";

export const OUTBOX_LIST_DEFAULT_LIMIT = 50;
export const OUTBOX_LIST_MAX_LIMIT = 500;

export type OutboxMessageView = {
  id: string;
  to: string[];
  from: string;
  subject: string;
  headers: Record<string, string>;
  html: string;
  text: string;
  createdAt: Date;
};

export type ListOutboxMessagesOptions = {
  db: DbOrTx;
  /** Only messages with this exact recipient address. */
  to?: string;
  limit?: number;
};

const select = {
  id: true,
  to: true,
  from: true,
  subject: true,
  headers: true,
  html: true,
  text: true,
  createdAt: true,
} as const;

/** Mail kept by the outbox transport, newest first. */
export async function listOutboxMessages({
  db,
  to,
  limit = OUTBOX_LIST_DEFAULT_LIMIT,
}: ListOutboxMessagesOptions): Promise<OutboxMessageView[]> {
  const rows = await db.outboxMessage.findMany({
    where: to ? { to: { has: to } } : undefined,
    // Mail of one batch shares a timestamp; the id keeps the order stable.
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(1, Math.trunc(limit)), OUTBOX_LIST_MAX_LIMIT),
    select,
  });
  return rows.map(toView);
}

export function toView(row: {
  id: string;
  to: string[];
  from: string;
  subject: string;
  headers: unknown;
  html: string;
  text: string;
  createdAt: Date;
}): OutboxMessageView {
  return { ...row, headers: asHeaders(row.headers) };
}

function asHeaders(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
}

export { select as outboxMessageSelect };
