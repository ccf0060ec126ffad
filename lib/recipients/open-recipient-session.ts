// Sets and clears the recipient session cookie (tillit_rs) that a spent step-up link opens. Only server actions and
// route handlers may call these (cookies can be written only there).
import "server-only";
import { cookies } from "next/headers";
import { getConfig } from "@/lib/env/config";
import { RECIPIENT_SESSION_MS } from "@/lib/tokens/scopes";
import { encodeRecipientSession, RECIPIENT_SESSION_COOKIE } from "./recipient-session";

function cookieOptions(publicUrl: string) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    // Secure whenever the app is served over https; plain http only for local and test servers.
    secure: publicUrl.startsWith("https://"),
    path: "/",
  };
}

export async function openRecipientSession(subject: { id: string; tokenVersion: number }, now = new Date()) {
  const config = getConfig();
  const { value } = encodeRecipientSession(
    { contactId: subject.id, tokenVersion: subject.tokenVersion },
    config.authSecret,
    now,
  );
  (await cookies()).set(RECIPIENT_SESSION_COOKIE, value, {
    ...cookieOptions(config.publicUrl),
    maxAge: RECIPIENT_SESSION_MS / 1000,
  });
}

export async function closeRecipientSession() {
  (await cookies()).set(RECIPIENT_SESSION_COOKIE, "", { ...cookieOptions(getConfig().publicUrl), maxAge: 0 });
}
