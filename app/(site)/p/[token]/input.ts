// The one input schema of the preference page's form, shared by the form (field names) and the action (parsing).
import { z } from "zod";
import { PAUSE_MONTHS } from "@/lib/subscriptions/pause-length";

// No language field: the action decides the page's language itself (getActionI18n), as the page did.
const base = { token: z.string().min(1).max(400) };

export const preferenceInput = z.discriminatedUnion("intent", [
  z.object({
    ...base,
    intent: z.literal("topic"),
    topicId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    state: z.enum(["SUBSCRIBED", "UNSUBSCRIBED"]),
  }),
  z.object({ ...base, intent: z.literal("all_off") }),
  z.object({ ...base, intent: z.literal("all_on") }),
  // The length is the value of the button pressed ("Pause for 3 months").
  z.object({ ...base, intent: z.literal("pause"), months: z.coerce.number().pipe(z.literal(PAUSE_MONTHS)) }),
  z.object({ ...base, intent: z.literal("pause_end") }),
  z.object({ ...base, intent: z.literal("step_up") }),
]);

export type PreferenceInput = z.infer<typeof preferenceInput>;

/** Which part of the page the answer belongs to: each has its own status region, next to the button pressed. */
export type PreferenceSection = "topics" | "pause" | "all" | "more";

/** The unsubscribe the "why are you leaving?" question is about: its time and topic (null: all marketing). */
export type LeavingSurveyTarget = { unsubscribedAt: string; topicId: string | null };

export type PreferenceState = null | {
  /** Changes on every answer, so the same message twice is still announced as new. */
  seq: number;
  section: PreferenceSection;
  kind: "saved" | "error";
  message: string;
  /** Set after an unsubscribe the person made here: the optional survey is offered for it. */
  survey?: LeavingSurveyTarget;
};

/** The survey form's answer: thanked, skipped, or the form again with a message per field. */
export type LeavingSurveyState = null | {
  seq: number;
  kind: "done" | "error";
  message: string;
  /** The unsubscribe answered (done) or still to answer (error). */
  target: LeavingSurveyTarget;
  fieldErrors?: { reason?: string; text?: string };
  /** What was posted, so a form shown again without JavaScript keeps it. */
  values?: { reason: string; text: string };
};
