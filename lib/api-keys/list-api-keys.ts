// API keys for the admin list: never the secret or its hash.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { ApiKeyScope } from "@/lib/generated/prisma/enums";

export type ApiKeySummary = {
  id: string;
  name: string;
  prefix: string;
  scope: ApiKeyScope;
  /** Null: the deployment's default. */
  rateLimitPerMinute: number | null;
  createdAt: Date;
  createdBy: { id: string; email: string; name: string | null } | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export async function listApiKeys(opts: { db: DbOrTx; includeRevoked?: boolean }): Promise<ApiKeySummary[]> {
  return opts.db.apiKey.findMany({
    where: opts.includeRevoked === false ? { revokedAt: null } : {},
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      scope: true,
      rateLimitPerMinute: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      createdBy: { select: { id: true, email: true, name: true } },
    },
  });
}
