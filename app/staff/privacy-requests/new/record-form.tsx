"use client";
import Link from "next/link";
import { useActionState, useRef } from "react";
import { FormStatus, SelectField, TextField, useFocusFirstError } from "../_components/form-parts";
import { idleState } from "../_components/form-state";
import { recordRequest } from "./actions";

type Option = { value: string; label: string };

export function RecordRequestForm(props: {
  lang: string;
  today: string;
  texts: {
    type: string;
    channel: string;
    receivedOn: string;
    receivedHint: string;
    email: string;
    emailHint: string;
    reference: string;
    referenceHint: string;
    details: string;
    detailsHint: string;
    submit: string;
    open: string;
  };
  types: Option[];
  channels: Option[];
}) {
  const t = props.texts;
  const [state, action, pending] = useActionState(recordRequest, idleState({ receivedOn: props.today }));
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  return (
    <form ref={form} action={action} noValidate key={state.status === "saved" ? state.data?.id : "form"}>
      <input type="hidden" name="uiLang" value={props.lang} />
      <SelectField id="pr-type" name="type" label={t.type} state={state} options={props.types} />
      <SelectField id="pr-channel" name="channel" label={t.channel} state={state} options={props.channels} />
      <TextField
        id="pr-received"
        name="receivedOn"
        type="date"
        label={t.receivedOn}
        hint={t.receivedHint}
        state={state}
        defaultValue={props.today}
      />
      <TextField id="pr-email" name="email" type="email" label={t.email} hint={t.emailHint} state={state} />
      <TextField id="pr-reference" name="reference" label={t.reference} hint={t.referenceHint} state={state} />
      <TextField id="pr-details" name="details" label={t.details} hint={t.detailsHint} state={state} textarea />
      <button type="submit" className="button" disabled={pending}>
        {t.submit}
      </button>
      <FormStatus state={state} testId="record-status" />
      {state.status === "saved" && state.data?.id ? (
        <p>
          <Link href={`/staff/privacy-requests/${state.data.id}`} data-testid="recorded-link">
            {t.open}
          </Link>
        </p>
      ) : null}
    </form>
  );
}
