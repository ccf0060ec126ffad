// One schema for every message either transport sends. Checked before rendering, so a bad message costs nothing.
import "server-only";
import { z } from "zod";

const noLineBreaks = /^[^\r\n]*$/;
// Resend's documented tag rule: ASCII letters, digits, underscore, dash; at most 256 characters.
const tagPart = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,256}$/, { error: "only A-Z, a-z, 0-9, _ and -, at most 256 characters" });
// RFC 5322 field name: printable ASCII except colon.
const headerName = z.string().regex(/^[!-9;-~]+$/, { error: "not a valid header name" });

export const mailEnvelopeSchema = z.object({
  to: z.union([z.email(), z.array(z.email()).min(1).max(50)]),
  subject: z.string().trim().min(1).max(998).regex(noLineBreaks, { error: "no line breaks" }),
  from: z.string().min(3).regex(noLineBreaks).optional(),
  replyTo: z.email().optional(),
  // Line breaks in a header value would let a caller inject headers of its own.
  headers: z.record(headerName, z.string().max(2000).regex(noLineBreaks, { error: "no line breaks" })).optional(),
  tags: z
    .array(z.object({ name: tagPart, value: tagPart }))
    .max(50)
    .optional(),
  idempotencyKey: z.string().min(1).max(256).optional(),
});

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "message"}: ${i.message}`).join("; ");
}
