// Limits an attacker meets on the built app (`next start`): the per-client limit of "send me a link" keys on the
// address the server can trust (the socket, or the entry the configured load balancers appended), never on what the
// client wrote into X-Forwarded-For; unauthenticated bodies are cut off while streaming, before anything is parsed.
import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preferencesUrl, unsubscribeUrl } from "@/lib/recipients/build-links";
import { launchBrowser, newPage } from "./support/browser";
import { startServer, type AppServer } from "./support/server";

const KEYS = [{ id: "e2e1", secret: randomBytes(32).toString("base64url") }];
const LINK_KEYS = KEYS.map((k) => `${k.id}:${k.secret}`).join(",");
/** No load balancer in front: the socket address is the client. */
let direct: AppServer;
/** As if behind one load balancer that appends the address it saw to X-Forwarded-For. */
let behindOne: AppServer;
let browser: Browser;

// Started one after the other: two `next start` at once on a busy machine outlast the hook's timeout.
beforeAll(async () => {
  browser = await launchBrowser();
  direct = await startServer({ env: { LINK_SIGNING_KEYS: LINK_KEYS } });
  behindOne = await startServer({ env: { LINK_SIGNING_KEYS: LINK_KEYS, TRUSTED_PROXY_COUNT: "1" } });
}, 900_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all([direct?.stop(), behindOne?.stop()]);
});

/** Submits "send me a link" once in the browser and keeps the server action's request, to replay it from Node. */
async function captureSendLink(server: AppServer) {
  const { page, context } = await newPage(browser);
  await page.goto(`${server.url}/preferences`);
  await page.locator("#cookie-banner button").first().click();
  const request = page.waitForRequest((r) => r.method() === "POST");
  await fillAndSubmit(page, "capture@example.com");
  const r = await request;
  const headers = await r.allHeaders();
  const keep = ["next-action", "content-type", "accept", "next-router-state-tree", "origin"];
  const captured = {
    url: r.url(),
    headers: Object.fromEntries(Object.entries(headers).filter(([k]) => keep.includes(k.toLowerCase()))),
    body: r.postData() ?? "",
  };
  await context.close();
  expect(captured.body).toContain("capture@example.com");
  return captured;
}

async function fillAndSubmit(page: Page, address: string) {
  await page.locator("#send-link-email").fill(address);
  await page.locator("#send-link-email").press("Enter");
}

type Captured = Awaited<ReturnType<typeof captureSendLink>>;

async function replay(captured: Captured, address: string, forwardedFor?: string): Promise<string> {
  const res = await fetch(captured.url, {
    method: "POST",
    headers: { ...captured.headers, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) },
    body: captured.body.replace("capture@example.com", address),
  });
  expect(res.status).toBe(200);
  const body = await res.text();
  const status = body.match(/\{"status":"(\w+)"/)?.[1];
  expect(status, body.slice(0, 300)).toBeDefined();
  return status!;
}

describe("the client address of the per-client limit", () => {
  it("without a trusted proxy, a client writing a new X-Forwarded-For on every request is still one client", async () => {
    const captured = await captureSendLink(direct); // request 1 of the 20 allowed in 10 minutes
    const answers = await Promise.all(
      Array.from({ length: 19 }, (_, i) => replay(captured, `probe-${i}@example.com`, `198.51.100.${i + 1}`)),
    );
    expect(answers).toEqual(Array(19).fill("accepted"));
    expect(await replay(captured, "probe-x@example.com", "192.0.2.222")).toBe("limited");
    expect(await replay(captured, "probe-y@example.com")).toBe("limited");
  });

  it("behind one load balancer, the entry it appended decides, not the entries the client wrote before it", async () => {
    const captured = await captureSendLink(behindOne); // the browser sent no X-Forwarded-For: 127.0.0.1
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        replay(captured, `lb-${i}@example.com`, `10.0.${i}.1, 172.16.0.${i + 1}, 203.0.113.77`),
      ),
    );
    expect(answers).toEqual(Array(20).fill("accepted"));
    expect(await replay(captured, "lb-x@example.com", "192.0.2.1, 203.0.113.77")).toBe("limited");
    // Another client behind the same load balancer has its own allowance.
    expect(await replay(captured, "lb-y@example.com", "203.0.113.77, 203.0.113.78")).toBe("accepted");
  });
});

/** A body that arrives in chunks without Content-Length (Transfer-Encoding: chunked), and how much of it was read. */
function chunkedBody(prefix: string, totalBytes: number, chunkBytes = 16 * 1024) {
  const encoder = new TextEncoder();
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) {
        const first = encoder.encode(prefix);
        sent += first.byteLength;
        controller.enqueue(first);
        return;
      }
      if (sent >= totalBytes) return controller.close();
      const n = Math.min(chunkBytes, totalBytes - sent);
      sent += n;
      controller.enqueue(encoder.encode("a".repeat(n)));
    },
  });
  return { stream, sent: () => sent };
}

async function topicState(server: AppServer, contactId: string, topicId: string): Promise<"on" | "off"> {
  const res = await fetch(
    `${preferencesUrl({ publicUrl: server.url, linkKeys: KEYS }, { id: contactId, tokenVersion: 1 })}?lang=en`,
  );
  expect(res.status).toBe(200);
  const match = (await res.text()).match(new RegExp(`id="topic-${topicId}-state"[^>]*>(.*?)</p>`, "s"));
  expect(match, `state of ${topicId}`).not.toBeNull();
  return match![1]!.includes("You do not get this") ? "off" : "on";
}

describe("unauthenticated bodies", () => {
  const oneClick = (contactId: string) =>
    unsubscribeUrl(
      { publicUrl: direct.url, linkKeys: KEYS },
      { id: contactId, tokenVersion: 1 },
      "demo_topic_newsletter",
    );

  it("/u/<token> refuses a one-click body over a few KB with 413 and changes nothing", async () => {
    const url = oneClick("demo_contact_02");
    expect(await topicState(direct, "demo_contact_02", "demo_topic_newsletter")).toBe("on");
    const res = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `List-Unsubscribe=One-Click&padding=${"a".repeat(64 * 1024)}`,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, code: "payload_too_large" });
    expect(await topicState(direct, "demo_contact_02", "demo_topic_newsletter")).toBe("on");
  });

  it("/u/<token> cuts off a chunked body without Content-Length and changes nothing", async () => {
    const url = oneClick("demo_contact_03");
    expect(await topicState(direct, "demo_contact_03", "demo_topic_newsletter")).toBe("on");
    const body = chunkedBody("List-Unsubscribe=One-Click&padding=", 8 * 1024 * 1024);
    const res = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: body.stream,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, code: "payload_too_large" });
    expect(await topicState(direct, "demo_contact_03", "demo_topic_newsletter")).toBe("on");
  });

  it("a public server action refuses a body over 1 MB (the 21 MB limit is only for the CSV import)", async () => {
    const captured = await captureSendLink(direct);
    const big = captured.body.replace("capture@example.com", `${"a".repeat(2 * 1024 * 1024)}@example.com`);
    const res = await fetch(captured.url, { method: "POST", headers: captured.headers, body: big });
    expect(res.status).toBe(413);
  });
});
