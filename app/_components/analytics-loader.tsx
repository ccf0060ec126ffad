// Loads Piwik Pro's Tag Manager container after the visitor accepts, and removes it again on withdrawal: its script
// elements, the globals it set up, and the cookies and storage entries it wrote. Browser-only functions.
import { ANALYTICS_COOKIE_PATTERN, type AnalyticsSettings } from "@/lib/consent/analytics-config";

const SCRIPT_ID = "tillit-analytics";

type AnalyticsWindow = Window & { dataLayer?: unknown[]; _paq?: unknown[]; ppms?: unknown };

/** Whether this document has the container (its script element) right now. */
export function analyticsLoaded(): boolean {
  return document.getElementById(SCRIPT_ID) !== null;
}

/**
 * Adds the container script. Under the page's CSP it may run because our own (nonced) script creates it
 * ('strict-dynamic'); it also gets the nonce itself, which Piwik Pro's Tag Manager passes on to the tags it inserts.
 */
export function loadAnalytics(settings: AnalyticsSettings, nonce?: string): void {
  if (analyticsLoaded()) return;
  const w = window as AnalyticsWindow;
  // What Piwik Pro's own snippet does: announce the start to the container, then load it asynchronously.
  w.dataLayer = w.dataLayer ?? [];
  w.dataLayer.push({ start: Date.now(), event: "stg.start" });
  const script = document.createElement("script");
  script.id = SCRIPT_ID;
  script.async = true;
  if (nonce) script.nonce = nonce;
  script.src = settings.scriptUrl;
  document.head.appendChild(script);
}

export function removeAnalytics(settings: AnalyticsSettings | null): void {
  const w = window as AnalyticsWindow;
  // Ask a tracker that is already running to drop its cookies first (Piwik Pro's JavaScript API).
  try {
    w._paq?.push(["deleteCookies"], ["disableCookies"]);
  } catch {
    // The tracker may be half-loaded; the cookies are deleted below anyway.
  }
  for (const script of Array.from(document.scripts)) {
    if (script.id === SCRIPT_ID || (settings && script.src.startsWith(`${settings.origin}/`))) script.remove();
  }
  delete w.dataLayer;
  delete w._paq;
  delete w.ppms;
  deleteAnalyticsCookies();
  for (const storage of [window.localStorage, window.sessionStorage]) {
    try {
      for (const key of Object.keys(storage)) if (ANALYTICS_COOKIE_PATTERN.test(key)) storage.removeItem(key);
    } catch {
      // Storage can be unavailable (privacy modes); nothing of ours is there then either.
    }
  }
}

/** Expires every analytics cookie on this host and each parent domain it could have been set for. */
function deleteAnalyticsCookies(): void {
  const names = document.cookie
    .split(";")
    .map((part) => part.split("=")[0]?.trim() ?? "")
    .filter((name) => ANALYTICS_COOKIE_PATTERN.test(name));
  const labels = window.location.hostname.split(".");
  const domains = [""];
  for (let i = 0; i < labels.length - 1; i++) domains.push(`; Domain=.${labels.slice(i).join(".")}`);
  for (const name of names) {
    for (const domain of domains) {
      document.cookie = `${name}=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT${domain}`;
    }
  }
}
