// The consent cookie: what is written, what is read back, and when the banner must ask again.
import { describe, expect, it } from "vitest";
import { analyticsSettings, ANALYTICS_COOKIE_PATTERN } from "@/lib/consent/analytics-config";
import {
  CONSENT_COOKIE,
  CONSENT_VERSION,
  consentCookieString,
  consentExpiresAt,
  serialiseConsent,
} from "@/lib/consent/consent-cookie";
import { currentConsent, parseConsent } from "@/lib/consent/read-consent";
import { loadPolicyFile } from "@/lib/policy/file/load-policy-file";

const at = new Date("2026-01-15T12:00:00.000Z");
const DAY = 24 * 60 * 60 * 1000;
/** How long a choice holds comes from the policy file: the reference customer's 365 days, the fictional one's 180. */
const REFERENCE_DAYS = loadPolicyFile("lib/policy/files/reference.yaml").consent.lifetimeDays;
const FICTIONAL_DAYS = loadPolicyFile("lib/policy/files/fictional-example.yaml").consent.lifetimeDays;

describe("consent cookie", () => {
  it("round-trips choice, version and time (to the second)", () => {
    for (const choice of ["accepted", "declined"] as const) {
      const value = serialiseConsent({ choice, at: new Date(at.getTime() + 456) });
      expect(value).toBe(`v${CONSENT_VERSION}.${choice}.${at.getTime() / 1000}`);
      expect(parseConsent(value)).toEqual({ version: CONSENT_VERSION, choice, at });
    }
  });

  it("rejects anything malformed", () => {
    for (const bad of [
      undefined,
      null,
      "",
      "accepted",
      "v1.accepted",
      "v1.maybe.1768478400",
      "v1.accepted.-5",
      "v1.accepted.1768478400.extra",
      "v0.accepted.1768478400",
      "V1.accepted.1768478400",
      'v1.accepted.1768478400"',
      "v1.ACCEPTED.1768478400",
      "v1.accepted.1768478400.gpc", // a signal only ever declines
      "v1.declined.1768478400.dnt",
    ]) {
      expect(parseConsent(bad), String(bad)).toBeNull();
    }
  });

  it("marks a decline made by Global Privacy Control, and reads the mark back", () => {
    const value = serialiseConsent({ choice: "declined", at, signal: "gpc" });
    expect(value).toBe(`v${CONSENT_VERSION}.declined.${at.getTime() / 1000}.gpc`);
    expect(parseConsent(value)).toEqual({ version: CONSENT_VERSION, choice: "declined", at, signal: "gpc" });
    // A press replaces it: an accept never carries the mark, even if asked to.
    expect(serialiseConsent({ choice: "accepted", at, signal: "gpc" })).toBe(
      `v${CONSENT_VERSION}.accepted.${at.getTime() / 1000}`,
    );
    expect(consentCookieString({ choice: "declined", at, signal: "gpc" }, { secure: true, lifetimeDays: 365 })).toMatch(
      /^tillit_consent=v1\.declined\.\d+\.gpc; /,
    );
  });

  it("holds for the policy's consent.lifetimeDays (365 for the reference customer), then asks again", () => {
    expect(REFERENCE_DAYS).toBe(365);
    const value = serialiseConsent({ choice: "declined", at });
    const on = (days: number) => new Date(at.getTime() + days * DAY);
    expect(currentConsent(value, REFERENCE_DAYS, at)?.choice).toBe("declined");
    expect(currentConsent(value, REFERENCE_DAYS, on(364))?.choice).toBe("declined");
    expect(currentConsent(value, REFERENCE_DAYS, new Date(on(365).getTime() - 1000))?.choice).toBe("declined");
    expect(currentConsent(value, REFERENCE_DAYS, on(365))).toBeNull();
    expect(currentConsent(value, REFERENCE_DAYS, on(400))).toBeNull();
    expect(consentExpiresAt(at, REFERENCE_DAYS).toISOString()).toBe("2027-01-15T12:00:00.000Z");
  });

  it("asks again after a shorter lifetime (the fictional file's 180 days), even for a cookie written for longer", () => {
    expect(FICTIONAL_DAYS).toBe(180);
    const value = serialiseConsent({ choice: "accepted", at });
    const on = (days: number) => new Date(at.getTime() + days * DAY);
    expect(currentConsent(value, FICTIONAL_DAYS, on(179))?.choice).toBe("accepted");
    expect(currentConsent(value, FICTIONAL_DAYS, on(180))).toBeNull();
    expect(currentConsent(value, FICTIONAL_DAYS, on(300))).toBeNull();
    expect(consentExpiresAt(at, FICTIONAL_DAYS).toISOString()).toBe("2026-07-14T12:00:00.000Z");
    expect(consentCookieString({ choice: "accepted", at }, { secure: true, lifetimeDays: FICTIONAL_DAYS })).toContain(
      `; Max-Age=${180 * 86_400};`,
    );
  });

  it("asks again when the version changes, and distrusts a choice dated in the future", () => {
    const ask = (value: string, now: Date) => currentConsent(value, REFERENCE_DAYS, now);
    expect(ask(serialiseConsent({ choice: "accepted", at, version: CONSENT_VERSION + 1 }), at)).toBeNull();
    if (CONSENT_VERSION > 1)
      expect(ask(serialiseConsent({ choice: "accepted", at, version: CONSENT_VERSION - 1 }), at)).toBeNull();
    expect(ask(serialiseConsent({ choice: "accepted", at }), new Date(at.getTime() - DAY))).toBeNull();
  });

  it("is a first-party, site-wide cookie that lives no longer than the choice holds", () => {
    const cookie = consentCookieString({ choice: "accepted", at }, { secure: true, lifetimeDays: REFERENCE_DAYS });
    expect(cookie).toBe(
      `${CONSENT_COOKIE}=v${CONSENT_VERSION}.accepted.${at.getTime() / 1000}; Path=/; Max-Age=${365 * 86_400}; SameSite=Lax; Secure`,
    );
    expect(
      consentCookieString({ choice: "declined", at }, { secure: false, lifetimeDays: REFERENCE_DAYS }),
    ).not.toContain("Secure");
    expect(cookie).not.toContain("Domain=");
  });
});

