// The public pages' frame: cookie banner, header with the language switcher, main landmark and footer. Used by the
// (site) layout and by the root not-found page (an unknown address gets the same frame). Staff pages have their own
// frame (app/staff/layout.tsx): no cookie banner, since the staff workspace sets only strictly necessary cookies.
import { cookies, headers } from "next/headers";
import Link from "@/app/_components/link";
import type { ReactNode } from "react";
import { CookieConsent } from "@/app/_components/cookie-consent";
import { analyticsSettings } from "@/lib/consent/analytics-config";
import { analyticsAllowedOn, PAGE_PATH_HEADER } from "@/lib/consent/analytics-scope";
import { CONSENT_COOKIE } from "@/lib/consent/consent-cookie";
import { currentConsent } from "@/lib/consent/read-consent";
import { getConfig, isBuildPhase } from "@/lib/env/config";
import { LanguageSwitcher } from "@/lib/i18n/language-switcher";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import { getI18n } from "@/lib/i18n/server";
import { brandColourCss } from "@/lib/policy/brand-colours";
import { getPolicy } from "@/lib/policy/current-policy";
import { PRODUCT_NAME } from "@/lib/product";
import { NONCE_HEADER } from "@/lib/security/content-security-policy";

export async function SiteFrame({ children }: { children: ReactNode }) {
  const { t } = await getI18n();
  const policy = getPolicy();
  const { brand } = policy;
  // The cookie choice decides whether the banner is open on arrival. Analytics exists only when configured, and only
  // in a document that starts on a public page (lib/consent/analytics-scope.ts): a page with a token or personal data
  // does not even name the container, and client-side moves within such a document never load it either.
  const [cookieStore, requestHeaders] = await Promise.all([cookies(), headers()]);
  const consent = currentConsent(cookieStore.get(CONSENT_COOKIE)?.value, policy.consent.lifetimeDays);
  // Global Privacy Control (Sec-GPC: 1) answers "decline" for a visitor who has not answered: no banner to dismiss.
  // A stored answer still holds (a press after reading the banner is the visitor's own choice). The banner writes
  // the decline into the consent cookie marked as the signal's: the consent log, kept on the visitor's device like
  // every answer (lib/consent/consent-cookie.ts). The public page cache renders this as a variant of its own.
  const gpc = requestHeaders.get("sec-gpc")?.trim() === "1";
  const gpcDecides = !consent && gpc && policy.analytics !== undefined && policy.analytics !== null;
  const publicPage = analyticsAllowedOn(requestHeaders.get(PAGE_PATH_HEADER) ?? "");
  const analytics = isBuildPhase() || !publicPage ? null : analyticsSettings(getConfig().analytics);
  // The nonce of this response's CSP, for the container script the banner adds after consent.
  const nonce = requestHeaders.get(NONCE_HEADER) ?? undefined;
  return (
    <>
      {/* The deployment's colours (policy file, brand.colours) over the default tokens of app/globals.css. */}
      <style>{brandColourCss(brand.colours)}</style>
      {/* Only a policy with an analytics product has anything to ask consent for: otherwise no banner at all. */}
      {policy.analytics ? (
        <CookieConsent
          initialChoice={consent?.choice ?? (gpcDecides ? "declined" : null)}
          initialSignal={consent ? (consent.signal ?? null) : gpcDecides ? "gpc" : null}
          storeSignal={gpcDecides}
          lifetimeDays={policy.consent.lifetimeDays}
          analytics={analytics}
          nonce={analytics ? nonce : undefined}
          privacyHref="/privacy#cookies"
          product={policy.analytics.product}
        />
      ) : null}
      <header className="site-header">
        <div className="container site-header__inner">
          <Link href="/" className="brand">
            {/* A path on this site (the CSP allows images only from here); plain <img>: an SVG needs no optimising. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            {brand.logo ? <img className="brand__logo" src={brand.logo} alt={brand.displayName} /> : null}
            <span className="brand__name">{PRODUCT_NAME}</span>{" "}
            <span className="brand__tagline">{t("layout.tagline")}</span>
          </Link>
          <LanguageSwitcher languages={offeredLanguages()} />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="container site-main">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t("layout.footer")}</p>
          <p className="site-footer__links">
            <Link href="/privacy">{t("publicPages.privacy.footerLink")}</Link>
          </p>
        </div>
      </footer>
    </>
  );
}
