import { describe, expect, it } from "vitest";
import { emailSchema, normaliseEmail, normalisePhone } from "@/lib/contacts/normalise";
import { normaliseOrgNumber } from "@/lib/organisations/org-number";
import { hashAddress } from "@/lib/suppression/hash-address";

describe("contact field normalisation", () => {
  it("trims and lower-cases addresses", () => {
    expect(normaliseEmail("  Lena.Svensson@Nordlys.EXAMPLE ")).toBe("lena.svensson@nordlys.example");
    expect(emailSchema.parse(" A@B.se ")).toBe("a@b.se");
    expect(emailSchema.safeParse("not-an-address").error?.issues[0]?.message).toBe("email_invalid");
    expect(emailSchema.safeParse("  ").error?.issues[0]?.message).toBe("email_required");
  });

  it("stores phone numbers in E.164, reading national numbers as Swedish", () => {
    expect(normalisePhone("070-123 45 67")).toBe("+46701234567");
    expect(normalisePhone("+44 20 7946 0958")).toBe("+442079460958");
    expect(normalisePhone("12")).toBeNull();
  });

  it("validates Swedish organisation numbers", () => {
    expect(normaliseOrgNumber("5566778899")).toBe("556677-8899");
    expect(normaliseOrgNumber("556677-8890")).toBeNull();
    expect(normaliseOrgNumber("abc")).toBeNull();
  });

  it("hashes the normalised address with the configured key", () => {
    const h = hashAddress(" Lena@Nordlys.example", "k".repeat(32));
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAddress("lena@nordlys.example", "k".repeat(32))).toBe(h);
    expect(hashAddress("lena@nordlys.example", "j".repeat(32))).not.toBe(h);
  });
});
