"use client";
import { useTranslations } from "next-intl";
import Link from "@/app/_components/link";
import { useActionState, useRef } from "react";
import { FormStatus, SelectField, TextField, useFocusFirstError } from "@/app/staff/_components/fields";
import { idleState } from "../_components/form-state";
import { recordRequest } from "./actions";

type Option = { value: string; label: string };

export function RecordRequestForm(props: { lang: string; today: string; types: Option[]; channels: Option[] }) {
  const t = useTranslations("accountability.requests");
  const [state, action, pending] = useActionState(recordRequest, idleState({ receivedOn: props.today }));
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  return (
    <form ref={form} action={action} noValidate key={state.status === "saved" ? state.data?.id : "form"}>
      <input type="hidden" name="uiLang" value={props.lang} />
      <SelectField id="pr-type" name="type" label={t("form.type")} state={state} options={props.types} />
      <SelectField id="pr-channel" name="channel" label={t("form.channel")} state={state} options={props.channels} />
      <TextField
        id="pr-received"
        name="receivedOn"
        type="date"
        label={t("form.receivedOn")}
        hint={t("form.receivedHint")}
        state={state}
        defaultValue={props.today}
      />
      <TextField
        id="pr-email"
        name="email"
        type="email"
        label={t("form.email")}
        hint={t("form.emailHint")}
        state={state}
      />
      <TextField
        id="pr-reference"
        name="reference"
        label={t("form.reference")}
        hint={t("form.referenceHint")}
        state={state}
      />
      <TextField
        id="pr-details"
        name="details"
        label={t("form.details")}
        hint={t("form.detailsHint")}
        state={state}
        textarea
      />
      <button type="submit" className="button" disabled={pending}>
        {t("form.submit")}
      </button>
      <FormStatus state={state} testId="record-status" />
      {state.status === "saved" && state.data?.id ? (
        <p>
          <Link href={`/staff/privacy-requests/${state.data.id}`} data-testid="recorded-link">
            {t("detail.title")}
          </Link>
        </p>
      ) : null}
    </form>
  );
}
