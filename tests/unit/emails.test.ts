// The templates render to HTML and text in both languages, with the footer's links and reason, from props alone.
import { createElement } from "react";
import { render } from "react-email";
import { describe, expect, it } from "vitest";
import { EmailFooter, footerPreviewProps } from "@/emails/components/footer";
import MailingEmail from "@/emails/mailing";
import SecureLinkEmail, { secureLinkSubject } from "@/emails/secure-link";
import { renderMail } from "@/lib/mail/render-mail";

const footer = {
  preferencesUrl: "https://prefs.example.com/p/tok-9",
  unsubscribeUrl: "https://prefs.example.com/u/tok-9",
};

/** Structural accessibility checks that hold for every mail. */
function expectAccessibleHtml(html: string, language: "sv" | "en") {
  expect(html).toContain(`<html dir="ltr" lang="${language}">`);
  expect(html).toMatch(new RegExp(`<body[^>]*lang="${language}"`));
  expect(html.match(/<title>/g)).toHaveLength(1);
  expect(html.match(/<h1\b/g)).toHaveLength(1);
  // Every link is a real link with an absolute https URL.
  const hrefs = [...html.matchAll(/<a\b[^>]*href="([^"]*)"/g)].map((m) => m[1]);
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(/^https:\/\//);
}

describe("secure-link mail", () => {
  const url = "https://prefs.example.com/s/tok-abc";

  it.each([
    ["sv", "Här är din säkra länk", "Den gäller i 20 minuter.", "Öppna den säkra länken", "Din säkra länk"],
    ["en", "Here is your secure link", "It is valid for 20 minutes.", "Open the secure link", "Your secure link"],
  ] as const)("renders HTML and text in %s", async (language, heading, validity, button, subject) => {
    const { html, text } = await renderMail(createElement(SecureLinkEmail, { url, expiresInMinutes: 20, language }));
    expectAccessibleHtml(html, language);
    expect(html).toContain(`<title>${subject}</title>`);
    expect(html).toContain(heading);
    expect(html).toContain(validity);
    // The button and the copy-paste fallback both point at the link.
    expect(html.match(new RegExp(`href="${url}"`, "g"))).toHaveLength(2);
    expect(text).toContain(heading.toUpperCase());
    expect(text).toContain(validity);
    expect(text).toContain(`${button} ${url}`);
    expect(text).not.toMatch(/<[a-z]/i);
    expect(secureLinkSubject(language)).toBe(subject);
  });

  it("uses the singular for one minute", async () => {
    expect(
      await render(createElement(SecureLinkEmail, { url, expiresInMinutes: 1, language: "sv" }), { plainText: true }),
    ).toContain("Den gäller i 1 minut.");
    expect(
      await render(createElement(SecureLinkEmail, { url, expiresInMinutes: 1, language: "en" }), { plainText: true }),
    ).toContain("It is valid for 1 minute.");
  });

  it("has no unsubscribe footer (transactional mail)", async () => {
    const html = await render(createElement(SecureLinkEmail, { url, expiresInMinutes: 5, language: "en" }));
    expect(html).not.toMatch(/unsubscribe/i);
  });
});

describe("mailing", () => {
  it.each([
    ["sv", "Du får detta som systemadministratör på Acme AB.", "Hantera dina utskick", "Avsluta prenumerationen"],
    ["en", "You receive this as system administrator at Acme AB.", "Manage your preferences", "Unsubscribe"],
  ] as const)("renders heading, paragraphs and footer in %s", async (language, reason, preferences, unsubscribe) => {
    const { html, text } = await renderMail(
      createElement(MailingEmail, {
        language,
        heading: "Nyheter i december",
        paragraphs: ["Första stycket.", "Andra stycket."],
        reason,
        ...footer,
      }),
    );
    expectAccessibleHtml(html, language);
    expect(html).toContain("<title>Nyheter i december</title>");
    expect(html).toContain("Första stycket.");
    expect(html).toContain("Andra stycket.");
    expect(html).toContain(reason);
    expect(html).toMatch(new RegExp(`<a href="${footer.preferencesUrl}"[^>]*>${preferences}</a>`));
    expect(html).toMatch(new RegExp(`<a href="${footer.unsubscribeUrl}"[^>]*>${unsubscribe}</a>`));
    expect(text).toContain("Andra stycket.");
    expect(text).toContain(reason);
    expect(text).toContain(`${preferences} ${footer.preferencesUrl}`);
    expect(text).toContain(`${unsubscribe} ${footer.unsubscribeUrl}`);
  });

  it("escapes the data it is given", async () => {
    const html = await render(
      createElement(MailingEmail, {
        heading: "<script>alert(1)</script>",
        paragraphs: ["a & b"],
        reason: "<b>x</b>",
        ...footer,
        language: "en",
      }),
    );
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt;");
  });
});

describe("preview fixtures", () => {
  it("are the default props, so every template renders with no props at all", async () => {
    const mailing = await renderMail(createElement(MailingEmail));
    expect(MailingEmail.PreviewProps.unsubscribeUrl).toBe(footerPreviewProps.unsubscribeUrl);
    expect(mailing.html).toContain(MailingEmail.PreviewProps.heading);
    expect(mailing.html).toContain(`href="${footerPreviewProps.preferencesUrl}"`);
    expect(mailing.html).toContain(`href="${footerPreviewProps.unsubscribeUrl}"`);
    expect(mailing.text).toContain(footerPreviewProps.reason);
    expectAccessibleHtml(mailing.html, "en");

    const secure = await renderMail(createElement(SecureLinkEmail));
    expect(secure.html).toContain(`href="${SecureLinkEmail.PreviewProps.url}"`);
    expect(secure.text).toContain(`${SecureLinkEmail.PreviewProps.expiresInMinutes} minutes`);

    const alone = await render(createElement(EmailFooter));
    expect(alone).toContain(footerPreviewProps.reason);
    expect(alone).toContain(`href="${footerPreviewProps.unsubscribeUrl}"`);
  });
});
