// The one mapping of a use-case's refusal (lib/result.ts) to what a staff form shows: every code of the closed set
// has its status and message here, so an action handles only its own outcomes and passes any refusal on. Areas whose
// texts differ from the register's (mailings, segments, privacy requests …) pass theirs (refusal-texts.ts); the
// statuses and the rules stay the same everywhere.
// Server side only: builds texts from the catalogue, which must not reach the client forms that import form-state.ts.
import "server-only";
import type { Language } from "@/lib/i18n/languages";
import { textsAt } from "@/lib/i18n/texts-at";
import { translatorFor } from "@/lib/i18n/translator";
import type { Fail, FailureCode, FieldErrors } from "@/lib/result";
import type { SuppressionMatch } from "@/lib/suppression/find-suppression";
import { localiseErrors, type FormState } from "@/app/staff/_components/form-state";
import { day } from "@/app/staff/_components/format";
import { REGISTER_TEXTS, type RefusalTexts } from "@/app/staff/_components/refusal-texts";

/** Any use-case refusal: a closed-set code, with what some codes carry. */
export type Refusal = Fail<FailureCode, { fieldErrors?: FieldErrors; matches?: SuppressionMatch[]; reason?: string }>;

const STATUS: Record<FailureCode, FormState["status"]> = {
  invalid: "invalid",
  forbidden: "forbidden",
  not_found: "forbidden",
  suppressed: "suppressed",
  conflict: "failed",
  rate_limited: "failed",
  unavailable: "failed",
};

type Texts = { (key: string, values?: Record<string, string>): string; has(key: string): boolean };

function textsFor(lang: Language): Texts {
  // Keys come from RefusalTexts (checked against the catalogue) and from run-time reasons (checked with has).
  return translatorFor(lang) as unknown as Texts;
}

/** The message for a refusal in the staff member's language, for callers that show a message only. */
export function refusalMessage(lang: Language, r: Refusal, texts: Partial<RefusalTexts> = {}): string {
  const k = { ...REGISTER_TEXTS, ...texts };
  const t = textsFor(lang);
  switch (r.code) {
    case "invalid":
      return t(k.invalid);
    case "forbidden":
      return t(k.forbidden);
    case "not_found":
      return t(k.notFound);
    case "conflict": {
      const precise = k.conflicts && r.reason ? `${k.conflicts}.${r.reason}` : null;
      return t(precise && t.has(precise) ? precise : k.conflict);
    }
    case "suppressed":
      return t(k.suppressed);
    case "rate_limited":
      return t(k.rateLimited);
    case "unavailable":
      return t(k.unavailable);
  }
}

/**
 * The form state for a refusal: per-field messages when invalid, the suppression's reasons when suppressed, else a
 * status and a message. `values` are what was typed, so the form keeps them.
 */
export function toFormState(
  lang: Language,
  r: Refusal,
  values: Record<string, string>,
  texts: Partial<RefusalTexts> = {},
): FormState {
  const k = { ...REGISTER_TEXTS, ...texts };
  const state: FormState = { status: STATUS[r.code], message: refusalMessage(lang, r, k), fieldErrors: {}, values };
  if (r.code === "invalid") {
    const t = textsFor(lang);
    state.fieldErrors = localiseErrors(textsAt(lang, k.errors), r.fieldErrors ?? {}, t(k.errorFallback));
  }
  if (r.code === "suppressed") {
    const t = textsFor(lang);
    state.details = (r.matches ?? []).map((m) =>
      t("register.contacts.suppressedItem", {
        reason: t(`enums.suppressionReason.inSentence.${m.reason}`),
        date: day(m.since),
      }),
    );
  }
  return state;
}
