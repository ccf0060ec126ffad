// The builder form's fields as a raw segment filter (not yet validated): lists are repeated fields (checkboxes,
// multi-selects), empty text and dates mean "no condition". Used by the server action, the live-count route handler
// and the no-JavaScript count (the same form submitted with GET), so all three read the form the same way.
import type { SegmentFilterInput } from "./segment-filter";

type FormLike = { getAll(name: string): unknown[]; get(name: string): unknown };

const LIST_FIELDS = [
  "categories",
  "relationships",
  "organisationIds",
  "roleTypes",
  "topicIds",
  "languages",
  "sourceTypes",
] as const;
const TEXT_FIELDS = [
  "roleStatus",
  "sourceDetail",
  "createdFrom",
  "createdTo",
  "lastActivityFrom",
  "lastActivityTo",
] as const;

export function filterFromForm(form: FormLike): SegmentFilterInput {
  const out: Record<string, unknown> = {};
  for (const name of LIST_FIELDS) {
    const values = form
      .getAll(name)
      .filter((v): v is string => typeof v === "string")
      .map((v) => v.trim())
      .filter(Boolean);
    if (values.length > 0) out[name] = [...new Set(values)];
  }
  for (const name of TEXT_FIELDS) {
    const v = form.get(name);
    if (typeof v === "string" && v.trim() !== "") out[name] = v.trim();
  }
  return out as SegmentFilterInput;
}

/** searchParams of a page as a FormLike. */
export function searchParamsForm(query: Record<string, string | string[] | undefined>): FormLike {
  const all = (name: string) => {
    const v = query[name];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  return { getAll: all, get: (name) => all(name)[0] ?? null };
}
