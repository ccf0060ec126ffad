// Request durations for /api/metrics: the route group of a path (the only part of a URL that becomes a label), and
// the diagnostics-channel hook timing real requests to a real Node HTTP server.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { installRequestTimingHook } from "@/lib/http/request-timing";
import { processMetrics } from "@/lib/metrics/process-metrics";
import { routeGroupFor } from "@/lib/metrics/route-group";

describe("route groups", () => {
  it.each([
    ["/p/v1.k1.abc.def", "recipient"],
    ["/u/v1.k1.abc.def?x=1", "recipient"],
    ["/s/tok", "recipient"],
    ["/e/tok", "recipient"],
    ["/me", "recipient"],
    ["/me/export", "recipient"],
    ["/link/invalid", "recipient"],
    ["/", "public"],
    ["/?lang=en", "public"],
    ["/privacy", "public"],
    ["/preferences", "public"],
    ["/signup/confirm/abc", "public"],
    ["/embed/signup", "public"],
    ["/staff", "staff"],
    ["/staff/contacts/c123", "staff"],
    ["/api/v1/contacts/c123", "api"],
    ["/api/signup", "api"],
    ["/api/webhooks/resend", "webhooks"],
    ["/api/auth/callback/email?token=t", "auth"],
    ["/api/health", "health"],
    ["/api/health/ready", "health"],
    ["/api/metrics", "metrics"],
    ["/_next/static/chunks/app.js", "static"],
    ["/favicon.ico", "static"],
    ["/dev/mail", "other"],
    ["/api/unknown", "other"],
    ["/nothing-here", "other"],
  ])("%s → %s", (path, group) => {
    expect(routeGroupFor(path)).toBe(group);
  });
});

describe("request timing hook", () => {
  it("observes each request's duration under its route group and status class, never its path", async () => {
    installRequestTimingHook();
    installRequestTimingHook(); // twice is once
    const server = createServer((request, response) => {
      response.statusCode = request.url?.startsWith("/staff") ? 303 : 200;
      setTimeout(() => response.end("ok"), 20);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      for (const path of ["/p/secret-token-abc", "/p/other", "/staff/contacts"])
        await (await fetch(`http://127.0.0.1:${port}${path}`, { redirect: "manual" })).text();
      // 'close' follows the response's end; let it fire.
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const text = await processMetrics().registry.metrics();
    expect(text).toMatch(/tillit_http_request_duration_seconds_count\{group="recipient",status="2xx"\} 2\n/);
    expect(text).toMatch(/tillit_http_request_duration_seconds_count\{group="staff",status="3xx"\} 1\n/);
    const sum = /tillit_http_request_duration_seconds_sum\{group="recipient",status="2xx"\} (\S+)/.exec(text);
    expect(Number(sum?.[1])).toBeGreaterThanOrEqual(0.04);
    expect(text).not.toContain("secret-token");
  });
});
