// The one table of retention cases the issue names: the date the person is shown on their page and the date the
// retention job acts on are both computeDeletionDate's, over the reference customer's policy file.
import { describe, expect, it } from "vitest";
import { computeDeletionDate, type RetentionInput } from "@/lib/retention/compute-deletion-date";
import { loadPolicyFile } from "@/lib/policy/file/load-policy-file";

const rules = loadPolicyFile("lib/policy/files/reference.yaml").categories;
const d = (s: string) => new Date(`${s}T00:00:00Z`);
type Org = RetentionInput["roles"][number]["organisation"];
const customer: Org = { relationship: "CUSTOMER", relationshipEnd: null };
const former = (end: string): Org => ({ relationship: "FORMER_CUSTOMER", relationshipEnd: d(end) });
const base = { sourceDate: d("2015-03-01"), lastActivityAt: null, createdAt: d("2015-03-01") };

const cases: { name: string; input: RetentionInput; expected: string | "ongoing"; reason?: string }[] = [
  {
    name: "customer still active",
    input: { ...base, category: "CUSTOMER_CONTACT", roles: [{ endsOn: null, organisation: customer }] },
    expected: "ongoing",
  },
  {
    name: "role ended at an active customer: kept while the organisation is a customer",
    input: { ...base, category: "CUSTOMER_CONTACT", roles: [{ endsOn: d("2018-06-30"), organisation: customer }] },
    expected: "ongoing",
  },
  {
    name: "former customer: 10 years after the relationship ended",
    input: { ...base, category: "CUSTOMER_CONTACT", roles: [{ endsOn: null, organisation: former("2016-12-24") }] },
    expected: "2026-12-24",
    reason: "relationship_ended",
  },
  {
    name: "partner whose partnership ended",
    input: {
      ...base,
      category: "PARTNER_CONTACT",
      roles: [{ endsOn: null, organisation: { relationship: "PARTNER", relationshipEnd: d("2019-08-31") } }],
    },
    expected: "2029-08-31",
    reason: "relationship_ended",
  },
  {
    name: "supplier whose contract ended, the person's role later",
    input: {
      ...base,
      category: "SUPPLIER_CONTACT",
      roles: [
        { endsOn: d("2021-01-15"), organisation: { relationship: "SUPPLIER", relationshipEnd: d("2020-12-31") } },
      ],
    },
    expected: "2031-01-15",
    reason: "relationship_ended",
  },
  {
    name: "prospect met at a fair",
    input: { ...base, sourceDate: d("2026-10-02"), category: "PROSPECT", roles: [] },
    expected: "2036-10-02",
    reason: "last_contact",
  },
  {
    name: "prospect with later activity: counted from the activity",
    input: {
      ...base,
      sourceDate: d("2024-10-02"),
      lastActivityAt: new Date("2025-04-11T09:30:00Z"),
      category: "PROSPECT",
      roles: [],
    },
    expected: "2035-04-11",
    reason: "last_contact",
  },
  {
    name: "roles at two organisations, one ended: kept while the other is a customer",
    input: {
      ...base,
      category: "CUSTOMER_CONTACT",
      roles: [
        { endsOn: null, organisation: former("2017-05-31") },
        { endsOn: null, organisation: customer },
      ],
    },
    expected: "ongoing",
  },
  {
    name: "roles at two former customers: from the later end",
    input: {
      ...base,
      category: "CUSTOMER_CONTACT",
      roles: [
        { endsOn: null, organisation: former("2017-05-31") },
        { endsOn: d("2019-02-28"), organisation: former("2018-12-31") },
      ],
    },
    expected: "2029-02-28",
    reason: "relationship_ended",
  },
  {
    name: "29 February plus ten years is 28 February, never 1 March",
    input: { ...base, category: "CUSTOMER_CONTACT", roles: [{ endsOn: null, organisation: former("2016-02-29") }] },
    expected: "2026-02-28",
    reason: "relationship_ended",
  },
];

describe("retention: the date shown is the date acted on", () => {
  it.each(cases)("$name", ({ input, expected, reason }) => {
    const r = computeDeletionDate(input, rules);
    if (expected === "ongoing") {
      expect(r).toEqual({ kind: "ongoing", years: 10 });
    } else {
      expect(r.kind).toBe("date");
      if (r.kind !== "date") return;
      expect(r.deleteBy.toISOString().slice(0, 10)).toBe(expected);
      expect(r.reason).toBe(reason);
    }
  });
});
