// Endpoint secrets in the Standard Webhooks format: "whsec_" and 32 random bytes in base64. Shown once to the admin.
import { randomBytes } from "node:crypto";

export const newWebhookSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

/** After a rotation the previous secret keeps signing this long, so the receiver can switch without losing events. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;
