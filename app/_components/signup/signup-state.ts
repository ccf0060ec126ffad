// What the sign-up form shows after a submit (shared by the action and the client form).
export type SignupValues = { name: string; email: string; organisation: string; topics: string[] };

export type SignupState =
  | { status: "idle" }
  | { status: "invalid"; fieldErrors: Record<string, string>; values: SignupValues }
  | { status: "accepted" }
  | { status: "limited" }
  | { status: "failed" };
