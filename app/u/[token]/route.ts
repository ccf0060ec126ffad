// The List-Unsubscribe URL (RFC 8058, RFC 2369). POST with body "List-Unsubscribe=One-Click" (urlencoded or
// multipart), no cookies, no CSRF token: unsubscribes at once and answers 200, never a redirect. GET and HEAD (link
// scanners, people clicking the link) only show a page with a button; the button posts the same body here.
import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { KIB, readLimitedBody } from "@/lib/http/read-limited-body";
import { decideLanguage, LANG_COOKIE, type Language } from "@/lib/i18n/languages";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import { translatorFor } from "@/lib/i18n/translator";
import { loggerFor } from "@/lib/log/logger";
import { preferencesUrl } from "@/lib/recipients/build-links";
import { resolveLink, type LinkProblem } from "@/lib/recipients/resolve-link";
import { loadOneClickView } from "@/lib/subscriptions/load-one-click-view";
import { oneClickTarget, oneClickUnsubscribe } from "@/lib/subscriptions/one-click-unsubscribe";
import { renderOneClickDocument, type OneClickDocumentProps } from "./one-click-document";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };

/** "List-Unsubscribe=One-Click", urlencoded or multipart, is well under 1 KB; anything over 4 KB is not one-click. */
const ONE_CLICK_MAX_BODY_BYTES = 4 * KIB;

const NO_STORE = {
  "Cache-Control": "private, no-store",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
};

/** Machine answers: a code, never an internal message. */
const PROBLEM_STATUS: Record<LinkProblem | "bad_request", number> = {
  bad_request: 400,
  invalid: 400,
  expired: 410,
  revoked: 410,
  unknown_contact: 410,
  spent: 410,
};

async function html(status: number, props: OneClickDocumentProps): Promise<Response> {
  return new Response(await renderOneClickDocument(props), {
    status,
    headers: { ...NO_STORE, "Content-Type": "text/html; charset=utf-8" },
  });
}

