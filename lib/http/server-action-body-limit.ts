// Next.js 16 has one body limit for every server action (experimental.serverActions.bodySizeLimit, next.config.js).
// The CSV import needs 21 MB (a 10 MB file plus the preview's copy of its text); every other action, public ones
// included, needs a few KB. The proxy therefore refuses, before Next's action handler reads anything, any request Next
// could treat as a server action whose body is over 1 MB, except on the import page; and any such request without
// Content-Length (a chunked body), which no browser sends for a form or an action. Node's HTTP parser frames the body by
// Content-Length (a request with both Content-Length and chunked encoding is rejected), so a body cannot outgrow the
// length it declares; Next's own limit, enforced while streaming, stays the backstop for the import.
export const ACTION_MAX_BYTES = 1024 * 1024;

/** The only page whose server action takes large bodies: the CSV import (21 MB in next.config.js). */
const LARGE_ACTION_PATHS = ["/staff/import"];

/** Route handlers outside /api with a POST of their own, each reading its body with its own streamed limit. */
const OWN_LIMIT_PREFIXES = ["/u/"];

type ActionRequest = { method: string; pathname: string; headers: Headers };

/** A 413 when this request may not reach a server action with its body; null when it may. */
export function refuseOversizedAction(request: ActionRequest): Response | null {
  if (request.method !== "POST") return null;
  if (OWN_LIMIT_PREFIXES.some((p) => request.pathname.startsWith(p))) return null;
  if (LARGE_ACTION_PATHS.includes(request.pathname.replace(/\/+$/, ""))) return null;
  // What Next treats as a possible server action: the Next-Action header, or a form post (urlencoded or multipart).
  const type = request.headers.get("content-type") ?? "";
  const possibleAction =
    request.headers.has("next-action") ||
    type.startsWith("multipart/form-data") ||
    type.startsWith("application/x-www-form-urlencoded");
  if (!possibleAction) return null;
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) <= ACTION_MAX_BYTES) return null;
  return new Response("Request body too large (at most 1 MB, with Content-Length).\n", {
    status: 413,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", Connection: "close" },
  });
}
