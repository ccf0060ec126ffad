// The route group a request's path belongs to: the only thing about a request's URL that becomes a metric label.
// A small fixed set, so the series stay few and no token, id or address can ever reach a label (a link's token is
// part of its path).
export const ROUTE_GROUPS = [
  "recipient",
  "public",
  "staff",
  "api",
  "webhooks",
  "auth",
  "health",
  "metrics",
  "static",
  "other",
] as const;
export type RouteGroup = (typeof ROUTE_GROUPS)[number];

/** First path segment → group, for the pages and API areas the app has (app/ and app/(site)/). */
const BY_FIRST_SEGMENT: Record<string, RouteGroup> = {
  // Reached with a link token or the recipient session: the preference, step-up and email-change pages, one-click
  // unsubscribe, my data, and the page an invalid link lands on.
  p: "recipient",
  u: "recipient",
  s: "recipient",
  e: "recipient",
  me: "recipient",
  link: "recipient",
  // Open to anyone, nothing personal.
  "": "public",
  privacy: "public",
  preferences: "public",
  signup: "public",
  embed: "public",
  staff: "staff",
  _next: "static",
};

const BY_API_AREA: Record<string, RouteGroup> = {
  v1: "api",
  signup: "api",
  webhooks: "webhooks",
  auth: "auth",
  health: "health",
  metrics: "metrics",
};

/** `path` is the request's path, with or without its query. */
export function routeGroupFor(path: string): RouteGroup {
  const pathname = path.split("?", 1)[0]!;
  const [first = "", second = ""] = pathname.split("/").slice(1);
  if (first === "api") return BY_API_AREA[second] ?? "other";
  const group = BY_FIRST_SEGMENT[first];
  if (group) return group;
  // favicon.ico, robots.txt, the brand's logo and other files from public/.
  if (/\.[a-z0-9]+$/i.test(pathname)) return "static";
  return "other";
}
