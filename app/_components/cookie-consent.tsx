"use client";
// The cookie banner and the cookie button in the bottom-left corner. The banner sits in the page's flow at the top
// (not over it), so it can never hide the focused element (WCAG 2.4.11); "accept" and "decline" are the same
// component with the same style (equal weight); nothing is pre-ticked and nothing but a press counts as an answer.
// The answer is kept only in a first-party cookie (lib/consent/consent-cookie.ts); analytics loads only after "accept",
// and only while every page this document has shown is public (lib/consent/analytics-scope.ts): a tracker must never
// see a token page, not even one in the document's history that the back button would return to.
// Global Privacy Control counts as "decline" for a visitor who has not answered: the server applies the Sec-GPC header
// (site-frame.tsx), this component `navigator.globalPrivacyControl` where only the script sees it; either way the
// banner stays closed, the cookie records that the signal declined, and the banner says so when reopened.
import Link from "@/app/_components/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { createPortal } from "react-dom";
import type { AnalyticsSettings } from "@/lib/consent/analytics-config";
import { analyticsAllowedOn } from "@/lib/consent/analytics-scope";
import { consentCookieString, type ConsentChoice, type ConsentSignal } from "@/lib/consent/consent-cookie";
import { analyticsLoaded, loadAnalytics, removeAnalytics } from "./analytics-loader";
import { useTranslations } from "next-intl";

type Props = {
  /** The valid choice stored in the cookie, as the server read it; null: ask. */
  initialChoice: ConsentChoice | null;
  /** "gpc" when the initial choice is a decline made by Global Privacy Control. */
  initialSignal: ConsentSignal | null;
  /** The server applied the Sec-GPC header to a visitor without a stored answer: write that decline to the cookie. */
  storeSignal: boolean;
  /** How long the choice holds (the policy file's consent.lifetimeDays): the cookie's Max-Age. */
  lifetimeDays: number;
  /** Null on pages outside the analytics allow-list (the layout decides by the page the document started on). */
  analytics: AnalyticsSettings | null;
  /** The CSP nonce of this response, given to the container script. */
  nonce?: string;
  privacyHref: string;
  /** The analytics product the policy file names (analytics.product), which the banner asks about. */
  product: string;
};

const noop = () => () => {};
/** False during server rendering and hydration, true afterwards: the button is portalled to the end of <body>. */
const useMounted = () =>
  useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );

