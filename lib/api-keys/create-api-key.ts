// Creates an API key for CRM sync. Who may do this (admins) is decided by the caller; the actor is audited here.
// The full key is returned once and never stored: only the prefix and a SHA-256 hash of the secret are kept.
import { fieldErrorCodes, invalid, type Invalid } from "@/lib/result";
import "server-only";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import type { ApiKeyScope } from "@/lib/generated/prisma/enums";
import { formatKey, generatePrefix, generateSecret, hashSecret } from "./api-key-format";
import { z } from "zod";

export const createApiKeySchema = z.object({
  name: z
    .string({ error: "name_required" })
    .trim()
    .min(1, { error: "name_required" })
    .max(100, { error: "name_too_long" }),
  scope: z.enum(["READ", "WRITE"], { error: "scope_invalid" }),
  /** Empty or absent: the deployment's default (API_RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute: z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : Number(v)),
    z
      .number({ error: "rate_limit_invalid" })
      .int({ error: "rate_limit_invalid" })
      .min(1, { error: "rate_limit_invalid" })
      .max(100_000, { error: "rate_limit_invalid" })
      .nullable(),
  ),
});

export type CreateApiKeyResult = { ok: true; id: string; prefix: string; scope: ApiKeyScope; key: string } | Invalid;

export async function createApiKey(opts: {
  db: Db;
  input: unknown;
  actor: AuditActor;
  /** The staff user who created it, when the actor is staff. */
  createdById?: string | null;
  now?: Date;
}): Promise<CreateApiKeyResult> {
  const parsed = createApiKeySchema.safeParse(opts.input);
  if (!parsed.success) {
    return invalid(fieldErrorCodes(parsed.error));
  }
  const now = opts.now ?? new Date();
  const secret = generateSecret();
  return opts.db.$transaction(async (tx) => {
    // A prefix collision is astronomically unlikely (36^8); retry a few times rather than fail.
    let prefix = generatePrefix();
    for (let i = 0; i < 5 && (await tx.apiKey.findUnique({ where: { prefix }, select: { id: true } })); i++) {
      prefix = generatePrefix();
    }
    const row = await tx.apiKey.create({
      data: {
        name: parsed.data.name,
        prefix,
        secretHash: hashSecret(secret),
        scope: parsed.data.scope,
        rateLimitPerMinute: parsed.data.rateLimitPerMinute,
        createdById: opts.createdById ?? null,
        createdAt: now,
      },
      select: { id: true, prefix: true, scope: true },
    });
    await recordAuditEvent(
      tx,
      {
        actor: opts.actor,
        action: "api_key.created",
        subject: { type: "ApiKey", id: row.id },
        fields: parsed.data.rateLimitPerMinute === null ? ["name", "scope"] : ["name", "scope", "rateLimitPerMinute"],
      },
      now,
    );
    return { ok: true as const, ...row, key: formatKey(row.prefix, secret) };
  });
}
