// Dates on staff pages: ISO days, the same in both languages and unambiguous.
export const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : "");
export const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
