// The sign-in page's CSP says `form-action 'self'` (next.config.js), and browsers apply form-action to every redirect
// a form submission leads to: next-auth's 302 from the company-account button to the OpenID provider was blocked, so
// the button did nothing. For that one response we answer with a small page that moves on by meta refresh (not a form
// navigation, so form-action does not apply; no script, so it works without JavaScript), keeping next-auth's cookies
// (state, PKCE verifier). The provider's origin comes from next-auth's own redirect, never from the request.
import "server-only";

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The response to send instead of next-auth's, or null to send next-auth's as it is. */
export function providerRedirectPage({ request, response }: { request: Request; response: Response }): Response | null {
  if (request.method !== "POST" || !/\/signin\/oidc\/?$/.test(new URL(request.url).pathname)) return null;
  const location = response.headers.get("Location");
  if (!location || !/^https?:\/\//.test(location)) return null;
  if (new URL(location).origin === new URL(request.url).origin) return null;

  const href = escapeHtml(location);
  const headers = new Headers(response.headers);
  headers.delete("Location");
  headers.delete("Content-Length");
  headers.set("Content-Type", "text/html; charset=utf-8");
  headers.set("Cache-Control", "no-store");
  headers.set("Referrer-Policy", "no-referrer");
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}"><title>Sign in</title></head><body><main><p><a href="${href}">Continue to sign in</a></p></main></body></html>`;
  return new Response(html, { status: 200, headers });
}
