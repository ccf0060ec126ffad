// The retention tombstone's keyed hash of an address. A different HMAC input from the suppression list's
// (hashAddress), so the two lists cannot be joined to tell a retention deletion from an erasure by address.
import { createHmac } from "node:crypto";
import { normaliseEmail } from "@/lib/contacts/normalise";

export function retentionHash(email: string, key: string): string {
  return createHmac("sha256", key)
    .update(`retention\u0000${normaliseEmail(email)}`)
    .digest("hex");
}
