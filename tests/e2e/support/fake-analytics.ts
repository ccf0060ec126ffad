// A local stand-in for a Piwik Pro Tag Manager container: an HTTP server the test owns, so every request the browser
// makes to "the analytics provider" is recorded (path and Referer) and can be counted. Its container script sets a
// tracker cookie and a global, as the real container would, and answers every other path with 204.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE_CONTAINER_ID = "0b2e9a52-1f7c-4d8e-9f1a-2b3c4d5e6f70";

const CONTAINER_SCRIPT = `
  document.cookie = "_pk_id.1.e2e=visitor; Path=/; Max-Age=34214400";
  window.__fakePiwikRuns = (window.__fakePiwikRuns || 0) + 1;
  window.__fakePiwikSawUrl = location.href;
`;

export type FakeAnalytics = {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  /** Every request so far: path with query, and the Referer it carried. */
  requests: { path: string; referer: string }[];
  /** PIWIK_CONTAINER_ID and PIWIK_URL for startServer. */
  env: Record<string, string>;
  close: () => Promise<void>;
};

export async function startFakeAnalytics(): Promise<FakeAnalytics> {
  const requests: FakeAnalytics["requests"] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ path: req.url ?? "", referer: req.headers.referer ?? "" });
    if (req.url === `/${FAKE_CONTAINER_ID}.js`) {
      res.writeHead(200, { "content-type": "text/javascript", "cache-control": "no-store" });
      res.end(CONTAINER_SCRIPT);
    } else {
      res.writeHead(204).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    env: { PIWIK_CONTAINER_ID: FAKE_CONTAINER_ID, PIWIK_URL: url },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The consent cookie of a visitor who accepted analytics just now (lib/consent/consent-cookie.ts format). */
export function acceptedConsentCookie(serverUrl: string) {
  return { name: "tillit_consent", value: `v1.accepted.${Math.floor(Date.now() / 1000)}`, url: serverUrl };
}
