// The one-click URL's own small HTML page. The URL must be a route handler (RFC 8058 POST without cookies or CSRF
// token), so it cannot be an app page; it renders this complete document itself. Plain HTML, no script: it works in
// any browser and a scanner that runs JavaScript finds nothing to run.
import { render } from "react-email";
import { LANGUAGE_NAMES, type Language } from "@/lib/i18n/languages";
import { brandColourCss } from "@/lib/policy/brand-colours";
import { getPolicy } from "@/lib/policy/current-policy";
import { PRODUCT_NAME } from "@/lib/product";

export type OneClickDocumentProps = {
  lang: Language;
  title: string;
  heading: string;
  paragraphs: string[];
  /** The question page's button: a normal form POST to the same URL. */
  form?: { action: string; button: string };
  /** Confirmation text in a status region (announced when the page loads after the POST). */
  status?: string;
  link?: { href: string; text: string };
  /** Same URL in each offered language; none when the deployment offers one. */
  languageLinks?: { lang: Language; href: string }[];
  languageNav: string;
};

// The tokens of app/globals.css it uses, with the same names and values in both schemes (a unit test compares them,
// tests/unit/colour-contrast.test.ts, so their measured contrast holds here too); targets at least 44 px; visible
// focus.
const CSS = `
:root{--color-text:#1b1f24;--color-muted:#4b5563;--color-bg:#ffffff;--color-surface:#f3f5f7;--color-border:#d3d9e0;--color-accent:#0b5394;--color-accent-strong:#083e6f;--color-on-accent:#ffffff;--color-focus:#0b5394;--color-saved-border:#1e6b34;--color-saved-text:#14532d;--color-saved-bg:#f0fdf4;color-scheme:light}
@media (prefers-color-scheme:dark){:root{--color-text:#e6e9ed;--color-muted:#a5aeb9;--color-bg:#121417;--color-surface:#1b1f24;--color-border:#3a424c;--color-accent:#78b6f2;--color-accent-strong:#a8d0f8;--color-on-accent:#0a1a2b;--color-focus:#78b6f2;--color-saved-border:#6ccf8c;--color-saved-text:#a8e8bb;--color-saved-bg:#12301d;color-scheme:dark}}
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1rem;line-height:1.6;color:var(--color-text);background:var(--color-bg)}
header,main,footer{max-width:40rem;margin:0 auto;padding:1rem}
header{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem;border-bottom:1px solid var(--color-border)}
h1{font-size:1.75rem;line-height:1.25;margin:1rem 0 .75rem}
a{color:var(--color-accent);text-underline-offset:.18em}
:focus-visible{outline:3px solid var(--color-focus);outline-offset:2px}
nav ul{display:flex;gap:.25rem;margin:0;padding:0;list-style:none}
nav a{display:inline-flex;align-items:center;min-height:2.75rem;padding:0 .75rem;border-radius:.5rem}
nav a[aria-current]{color:var(--color-text);font-weight:600;background:var(--color-surface)}
button{min-height:2.75rem;padding:.625rem 1.25rem;border:2px solid var(--color-accent);border-radius:.5rem;background:var(--color-accent);color:var(--color-on-accent);font:inherit;font-weight:600;cursor:pointer}
button:hover{background:var(--color-accent-strong);border-color:var(--color-accent-strong)}
.status{padding:.5rem .75rem;border:2px solid var(--color-saved-border);border-radius:.5rem;color:var(--color-saved-text);background:var(--color-saved-bg);font-weight:600}
footer{color:var(--color-muted);font-size:.9375rem;border-top:1px solid var(--color-border)}
`;

function OneClickDocument(p: OneClickDocumentProps) {
  const { brand } = getPolicy();
  return (
    <html lang={p.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${p.title} · ${brand.displayName}`}</title>
        <style dangerouslySetInnerHTML={{ __html: CSS + brandColourCss(brand.colours) }} />
      </head>
      <body>
        <header>
          <strong>{PRODUCT_NAME}</strong>
          {p.languageLinks ? (
            <nav aria-label={p.languageNav}>
              <ul>
                {p.languageLinks.map(({ lang: l, href }) => (
                  <li key={l}>
                    <a href={href} hrefLang={l} lang={l} aria-current={l === p.lang ? "page" : undefined}>
                      {LANGUAGE_NAMES[l]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </header>
        <main>
          <h1>{p.heading}</h1>
          {p.status ? (
            <p role="status" className="status">
              {p.status}
            </p>
          ) : null}
          {p.paragraphs.map((text, i) => (
            <p key={i}>{text}</p>
          ))}
          {p.form ? (
            <form method="post" action={p.form.action}>
              <input type="hidden" name="List-Unsubscribe" value="One-Click" />
              <button type="submit">{p.form.button}</button>
            </form>
          ) : null}
          {p.link ? (
            <p>
              <a href={p.link.href}>{p.link.text}</a>
            </p>
          ) : null}
        </main>
        <footer>
          <p>{brand.displayName}</p>
        </footer>
      </body>
    </html>
  );
}

/**
 * Rendered with react-email's render (Next refuses react-dom/server in app code); its XHTML doctype is swapped for the
 * HTML5 one so browsers use standards mode.
 */
export async function renderOneClickDocument(props: OneClickDocumentProps): Promise<string> {
  const markup = await render(<OneClickDocument {...props} />);
  return `<!DOCTYPE html>${markup.replace(/^<!DOCTYPE[^>]*>/i, "")}`;
}
