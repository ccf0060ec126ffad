// Revokes an API key at once; a revoked key is refused by verifyApiKey. Authorisation (admins) is the caller's.
import "server-only";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";

export type RevokeApiKeyResult = { ok: true; changed: boolean } | { ok: false; code: "not_found" };

export async function revokeApiKey(opts: {
  db: Db;
  id: string;
  actor: AuditActor;
  now?: Date;
}): Promise<RevokeApiKeyResult> {
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id: opts.id }, select: { id: true, revokedAt: true } });
    if (!key) return { ok: false as const, code: "not_found" as const };
    if (key.revokedAt) return { ok: true as const, changed: false };
    await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: now } });
    await recordAuditEvent(
      tx,
      { actor: opts.actor, action: "api_key.revoked", subject: { type: "ApiKey", id: key.id }, fields: ["revokedAt"] },
      now,
    );
    return { ok: true as const, changed: true };
  });
}
