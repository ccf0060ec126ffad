// The only address an OpenID Connect sign-in may be matched to a staff user by: the `email` claim, and only when the
// provider asserts `email_verified: true`. Anything else (an unverified address, a missing claim, a string "true",
// a `preferred_username`, which many providers let users choose) could be someone else's address.
export function verifiedOidcAddress(claims: unknown): string | null {
  if (typeof claims !== "object" || claims === null) return null;
  const { email, email_verified: verified } = claims as { email?: unknown; email_verified?: unknown };
  if (verified !== true || typeof email !== "string") return null;
  const address = email.trim().toLowerCase();
  return address.includes("@") ? address : null;
}
