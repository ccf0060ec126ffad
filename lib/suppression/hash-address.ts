// The suppression list keeps only a keyed hash of an address: enough to recognise it again, useless to read it back.
import { createHmac } from "node:crypto";
import { normaliseEmail } from "@/lib/contacts/normalise";

export function hashAddress(email: string, key: string): string {
  return createHmac("sha256", key).update(normaliseEmail(email)).digest("hex");
}