export function CookieConsent({
  initialChoice,
  initialSignal,
  storeSignal,
  lifetimeDays,
  analytics,
  nonce,
  privacyHref,
  product,
}: Props) {
  const t = useTranslations("publicPages.cookies");
  const [choice, setChoice] = useState<ConsentChoice | null>(initialChoice);
  const [signal, setSignal] = useState<ConsentSignal | null>(initialSignal);
  const [open, setOpen] = useState(initialChoice === null);
  const [announcement, setAnnouncement] = useState("");
  const mounted = useMounted();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useRef<"banner" | "button" | null>(null);

  const pathname = usePathname();
  /** Set for good once this document shows a page off the allow-list. */
  const leftPublicPages = useRef(false);

  useEffect(() => {
    if (!analytics) return;
    const allowed = analyticsAllowedOn(pathname);
    if (!allowed) leftPublicPages.current = true;
    if (choice === "accepted" && !leftPublicPages.current) {
      loadAnalytics(analytics, nonce);
    } else if (!allowed && analyticsLoaded()) {
      // Reached a non-public page with the tracker running (a client-side move the link guard below did not see):
      // a fresh document is the only sure way to stop it; the server gives that one no analytics.
      removeAnalytics(analytics);
      window.location.reload();
    } else {
      removeAnalytics(analytics);
    }
  }, [choice, analytics, nonce, pathname]);

  useEffect(() => {
    if (!analytics) return;
    // While the tracker runs, a link to a page off the allow-list is followed as a full page load, so the tracker's
    // document never shows that page's address.
    const guard = (event: MouseEvent) => {
      if (!analyticsLoaded() || event.defaultPrevented || event.button !== 0) return;
      const anchor = (event.target as Element | null)?.closest?.("a[href]");
      if (!(anchor instanceof HTMLAnchorElement) || anchor.target === "_blank") return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin || analyticsAllowedOn(url.pathname)) return;
      event.preventDefault();
      event.stopPropagation();
      window.location.assign(url.href);
    };
    document.addEventListener("click", guard, { capture: true });
    return () => document.removeEventListener("click", guard, { capture: true });
  }, [analytics]);

  useEffect(() => {
    const target = focusAfterRender.current;
    focusAfterRender.current = null;
    if (target === "banner") headingRef.current?.focus();
    if (target === "button") buttonRef.current?.focus();
  }, [open]);

  const store = (next: ConsentChoice, by: ConsentSignal | null) => {
    document.cookie = consentCookieString(
      { choice: next, at: new Date(), signal: by },
      { secure: window.location.protocol === "https:", lifetimeDays },
    );
  };

  useEffect(() => {
    if (storeSignal) {
      store("declined", "gpc");
    } else if (initialChoice === null && gpcInBrowser()) {
      store("declined", "gpc");
      // A browser-only setting, readable only after hydration (the server rendered the banner open): one re-render.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setChoice("declined");
      setSignal("gpc");
      setOpen(false);
    }
    // Once, on arrival: the signal decides only for a visitor who has not answered.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function decide(next: ConsentChoice) {
    store(next, null);
    setSignal(null);
    if (next === "declined") removeAnalytics(analytics);
    setChoice(next);
    setAnnouncement(next === "accepted" ? t("savedAccepted") : t("savedDeclined"));
    focusAfterRender.current = "button";
    setOpen(false);
  }

  function reopen() {
    setAnnouncement("");
    focusAfterRender.current = "banner";
    setOpen(true);
  }

  return (
    <>
      {open ? (
        <section id="cookie-banner" className="cookie-banner" aria-label={t("regionLabel")}>
          <div className="container cookie-banner__inner">
            <h2 id="cookie-banner-heading" className="cookie-banner__heading" tabIndex={-1} ref={headingRef}>
              {t("heading")}
            </h2>
            <p>{t("text", { analytics: product })}</p>
            {/* On a phone these two wait behind "Read more" so the banner leaves the page visible. */}
            <p className="cookie-banner__detail">{t("necessary")}</p>
            <p className="cookie-banner__detail">{t("remember", { days: lifetimeDays })}</p>
            {choice ? (
              <p className="cookie-banner__current">{t(signal === "gpc" ? "current.gpc" : `current.${choice}`)}</p>
            ) : null}
            <div className="cookie-banner__actions">
              <button type="button" className="button cookie-banner__choice" onClick={() => decide("accepted")}>
                {t("accept")}
              </button>
              <button type="button" className="button cookie-banner__choice" onClick={() => decide("declined")}>
                {t("decline")}
              </button>
              <Link href={privacyHref} className="cookie-banner__more">
                {t("more")}
              </Link>
            </div>
          </div>
        </section>
      ) : null}
      {mounted
        ? createPortal(
            <div className="cookie-corner">
              <button
                ref={buttonRef}
                type="button"
                className="cookie-corner__button"
                aria-label={t("reopen")}
                title={t("reopen")}
                aria-expanded={open}
                aria-controls={open ? "cookie-banner" : undefined}
                onClick={() => (open ? headingRef.current?.focus() : reopen())}
              >
                <CookieIcon />
              </button>
              <div role="status" aria-live="polite" className="visually-hidden">
                {announcement}
              </div>
            </div>,
            document.body,
          )
        : null}
    </>
  );
}

/** The browser's Global Privacy Control setting, where it exposes one (Firefox, Brave, some extensions). */
function gpcInBrowser(): boolean {
  return (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
}

function CookieIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="24" height="24" viewBox="0 0 24 24">
      <path
        fill="currentColor"
        d="M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5Zm-3.5 7a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm7 6a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm-6 2a1 1 0 1 1 0 2 1 1 0 0 1 0-2Zm3-5a1 1 0 1 1 0 2 1 1 0 0 1 0-2Z"
      />
    </svg>
  );
}
