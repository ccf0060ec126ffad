// The CSRF token of this request's next-auth cookie, for forms rendered on the server (proxy.ts sets the cookie on
// the sign-in pages before they render). Empty when there is none: next-auth then refuses the post as expired.
import "server-only";
import { cookies } from "next/headers";
import { getConfig } from "@/lib/env/config";
import { csrfCookieName, readCsrfToken } from "./csrf-token";

export async function currentCsrfToken(): Promise<string> {
  const { authSecret, publicUrl } = getConfig();
  const value = (await cookies()).get(csrfCookieName(publicUrl.startsWith("https://")))?.value;
  return readCsrfToken(value, authSecret) ?? "";
}
