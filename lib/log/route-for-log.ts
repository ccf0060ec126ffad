// The path of a request as the log may show it: link tokens replaced by ":token", the query string dropped (it can
// hold an address, e.g. /api/dev/mail?to=…, or a sign-in token, e.g. /api/auth/callback/email?token=…). Staff pages'
// record ids stay: they are what an operator needs and say nothing by themselves.
import { RECIPIENT_PATHS } from "@/lib/recipients/build-links";
import { SIGNUP_CONFIRM_PATH } from "@/lib/signups/signup-paths";

// The sign-up confirmation link carries a secret too (lib/signups/signup-token.ts).
const TOKEN_PREFIXES = [...Object.values(RECIPIENT_PATHS), SIGNUP_CONFIRM_PATH].map((p) => `${p}/`);

export function routeForLog(pathname: string): string {
  const path = pathname.split("?")[0] ?? "";
  for (const prefix of TOKEN_PREFIXES) {
    if (path.startsWith(prefix) && path.length > prefix.length) {
      const rest = path.slice(prefix.length).split("/").slice(1);
      return [`${prefix}:token`, ...rest].join("/");
    }
  }
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}
