// Download of the person's own data (GDPR Art. 20) as JSON or CSV. A POST from a button on /me: producing a copy is
// recorded (audit and PORTABILITY request), and GET must never change state. The session cookie is SameSite=Lax, so
// another site cannot make the browser send it with a POST; the Sec-Fetch-Site and Origin checks are a second lock.
import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { exportContactData } from "@/lib/export/export-contact-data";
import { currentRecipient } from "@/lib/recipients/current-recipient";
import { isOffered, offeredOrDefault } from "@/lib/i18n/languages";
import { offeredLanguages } from "@/lib/i18n/offered-languages";

const HEADERS = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Content-Type-Options": "nosniff" };

export async function POST(request: NextRequest) {
  if (!sameOrigin(request)) return new NextResponse("Forbidden", { status: 403, headers: HEADERS });
  const format = request.nextUrl.searchParams.get("format") === "csv" ? "csv" : "json";
  const recipient = await currentRecipient();
  // No session: back to /me, which explains that the session ended and how to get a new link.
  if (!recipient) return NextResponse.redirect(new URL("/me", getConfig().publicUrl), 303);
  // The page's language (its forms send ?lang=), else the person's own.
  const asked = request.nextUrl.searchParams.get("lang");
  const offered = offeredLanguages();
  const lang = isOffered(asked, offered) ? asked : offeredOrDefault(recipient.contact.language, offered);
  const result = await exportContactData({ db: await getDb(), contactId: recipient.contact.id, format, lang });
  if (!result.ok) return NextResponse.redirect(new URL("/me", getConfig().publicUrl), 303);
  return new NextResponse(result.body, {
    status: 200,
    headers: {
      ...HEADERS,
      "Content-Type": result.contentType,
      "Content-Disposition": `attachment; filename="${result.filename}"`,
    },
  });
}

/**
 * Pages under /me send no referrer, so browsers post their forms with "Origin: null"; Sec-Fetch-Site still tells a
 * same-origin form from another site's. Either signal from another site refuses the request.
 */
function sameOrigin(request: NextRequest): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return true;
  return origin === new URL(getConfig().publicUrl).origin || origin === request.nextUrl.origin;
}

export function GET() {
  return new NextResponse("Method Not Allowed", { status: 405, headers: { ...HEADERS, Allow: "POST" } });
}