function json(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

function requestLanguage(request: NextRequest, own?: Language): Language {
  return decideLanguage(
    {
      query: request.nextUrl.searchParams.get("lang"),
      cookie: request.cookies.get(LANG_COOKIE)?.value,
      stored: own ?? null,
      acceptLanguage: request.headers.get("accept-language"),
    },
    offeredLanguages(),
  );
}

/** The same URL in each offered language; none when the deployment offers one. */
function languageLinks(token: string): OneClickDocumentProps["languageLinks"] {
  const offered = offeredLanguages();
  return offered.length > 1 ? offered.map((lang) => ({ lang, href: selfUrl(token, lang) })) : undefined;
}

function selfUrl(token: string, lang?: Language): string {
  return `/u/${encodeURIComponent(token)}${lang ? `?lang=${lang}` : ""}`;
}

function problemPage(status: number, problem: LinkProblem | "bad_request", lang: Language, token: string) {
  const m = translatorFor(lang);
  const kind = problem === "bad_request" ? "invalid" : problem;
  return html(status, {
    lang,
    title: m(`linkPages.problem.${kind}.heading`),
    heading: m(`linkPages.problem.${kind}.heading`),
    paragraphs: [m(`linkPages.problem.${kind}.text`), m("linkPages.problem.requestIntro")],
    link: { href: `/preferences?lang=${lang}`, text: m("linkPages.problem.requestLink") },
    languageLinks: languageLinks(token),
    languageNav: m("layout.languageNav"),
  });
}

function unavailablePage(lang: Language) {
  const m = translatorFor(lang);
  return html(503, {
    lang,
    title: m("error.heading"),
    heading: m("error.heading"),
    paragraphs: [m("error.text")],
    languageNav: m("layout.languageNav"),
  });
}

async function questionPage(request: NextRequest, token: string): Promise<Response> {
  try {
    const db = await getDb();
    const link = await resolveLink({ db, token, scopes: ["unsubscribe"], keys: getConfig().linkKeys });
    if (!link.ok) return await problemPage(200, link.problem, requestLanguage(request), token);
    const view = await loadOneClickView({ db, contactId: link.contactId, target: oneClickTarget(link.claims.extra) });
    if (!view) return await problemPage(200, "unknown_contact", requestLanguage(request), token);
    const lang = requestLanguage(request, view.language);
    const m = translatorFor(lang);
    const t = m;
    const all = oneClickTarget(link.claims.extra).kind === "all";
    const heading = all
      ? t("linkPages.oneClick.headingAll")
      : t("linkPages.oneClick.headingTopic", {
          name: view.topic ? view.topic[lang] : t("linkPages.oneClick.unknownTopic"),
        });
    return await html(200, {
      lang,
      title: t("linkPages.oneClick.title"),
      heading,
      paragraphs: [t("linkPages.oneClick.intro")],
      form: { action: selfUrl(token, lang), button: t("linkPages.oneClick.button") },
      languageLinks: languageLinks(token),
      languageNav: m("layout.languageNav"),
    });
  } catch (e) {
    loggerFor(request).error({ route: "one-click", method: "GET", err: e }, "one-click page failed");
    return unavailablePage(requestLanguage(request));
  }
}

export async function GET(request: NextRequest, context: Context): Promise<Response> {
  const { token } = await context.params;
  return questionPage(request, token);
}

export async function HEAD(request: NextRequest, context: Context): Promise<Response> {
  const { token } = await context.params;
  const page = await questionPage(request, token);
  return new Response(null, { status: page.status, headers: page.headers });
}

export async function POST(request: NextRequest, context: Context): Promise<Response> {
  const { token } = await context.params;
  // The page's own button sends Accept: text/html; mail providers' one-click POSTs do not.
  const browser = (request.headers.get("accept") ?? "").includes("text/html");
  const refuse = (problem: LinkProblem | "bad_request") =>
    browser
      ? problemPage(PROBLEM_STATUS[problem], problem, requestLanguage(request), token)
      : json(PROBLEM_STATUS[problem], { ok: false, code: problem === "bad_request" ? problem : `${problem}_link` });

  // Before parsing and before the token is checked: at most 4 KB is read, with or without Content-Length.
  const raw = await readLimitedBody(request, ONE_CLICK_MAX_BODY_BYTES);
  if (!raw.ok) return json(413, { ok: false, code: "payload_too_large" });
  let body: FormData;
  try {
    const type = request.headers.get("content-type") ?? "";
    body = await new Response(raw.bytes, { headers: { "Content-Type": type } }).formData();
  } catch {
    return await refuse("bad_request");
  }
  if (body.get("List-Unsubscribe") !== "One-Click") return await refuse("bad_request");

  try {
    const db = await getDb();
    const config = getConfig();
    const link = await resolveLink({ db, token, scopes: ["unsubscribe"], keys: config.linkKeys });
    if (!link.ok) return await refuse(link.problem);
    const target = oneClickTarget(link.claims.extra);
    const result = await oneClickUnsubscribe({
      db,
      contactId: link.contactId,
      target,
      suppressionKey: config.suppressionKey,
    });
    if (!result.ok) return await refuse("unknown_contact");
    if (!browser) return json(200, { ok: true, unsubscribed: result.target });

    const view = await loadOneClickView({ db, contactId: link.contactId, target });
    const lang = requestLanguage(request, view?.language);
    const m = translatorFor(lang);
    const t = m;
    const topicName = view?.topic ? view.topic[lang] : t("linkPages.oneClick.unknownTopic");
    const contact = { id: link.contactId, tokenVersion: link.claims.tokenVersion };
    return await html(200, {
      lang,
      title: t("linkPages.oneClick.doneHeading"),
      heading: t("linkPages.oneClick.doneHeading"),
      status:
        target.kind === "all"
          ? t("linkPages.oneClick.doneAll")
          : t("linkPages.oneClick.doneTopic", { name: topicName }),
      paragraphs: [],
      link: { href: `${preferencesUrl(config, contact)}?lang=${lang}`, text: t("linkPages.oneClick.manage") },
      languageNav: m("layout.languageNav"),
    });
  } catch (e) {
    // Mail providers retry a failed one-click POST; the log says why it failed (kind and code, never the token).
    loggerFor(request).error({ route: "one-click", method: "POST", err: e }, "one-click unsubscribe failed");
    return browser ? unavailablePage(requestLanguage(request)) : json(503, { ok: false, code: "unavailable" });
  }
}
