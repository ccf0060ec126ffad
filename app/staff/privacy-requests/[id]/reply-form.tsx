"use client";
// Reply to the person: a template and the handler's words, sent to the person's address in their language.
import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { FormStatus, SelectField, TextField, useFocusFirstError } from "@/app/staff/_components/fields";
import { idleState } from "../_components/form-state";
import { replyToRequest } from "./actions";

export function ReplyForm(props: { id: string; lang: string; templates: { value: string; label: string }[] }) {
  const t = useTranslations("accountability.requests.detail.reply");
  const [state, action, pending] = useActionState(replyToRequest, idleState({ template: "received" }));
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  return (
    <form ref={form} action={action} noValidate>
      <input type="hidden" name="id" value={props.id} />
      <input type="hidden" name="uiLang" value={props.lang} />
      <SelectField
        id="pr-reply-template"
        name="template"
        label={t("template")}
        state={state}
        options={props.templates}
      />
      <TextField
        id="pr-reply-message"
        name="message"
        label={t("message")}
        hint={t("messageHint")}
        state={state}
        textarea
        rows={5}
      />
      <button type="submit" className="button" disabled={pending}>
        {t("send")}
      </button>
      <FormStatus state={state} testId="reply-status" />
    </form>
  );
}
