import type { Forbidden, NotFound } from "@/lib/result";
// What every resource loader answers when the caller may not have the resource. "not_found" is also the answer for an
// id that does not exist; callers map both to a message and never to the resource's data.
export type Refusal = Forbidden | NotFound;

export const FORBIDDEN: Refusal = { ok: false, code: "forbidden" };
export const NOT_FOUND: Refusal = { ok: false, code: "not_found" };
