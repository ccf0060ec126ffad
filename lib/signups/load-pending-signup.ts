// The confirmation link's page (GET): what the person is about to confirm, and nothing changes. A link scanner that
// opens it confirms nothing; only the button's POST does (confirm-signup.ts).
import type { DbOrTx } from "@/lib/db/client";
import type { Language } from "@/lib/generated/prisma/enums";
import { fail, type Because } from "@/lib/result";
import { isSignupTokenShape, signupTokenHash } from "./signup-token";

export type PendingSignupView =
  | { ok: true; language: Language; topics: { sv: string; en: string }[] }
  | Because<"not_found", "unknown_link" | "expired">;

export async function loadPendingSignup(opts: { db: DbOrTx; token: string; now?: Date }): Promise<PendingSignupView> {
  if (!isSignupTokenShape(opts.token)) return fail("not_found", { reason: "unknown_link" });
  const pending = await opts.db.pendingSignup.findUnique({
    where: { tokenHash: signupTokenHash(opts.token) },
    select: { language: true, topicIds: true, expiresAt: true },
  });
  if (!pending) return fail("not_found", { reason: "unknown_link" });
  if (pending.expiresAt <= (opts.now ?? new Date())) return fail("not_found", { reason: "expired" });
  const topics = await opts.db.topic.findMany({
    where: { id: { in: pending.topicIds } },
    orderBy: [{ sortOrder: "asc" }, { nameSv: "asc" }],
    select: { nameSv: true, nameEn: true },
  });
  return { ok: true, language: pending.language, topics: topics.map((t) => ({ sv: t.nameSv, en: t.nameEn })) };
}
