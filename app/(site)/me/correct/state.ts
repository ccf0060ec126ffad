// What the correction actions hand back to their forms: a status, a message in the person's language, and per-field
// messages. Values are returned so the form shows what was typed (React resets uncontrolled forms after an action).
export type FormState = {
  status: "idle" | "saved" | "unchanged" | "invalid" | "session_ended" | "failed";
  message: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
};

export const initialFormState = (values: Record<string, string> = {}): FormState => ({
  status: "idle",
  message: "",
  fieldErrors: {},
  values,
});
