// What the browser needs to load Piwik Pro after consent, from the configured container id and URL. Takes the values
// as parameters (lib/env/config.ts reads the environment); null when analytics is not configured.
export type AnalyticsSettings = {
  containerId: string;
  /** The container's base URL, e.g. https://example.containers.piwik.pro (no trailing slash). */
  containerUrl: string;
  /** The Tag Manager container script: <containerUrl>/<containerId>.js. */
  scriptUrl: string;
  /** Origin of the script and everything it loads: scripts from here are removed again on withdrawal. */
  origin: string;
};

export function analyticsSettings(
  analytics: { containerId: string; url: string } | null | undefined,
): AnalyticsSettings | null {
  if (!analytics?.containerId || !analytics.url) return null;
  let base: URL;
  try {
    base = new URL(analytics.url);
  } catch {
    return null;
  }
  if (base.protocol !== "https:" && base.protocol !== "http:") return null;
  const containerUrl = base.href.replace(/\/+$/, "");
  // The id goes into a URL path: only the characters of a UUID.
  if (!/^[0-9a-fA-F-]{1,64}$/.test(analytics.containerId)) return null;
  return {
    containerId: analytics.containerId,
    containerUrl,
    scriptUrl: `${containerUrl}/${analytics.containerId}.js`,
    origin: base.origin,
  };
}

/** Cookies Piwik Pro (tracker and Tag Manager) may set; deleted on withdrawal. */
export const ANALYTICS_COOKIE_PATTERN = /^(_pk_|ppms_|stg_)/;
