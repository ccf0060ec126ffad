// next-auth 4's endpoints (sign-in, callback, session, sign-out, csrf). Redirects next-auth builds from its fallback
// base (NEXTAUTH_URL unset) are made relative, so the browser stays on the host it came from. The email callback is
// POST only, with a CSRF token (guardEmailCallback): opening a sign-in link never spends it.
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { guardEmailCallback } from "@/lib/auth/guard-email-callback";
import { providerRedirectPage } from "@/lib/auth/provider-redirect-page";
import { relativeToFallback } from "@/lib/auth/public-url";
import { getConfig } from "@/lib/env/config";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handle(req: NextRequest, context: Context): Promise<Response> {
  const { authSecret, publicUrl } = getConfig();
  const guarded = await guardEmailCallback({
    request: req,
    secret: authSecret,
    secureCookies: publicUrl.startsWith("https://"),
  });
  if (guarded) return guarded;
  const response: Response = await NextAuth(req, context, getAuthOptions());
  const toProvider = providerRedirectPage({ request: req, response });
  if (toProvider) return toProvider;
  const location = response.headers.get("Location");
  if (location) response.headers.set("Location", relativeToFallback(location));
  if (response.headers.get("Content-Type")?.includes("application/json")) {
    const body = await response.clone().text();
    if (body.includes('"url"')) {
      const parsed = JSON.parse(body) as { url?: string };
      if (typeof parsed.url === "string") {
        const headers = new Headers(response.headers);
        headers.delete("Content-Length");
        return new Response(JSON.stringify({ ...parsed, url: relativeToFallback(parsed.url) }), {
          status: response.status,
          headers,
        });
      }
    }
  }
  return response;
}

export { handle as GET, handle as POST };
