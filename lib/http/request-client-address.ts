// The client address of the current request (route handler, server action or next-auth callback), by the rule in
// client-address.ts with the configured TRUSTED_PROXY_COUNT. "unknown" when it cannot be told: all such requests then
// share one per-client allowance, so a missing address never means no limit.
import "server-only";
import { headers } from "next/headers";
import { getConfig } from "@/lib/env/config";
import { clientAddressFrom } from "./client-address";
import { peerAddressFrom } from "./peer-address";

let warned = false;

export async function requestClientAddress(): Promise<string> {
  const h = await headers();
  const address = clientAddressFrom({
    forwardedFor: h.get("x-forwarded-for"),
    peer: peerAddressFrom(h),
    trustedProxyCount: getConfig().trustedProxyCount,
  });
  if (!address && !warned) {
    warned = true;
    console.warn("client address unknown (peer-address hook not installed?): per-client limits are shared");
  }
  return address ?? "unknown";
}
