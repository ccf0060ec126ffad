// How the person's own change is evidenced: on the preference page (SELF) with the notice next to the buttons in the
// page's language; through the one-click unsubscribe (ONE_CLICK) with none, since the mail client's own button shows
// nothing of ours.
import type { ChangeSource, Language, NoticeKind } from "@/lib/generated/prisma/enums";
import type { ChoiceContext } from "@/lib/evidence/record-choice-evidence";

export function personEvidence(
  source: Extract<ChangeSource, "SELF" | "ONE_CLICK">,
  notice: NoticeKind,
  language: Language | undefined,
): ChoiceContext {
  if (source === "ONE_CLICK") return { channel: "ONE_CLICK", actor: { type: "PERSON" } };
  return {
    channel: "PREFERENCE_PAGE",
    actor: { type: "PERSON" },
    notice: language ? { kind: notice, language } : null,
  };
}
