// What the register actions hand back to their forms: a status, a message in the staff member's language, per-field
// messages and the values typed (React resets uncontrolled forms after an action).

export type FormState = {
  status: "idle" | "saved" | "unchanged" | "invalid" | "suppressed" | "forbidden" | "failed";
  message: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
  /** Suppression reasons to show (create contact). */
  details?: string[];
};

export const initialFormState = (values: Record<string, string> = {}): FormState => ({
  status: "idle",
  message: "",
  fieldErrors: {},
  values,
});

export function formValues(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    names.map((n) => {
      const v = form.get(n);
      return [n, typeof v === "string" ? v : ""];
    }),
  );
}

export function localiseErrors(errors: Record<string, string>, codes: Record<string, string>, fallback: string) {
  return Object.fromEntries(Object.entries(codes).map(([f, code]) => [f, errors[code] ?? fallback]));
}
