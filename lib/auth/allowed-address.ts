// The configured allow-list for staff sign-in: full addresses ("a@b.se") and domains ("@b.se"), lower-cased by the
// configuration. An empty list leaves the decision to the staff register alone.
export function isAddressAllowed(email: string, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const address = email.trim().toLowerCase();
  return allowed.some((entry) => (entry.startsWith("@") ? address.endsWith(entry) : address === entry));
}
