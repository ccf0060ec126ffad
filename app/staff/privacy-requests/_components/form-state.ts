// What a staff form's server action hands back: a status, a message in the user's language, per-field messages and
// the values typed (React resets uncontrolled forms after an action). The register's FormState with room for extra
// data, so a refusal maps to it the one way every staff form does (toFormState, refusal-state.ts).
import type { FormState } from "@/app/staff/_components/form-state";

export type StaffFormState = FormState & {
  /** Extra data for the form, e.g. the API key shown once. */
  data?: Record<string, string>;
};

export const idleState = (values: Record<string, string> = {}): StaffFormState => ({
  status: "idle",
  message: "",
  fieldErrors: {},
  values,
});

export const formString = (form: FormData, name: string): string => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};
