// Who may read /api/metrics: whoever sends `Authorization: Bearer <METRICS_TOKEN>`. Without a configured token the
// endpoint does not exist (not_found), so an unprotected deployment publishes nothing. The comparison is of SHA-256
// digests in constant time: neither the token's characters nor its length can be learnt from response times.
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { fail, ok, type Because, type NotFound, type Ok } from "@/lib/result";

export type MetricsAccess = Ok | NotFound | Because<"forbidden", "missing_token" | "wrong_token">;

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

export function authoriseMetricsScrape(opts: { headers: Headers; token: string | null }): MetricsAccess {
  if (opts.token === null) return fail("not_found");
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(opts.headers.get("authorization") ?? "");
  if (!match) return fail("forbidden", { reason: "missing_token" });
  return timingSafeEqual(digest(match[1]!), digest(opts.token)) ? ok() : fail("forbidden", { reason: "wrong_token" });
}
