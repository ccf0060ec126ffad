// Server side only: builds texts from the catalogue, which must not reach the client forms that import form-state.ts.
import "server-only";
import type { Language } from "@/lib/i18n/languages";
import { textsAt } from "@/lib/i18n/texts-at";
import { translatorFor } from "@/lib/i18n/translator";
import { localiseErrors, type FormState } from "@/app/staff/_components/form-state";

/** The form state for a register use-case's refusal: per-field messages when invalid, else forbidden or not found. */
export function refusalState(
  lang: Language,
  r: { code: string; fieldErrors?: Record<string, string> },
  values: Record<string, string>,
): FormState {
  const t = translatorFor(lang);
  if (r.code === "invalid")
    return {
      status: "invalid",
      message: t("register.common.invalid"),
      fieldErrors: localiseErrors(
        textsAt(lang, "register.errors"),
        r.fieldErrors ?? {},
        t("register.common.errorFallback"),
      ),
      values,
    };
  return {
    status: "forbidden",
    message: r.code === "forbidden" ? t("register.common.forbidden") : t("register.common.notFound"),
    fieldErrors: {},
    values,
  };
}
