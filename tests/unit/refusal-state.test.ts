// toFormState is the one mapping of a refusal to a staff form: every code of the closed set gets a status and a real
// message (never a bare catalogue key) in both languages and for every area's texts, a conflict's reason picks the
// area's own text where there is one, and invalid and suppressed carry their fields and reasons.
import { describe, expect, it } from "vitest";
import { refusalMessage, toFormState, type Refusal } from "@/app/staff/_components/refusal-state";
import * as AREAS from "@/app/staff/_components/refusal-texts";
import { LANGUAGES } from "@/lib/i18n/languages";
import { translatorFor } from "@/lib/i18n/translator";
import { FAILURE_CODES, refusalWord } from "@/lib/result";

const values = { name: "Lena" };

describe("toFormState", () => {
  it("gives every failure code a status and a text in both languages, for every area", () => {
    const areas = Object.entries(AREAS).filter(([name]) => name.endsWith("_TEXTS"));
    expect(areas.length).toBeGreaterThan(1);
    for (const lang of LANGUAGES)
      for (const [area, texts] of areas)
        for (const code of FAILURE_CODES) {
          const state = toFormState(lang, { ok: false, code } as Refusal, values, texts);
          expect(state.message, `${lang} ${area} ${code}`).toMatch(/\s/);
          expect(state.message, `${lang} ${area} ${code}`).not.toMatch(/^[\w.]+$/);
          expect(state.values).toBe(values);
        }
  });

  it("keeps the statuses the forms know: invalid, suppressed, forbidden (also not found), else failed", () => {
    const status = (code: Refusal["code"]) => toFormState("sv", { ok: false, code } as Refusal, values).status;
    expect(FAILURE_CODES.map((c) => [c, status(c)])).toEqual([
      ["invalid", "invalid"],
      ["forbidden", "forbidden"],
      ["not_found", "forbidden"],
      ["suppressed", "suppressed"],
      ["conflict", "failed"],
      ["rate_limited", "failed"],
      ["unavailable", "failed"],
    ]);
  });

  it("localises field errors with the area's texts and its fallback for codes without one", () => {
    const t = translatorFor("en");
    const state = toFormState(
      "en",
      { ok: false, code: "invalid", fieldErrors: { email: "email_invalid", x: "?" } },
      {},
    );
    expect(state).toMatchObject({
      status: "invalid",
      message: t("register.common.invalid"),
      fieldErrors: { email: t("register.errors.email_invalid"), x: t("register.common.errorFallback") },
    });
    const segment = toFormState(
      "en",
      { ok: false, code: "invalid", fieldErrors: { key: "key_taken" } },
      {},
      AREAS.SEGMENT_TEXTS,
    );
    expect(segment.message).toBe(t("segments.invalid"));
    expect(segment.fieldErrors).toEqual({ key: t("segments.errors.key_taken") });
  });

  it("words a conflict by its reason where the area has a text for it, else generically", () => {
    const t = translatorFor("sv");
    const closed = { ok: false, code: "conflict", reason: "closed" } as const;
    expect(refusalMessage("sv", closed, AREAS.PRIVACY_REQUEST_TEXTS)).toBe(t("accountability.requests.errors.closed"));
    expect(
      refusalMessage("sv", { ok: false, code: "conflict", reason: "no_such_reason" }, AREAS.PRIVACY_REQUEST_TEXTS),
    ).toBe(t("register.common.conflict"));
    expect(refusalMessage("sv", closed)).toBe(t("register.common.conflict"));
    const wrongState = { ok: false, code: "conflict", reason: "wrong_state" } as const;
    expect(refusalMessage("sv", wrongState, AREAS.MAILING_TEXTS)).toBe(t("mailings.errors.conflicts.wrong_state"));
    expect(refusalMessage("sv", wrongState, AREAS.MAILING_CONTROL_TEXTS)).toBe(
      t("mailings.progress.conflicts.wrong_state"),
    );
  });

  it("puts a conflict's reason, else the code, in a URL for the page to word (refusalWord)", () => {
    expect(refusalWord({ code: "conflict", reason: "last_admin" })).toBe("last_admin");
    expect(refusalWord({ code: "conflict" })).toBe("conflict");
    expect(refusalWord({ code: "not_found", reason: "unknown_contact" })).toBe("not_found");
    expect(refusalWord({ code: "forbidden" })).toBe("forbidden");
  });

  it("lists a suppression's reasons with the Stockholm day", () => {
    const since = new Date("2026-03-02T23:30:00Z"); // 00:30 on the 3rd in Stockholm
    const state = toFormState(
      "en",
      { ok: false, code: "suppressed", matches: [{ reason: "UNSUBSCRIBED_ALL", scope: "ALL", since }] },
      values,
    );
    expect(state.status).toBe("suppressed");
    expect(state.details).toHaveLength(1);
    expect(state.details![0]).toContain("2026-03-03");
  });
});
