// next-auth 4 signs in on a GET of the emailed callback URL, so a link scanner (Safe Links, Mimecast) that opens the
// link spends it before the person can. Here the email callback is POST only: a GET or HEAD is sent, unspent, to the
// page with the sign-in button, and a POST must carry the form's CSRF token (next-auth checks none on this callback,
// which would let another site sign a browser in with the attacker's own link).
import "server-only";
import type { NextRequest } from "next/server";
import { csrfCookieName, csrfTokenMatches } from "./csrf-token";
import { SIGN_IN_CONFIRM_PATH } from "./public-url";

const EMAIL_CALLBACK = /\/callback\/email\/?$/;

/** A response to send instead of next-auth's, or null to let next-auth handle the request. */
export async function guardEmailCallback({
  request,
  secret,
  secureCookies,
}: {
  request: NextRequest;
  secret: string;
  secureCookies: boolean;
}): Promise<Response | null> {
  if (!EMAIL_CALLBACK.test(request.nextUrl.pathname)) return null;
  const confirmPage = `${SIGN_IN_CONFIRM_PATH}${request.nextUrl.search}`;
  const seeOther = (location: string) =>
    new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });

  if (request.method !== "POST") return seeOther(confirmPage);

  let posted: FormDataEntryValue | null = null;
  try {
    posted = (await request.clone().formData()).get("csrfToken");
  } catch {
    // not a form: refused below
  }
  const cookie = request.cookies.get(csrfCookieName(secureCookies))?.value;
  if (!csrfTokenMatches(cookie, posted, secret)) {
    const separator = request.nextUrl.search ? "&" : "?";
    return seeOther(`${confirmPage}${separator}csrf=true`);
  }
  return null;
}
