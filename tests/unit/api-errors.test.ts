// Every code of the closed failure set (lib/result.ts) has its API error: a status other than 500, a code the OpenAPI
// document lists, and nothing of the failure but its code (a conflict's or not-found's reason stays inside the app).
import { describe, expect, it } from "vitest";
import { toApiError } from "@/lib/api/respond";
import { errorBodySchema } from "@/lib/api/schemas";
import { FAILURE_CODES } from "@/lib/result";

const STATUS = {
  invalid: [422, "validation_failed"],
  forbidden: [403, "forbidden"],
  not_found: [404, "not_found"],
  suppressed: [409, "suppressed"],
  conflict: [409, "conflict"],
  rate_limited: [429, "rate_limited"],
  unavailable: [503, "unavailable"],
} as const;

describe("toApiError", () => {
  it("maps every failure code to its documented status and public code", async () => {
    expect(Object.keys(STATUS).sort()).toEqual([...FAILURE_CODES].sort());
    for (const code of FAILURE_CODES) {
      const response = toApiError({ ok: false, code, fieldErrors: {}, matches: [] });
      const body = errorBodySchema.parse(await response.json());
      expect([response.status, body.error.code], code).toEqual(STATUS[code]);
    }
  });

  it("never sends a refusal's reason", async () => {
    const lastAdmin = { ok: false, code: "conflict", reason: "last_admin" } as const;
    const response = toApiError(lastAdmin);
    expect(JSON.stringify(await response.json())).not.toContain("last_admin");
  });
});