describe("analytics settings", () => {
  it("is null unless both container id and URL are set", () => {
    expect(analyticsSettings(null)).toBeNull();
    expect(analyticsSettings(undefined)).toBeNull();
    expect(analyticsSettings({ containerId: "", url: "https://x.containers.piwik.pro" })).toBeNull();
    expect(analyticsSettings({ containerId: "abc", url: "" })).toBeNull();
  });

  it("builds the container script URL", () => {
    const id = "0b2e9a52-1f7c-4d8e-9f1a-2b3c4d5e6f70";
    expect(analyticsSettings({ containerId: id, url: "https://example.containers.piwik.pro/" })).toEqual({
      containerId: id,
      containerUrl: "https://example.containers.piwik.pro",
      scriptUrl: `https://example.containers.piwik.pro/${id}.js`,
      origin: "https://example.containers.piwik.pro",
    });
  });

  it("refuses ids and URLs that could inject anything", () => {
    expect(analyticsSettings({ containerId: "x.js?y=<script>", url: "https://a.example" })).toBeNull();
    expect(analyticsSettings({ containerId: "abc", url: "javascript:alert(1)" })).toBeNull();
  });

  it("recognises Piwik Pro's cookies and nothing of ours", () => {
    for (const name of ["_pk_id.1.abcd", "_pk_ses.1.abcd", "_pk_ref.1.abcd", "ppms_privacy_x", "stg_last_interaction"])
      expect(ANALYTICS_COOKIE_PATTERN.test(name), name).toBe(true);
    for (const name of ["lang", CONSENT_COOKIE, "tillit_rs"])
      expect(ANALYTICS_COOKIE_PATTERN.test(name), name).toBe(false);
  });
});
