// The access matrix, role × permission, against a table written out here (not derived from lib/auth/permissions.ts),
// plus the account manager's own-organisation rule and marketing's field filter.
import { describe, expect, it } from "vitest";
import { isAddressAllowed } from "@/lib/auth/allowed-address";
import { can, PERMISSIONS, redactContact, visibleContactFields, type Permission } from "@/lib/auth/permissions";
import type { StaffRole } from "@/lib/generated/prisma/enums";

const ROLES: StaffRole[] = ["ADMIN", "PRIVACY_OFFICER", "ACCOUNT_MANAGER", "MARKETING", "SUPPORT"];

// A = admin, P = privacy officer, M = account manager, K = marketing, S = support.
const EXPECTED: Record<Permission, string> = {
  "contacts.read": "APMKS",
  "contacts.export": "AP_K_",
  "contacts.readFull": "APM_S",
  "contacts.readPhone": "APM_S",
  "contacts.readNotes": "APM__",
  "contacts.write": "APM__",
  "contacts.erase": "AP___",
  "contacts.import": "APM__",
  "organisations.read": "APMKS",
  "organisations.write": "APM__",
  "roles.write": "APM__",
  "notes.write": "APM__",
  "subscriptions.read": "APMKS",
  "topics.manage": "AP_K_",
  "segments.manage": "AP_K_",
  "mailings.send": "AP_K_",
  "audit.read": "AP___",
  "privacyRequests.read": "AP__S",
  "privacyRequests.write": "AP__S",
  "retention.manage": "AP___",
  "policy.read": "AP___",
  "records.read": "AP___",
  "incidents.manage": "AP___",
  "staff.manage": "A____",
  "config.manage": "A____",
  "apiKeys.manage": "A____",
  "webhooks.manage": "A____",
};
const LETTER: Record<StaffRole, string> = {
  ADMIN: "A",
  PRIVACY_OFFICER: "P",
  ACCOUNT_MANAGER: "M",
  MARKETING: "K",
  SUPPORT: "S",
};

describe("permission matrix", () => {
  it("the expected table covers every permission", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PERMISSIONS].sort());
  });
  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      const allowed = EXPECTED[permission].includes(LETTER[role]);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        // Own organisation, so the account manager's per-organisation rule does not hide the role's general grant.
        const user = { id: "u1", role };
        expect(can(user, permission)).toBe(allowed);
        expect(can(user, permission, { organisation: { accountManagerId: "u1" } })).toBe(allowed);
      });
    }
  }
});

describe("account manager: own organisations only for changes", () => {
  const am = { id: "am1", role: "ACCOUNT_MANAGER" as const };
  const own = { organisation: { accountManagerId: "am1" } };
  const other = { organisation: { accountManagerId: "am2" } };
  const nobody = { organisation: { accountManagerId: null } };

  it("changes their own organisations, its contacts, roles and notes", () => {
    for (const p of ["organisations.write", "contacts.write", "roles.write", "notes.write"] as const) {
      expect(can(am, p, own)).toBe(true);
      expect(can(am, p, other)).toBe(false);
      expect(can(am, p, nobody)).toBe(false);
    }
  });
  it("reads other organisations and their contacts", () => {
    for (const p of ["organisations.read", "contacts.read", "contacts.readFull"] as const) {
      expect(can(am, p, other)).toBe(true);
    }
  });
  it("may change others when configured so", () => {
    expect(can(am, "organisations.write", other, { accountManagersWriteAll: true })).toBe(true);
  });
  it("the rule binds account managers only", () => {
    expect(can({ id: "x", role: "PRIVACY_OFFICER" }, "contacts.write", other)).toBe(true);
    expect(can({ id: "x", role: "ADMIN" }, "organisations.write", other)).toBe(true);
  });
});

describe("marketing never gets phone numbers or notes", () => {
  const contact = {
    id: "c1",
    name: "Anna",
    email: "anna@example.com",
    language: "sv",
    phone: "+46701234567",
    notes: "met at the fair",
    subscriptions: [],
  };
  it("field visibility per role", () => {
    expect(visibleContactFields("MARKETING")).not.toContain("phone");
    expect(visibleContactFields("MARKETING")).not.toContain("notes");
    expect(visibleContactFields("MARKETING")).toEqual(
      expect.arrayContaining(["name", "email", "language", "subscriptions"]),
    );
    expect(visibleContactFields("SUPPORT")).toContain("phone");
    expect(visibleContactFields("SUPPORT")).not.toContain("notes");
    expect(visibleContactFields("ADMIN")).toEqual(expect.arrayContaining(["phone", "notes"]));
  });
  it("redaction strips them", () => {
    const seen = redactContact("MARKETING", contact);
    expect(seen).not.toHaveProperty("phone");
    expect(seen).not.toHaveProperty("notes");
    expect(seen).toMatchObject({ name: "Anna", email: "anna@example.com", language: "sv" });
    expect(JSON.stringify(seen)).not.toContain("+4670");
    expect(redactContact("PRIVACY_OFFICER", contact)).toMatchObject({
      phone: "+46701234567",
      notes: "met at the fair",
    });
  });
  it("no permission that reveals phone or notes", () => {
    const m = { id: "k", role: "MARKETING" as const };
    expect(can(m, "contacts.readPhone")).toBe(false);
    expect(can(m, "contacts.readNotes")).toBe(false);
    expect(can(m, "contacts.readFull")).toBe(false);
  });
});

describe("allow-list", () => {
  it("empty list allows any address (the staff register decides)", () => {
    expect(isAddressAllowed("a@b.se", [])).toBe(true);
  });
  it("addresses and @domains", () => {
    const allowed = ["boss@other.se", "@elastx.example"];
    expect(isAddressAllowed("Astrid.Lind@ELASTX.example", allowed)).toBe(true);
    expect(isAddressAllowed("boss@other.se", allowed)).toBe(true);
    expect(isAddressAllowed("clerk@other.se", allowed)).toBe(false);
    expect(isAddressAllowed("x@evil-elastx.example", allowed)).toBe(false);
    expect(isAddressAllowed("x@elastx.example.evil.com", allowed)).toBe(false);
  });
});
