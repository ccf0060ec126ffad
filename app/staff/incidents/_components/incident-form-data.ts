// What the incident forms post, read the one way for every action: text fields as typed, list fields (checkboxes) as
// arrays for the use-case and joined with commas for the form to show again.
import type { FormState } from "@/app/staff/_components/form-state";

export type IncidentFormState = FormState & { data?: Record<string, string> };

export const idleState = (values: Record<string, string> = {}): IncidentFormState => ({
  status: "idle",
  message: "",
  fieldErrors: {},
  values,
});

export const LIST_FIELDS = ["dataCategories", "peopleCategories"] as const;

export function readForm(form: FormData, fields: readonly string[]) {
  const values: Record<string, string> = {};
  const input: Record<string, unknown> = {};
  for (const name of fields) {
    if ((LIST_FIELDS as readonly string[]).includes(name)) {
      const list = form.getAll(name).filter((v): v is string => typeof v === "string");
      input[name] = list;
      values[name] = list.join(",");
    } else {
      const v = form.get(name);
      input[name] = values[name] = typeof v === "string" ? v : "";
    }
  }
  return { values, input };
}

export const DESCRIPTION_FIELDS = [
  "title",
  "discoveredAt",
  "occurredAt",
  "description",
  "dataCategories",
  "peopleCategories",
  "consequences",
  "measures",
  "risk",
] as const;
