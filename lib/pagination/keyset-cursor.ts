// Keyset pagination's cursor: the last row's sort value and id, in a URL-safe string. Staff can edit a URL, so a
// cursor is parsed strictly: anything that does not decode to a value of the expected kind and an id is ignored (the
// list starts from its first page) rather than reaching the query.
export type Cursor = { value: string | Date; id: string };

export function encodeCursor(value: string | Date, id: string): string {
  const v = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify([v, id]), "utf8").toString("base64url");
}

export function decodeCursor(raw: string | undefined, kind: "string" | "date"): Cursor | null {
  if (!raw || raw.length > 1000) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [value, id] = parsed as unknown[];
    if (typeof value !== "string" || typeof id !== "string" || id.length > 64) return null;
    if (kind === "string") return { value, id };
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : { value: date, id };
  } catch {
    return null;
  }
}
