// Where analytics may run at all: an allow-list of public pages that carry no token and show no one's data. Every
// other path (recipient links /p /u /s /e, /me and below, the staff workspace, the dev mailbox, any page added
// later) gets no third-party script, whatever the visitor consented to. Used by the root layout (whether the page
// gets the analytics settings at all), the cookie banner (client-side moves between pages) and the CSP (which
// origins a page may contact). Pure: runs on the server and in the browser.

/** Exact paths, no prefixes: a page under one of these is not public just because its parent is. */
export const ANALYTICS_PATHS: readonly string[] = ["/", "/preferences", "/privacy"];

export function analyticsAllowedOn(pathname: string): boolean {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return ANALYTICS_PATHS.includes(path);
}

/** Request header (set by proxy.ts, overwriting any client value) with the path of the page being rendered. */
export const PAGE_PATH_HEADER = "x-tillit-page-path";
