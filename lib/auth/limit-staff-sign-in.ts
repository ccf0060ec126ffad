// Staff sign-in link requests, limited per client and per address before anything else happens: a script cannot
// probe which addresses belong to staff, nor fill a staff member's mailbox with sign-in links. A refused request gets
// the same "check your mail" answer as any other, and no mail.
import "server-only";
import type { Db } from "@/lib/db/client";
import { normaliseEmail } from "@/lib/contacts/normalise";
import { consumeRateLimit, type RateLimitResult } from "@/lib/rate-limit/consume-rate-limit";
import { RATE_LIMITS } from "@/lib/rate-limit/limits";

export async function limitStaffSignIn(opts: {
  db: Db;
  email: string;
  /** lib/http/request-client-address.ts */
  clientAddress: string;
  authSecret?: string;
}): Promise<RateLimitResult> {
  const client = await consumeRateLimit({
    db: opts.db,
    rule: RATE_LIMITS.staffSignInClient,
    subject: opts.clientAddress,
    authSecret: opts.authSecret,
  });
  if (!client.ok) return client;
  return consumeRateLimit({
    db: opts.db,
    rule: RATE_LIMITS.staffSignInAddress,
    subject: normaliseEmail(opts.email),
    authSecret: opts.authSecret,
  });
}
