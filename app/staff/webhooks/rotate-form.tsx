"use client";
// Makes a new signing secret and shows it once; the previous one keeps signing during the overlap.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormStatus } from "@/app/staff/_components/fields";
import { idleState } from "../privacy-requests/_components/form-state";
import { rotateSecret } from "./actions";
import { SecretOnce } from "./secret-once";

export function RotateForm({ lang, id }: { lang: string; id: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(rotateSecret, idleState());
  const secret = state.status === "saved" ? state.data?.secret : undefined;
  return (
    <form action={action}>
      <input type="hidden" name="uiLang" value={lang} />
      <input type="hidden" name="id" value={id} />
      <p className="field__hint">{t("accountability.webhooks.rotateHint")}</p>
      <button type="submit" className="button button--secondary" disabled={pending}>
        {t("accountability.webhooks.rotate")}
      </button>
      <FormStatus state={state} testId="rotate-status" />
      {secret ? <SecretOnce secret={secret} id="rotated-secret" /> : null}
    </form>
  );
}
