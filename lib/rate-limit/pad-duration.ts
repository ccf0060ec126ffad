// Makes an answer take at least a fixed time (plus a little random jitter), so its timing says nothing about what the
// server did for it, e.g. whether an address was found on the register.
import { randomInt } from "node:crypto";

export const LINK_REQUEST_MIN_MS = 500;
export const LINK_REQUEST_JITTER_MS = 100;

/** Resolves once `minMs + jitter` have passed since `startedAt` (a performance.now() reading). */
export async function padToMinimumDuration(
  startedAt: number,
  minMs = LINK_REQUEST_MIN_MS,
  jitterMs = LINK_REQUEST_JITTER_MS,
): Promise<void> {
  const target = minMs + (jitterMs > 0 ? randomInt(jitterMs + 1) : 0);
  const remaining = target - (performance.now() - startedAt);
  if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
}
