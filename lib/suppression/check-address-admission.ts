// The one rule for an address entering the register, by any path: staff creating or editing a contact, a CSV import,
// CRM sync (PUT /api/v1/contacts) and the person's own email change. An address on the suppression list for any
// reason (erased, unsubscribed from everything, hard bounce, complaint) is refused. Only a staff member may let it
// in, by a deliberate override for that one address with a recorded reason; sync and self-service have nobody to
// make that decision, so for them a suppressed address is always refused.
//
// What an admitted override means is the same everywhere (see admissionEffects): the erasure tombstone goes (the
// person is back on a new basis), the other tombstones stay and keep protecting the address, an earlier opt-out from
// all marketing or complaint carries over, and no marketing topic is subscribed by default.
import { liftSuppression } from "./lift-suppression";
import type { DbOrTx, Tx } from "@/lib/db/client";
import { findSuppression, type SuppressionMatch } from "@/lib/suppression/find-suppression";
import { hashAddress } from "./hash-address";

export type AddressAdmission =
  | { ok: true; overridden: false }
  | { ok: true; overridden: true; matches: SuppressionMatch[]; optedOut: boolean }
  | { ok: false; code: "suppressed"; matches: SuppressionMatch[] };

/**
 * The decision for an address whose suppression entries are known (`matches`); the import decides thousands of rows
 * from one query and calls this per row. `override`: a staff member's deliberate decision for this address.
 */
export function decideAdmission(matches: readonly SuppressionMatch[], override = false): AddressAdmission {
  if (matches.length === 0) return { ok: true, overridden: false };
  if (!override) return { ok: false, code: "suppressed", matches: [...matches] };
  const optedOut = matches.some((m) => m.reason === "UNSUBSCRIBED_ALL" || m.reason === "COMPLAINT");
  return { ok: true, overridden: true, matches: [...matches], optedOut };
}

export async function checkAddressAdmission(opts: {
  db: DbOrTx;
  /** Normalised (emailSchema). */
  email: string;
  /** The suppression HMAC key (getConfig().suppressionKey). */
  key: string;
  /** Only staff paths pass it: the staff member named this address and gave a reason. */
  override?: boolean;
}): Promise<AddressAdmission> {
  const { matches } = await findSuppression({ db: opts.db, email: opts.email, key: opts.key });
  return decideAdmission(matches, opts.override);
}

/**
 * After an admitted override, inside the transaction that writes the address: the erasure tombstone is lifted (the
 * person is back on a new, recorded basis); the others keep protecting the address at send time.
 */
export async function liftErasureTombstone(tx: Tx, opts: { email: string; key: string }): Promise<void> {
  await liftSuppression(tx, { addressHashes: [hashAddress(opts.email, opts.key)], reason: "ERASED" });
}
