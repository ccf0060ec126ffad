// Organisations where the person holds a current role and that are customers now: erasing them is still immediate,
// but service notices tied to that role may have to reach the organisation another way, and the page says so.
type Role = {
  organisation: string;
  relationship: string;
  relationshipEnd: Date | null;
  endsOn: Date | null;
};

export function activeContractOrganisations(roles: readonly Role[], now = new Date()): string[] {
  const names = roles
    .filter((r) => r.relationship === "CUSTOMER" && (r.relationshipEnd === null || r.relationshipEnd > now))
    .filter((r) => r.endsOn === null || r.endsOn > now)
    .map((r) => r.organisation);
  return [...new Set(names)];
}
