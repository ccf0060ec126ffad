// Reads a request body up to a limit while it streams in, and stops reading as soon as the limit is passed: a body
// without Content-Length (chunked) is counted chunk by chunk, and a declared Content-Length over the limit is refused
// before a single byte is read. For every endpoint that reads a body before knowing who sent it.
import "server-only";

export type LimitedBody = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; code: "payload_too_large" };

export const KIB = 1024;

export async function readLimitedBody(request: Request, maxBytes: number): Promise<LimitedBody> {
  const declared = request.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= maxBytes)) return { ok: false, code: "payload_too_large" };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop the upload here; the rest of the body is never read.
      await reader.cancel().catch(() => {});
      return { ok: false, code: "payload_too_large" };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return { ok: true, bytes };
}
