// Checks the "Authorization: Bearer tk_..." header of an /api/v1 request: known prefix, matching secret (constant-time
// comparison of SHA-256 hashes), not revoked, and a scope that allows the operation (READ for reads, WRITE for
// writes; a WRITE key may also read). Records the last use at most once a minute, so a busy CRM does not cause a
// write per request.
import "server-only";
import { timingSafeEqual } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { ApiKeyScope } from "@/lib/generated/prisma/enums";
import { hashSecret, parseKey } from "./api-key-format";

export const LAST_USED_RESOLUTION_MS = 60_000;

export type VerifyApiKeyResult =
  | { ok: true; key: { id: string; scope: ApiKeyScope; rateLimitPerMinute: number | null } }
  | { ok: false; code: "unauthorized" | "forbidden" };

// Compared against when the prefix is unknown, so an unknown prefix costs the same as a wrong secret.
const DUMMY_HASH = hashSecret("tillit-no-such-key");

export function bearerToken(authorization: string | null): string | null {
  if (!authorization) return null;
  const m = /^Bearer ([^\s]+)$/i.exec(authorization.trim());
  return m?.[1] ?? null;
}

export async function verifyApiKey(opts: {
  db: Db;
  authorization: string | null;
  required: ApiKeyScope;
  now?: Date;
}): Promise<VerifyApiKeyResult> {
  const token = bearerToken(opts.authorization);
  const parsed = token ? parseKey(token) : null;
  if (!parsed) return { ok: false, code: "unauthorized" };

  const row = await opts.db.apiKey.findUnique({
    where: { prefix: parsed.prefix },
    select: { id: true, secretHash: true, scope: true, revokedAt: true, lastUsedAt: true, rateLimitPerMinute: true },
  });
  const expected = Buffer.from(row?.secretHash ?? DUMMY_HASH, "hex");
  const presented = Buffer.from(hashSecret(parsed.secret), "hex");
  const matches = expected.length === presented.length && timingSafeEqual(expected, presented);
  if (!row || !matches || row.revokedAt) return { ok: false, code: "unauthorized" };
  if (opts.required === "WRITE" && row.scope !== "WRITE") return { ok: false, code: "forbidden" };

  const now = opts.now ?? new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // Conditional, so two concurrent requests do not both write.
    await opts.db.apiKey.updateMany({
      where: {
        id: row.id,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }],
      },
      data: { lastUsedAt: now },
    });
  }
  return { ok: true, key: { id: row.id, scope: row.scope, rateLimitPerMinute: row.rateLimitPerMinute } };
}
