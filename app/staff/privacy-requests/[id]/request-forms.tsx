"use client";
// The forms of an open request: status and handler, extension (with a required reason), closing.
import { useActionState, useRef } from "react";
import { FormStatus, SelectField, TextField, useFocusFirstError } from "../_components/form-parts";
import { idleState } from "../_components/form-state";
import { completeRequest, extendRequest, updateRequest } from "./actions";

type Option = { value: string; label: string };

export type RequestFormTexts = {
  updateHeading: string;
  status: string;
  handler: string;
  outcome: string;
  outcomeHint: string;
  save: string;
  extendHeading: string;
  extendLead: string;
  months: string;
  reason: string;
  reasonHint: string;
  extend: string;
  completeHeading: string;
  result: string;
  complete: string;
};

export function RequestForms(props: {
  id: string;
  lang: string;
  texts: RequestFormTexts;
  current: { status: string; handlerId: string; outcome: string };
  openStatuses: Option[];
  closeStatuses: Option[];
  handlers: Option[];
  monthOptions: Option[];
}) {
  const t = props.texts;
  const [upd, updAction, updPending] = useActionState(updateRequest, idleState(props.current));
  const [ext, extAction, extPending] = useActionState(extendRequest, idleState({ months: "1" }));
  const [done, doneAction, donePending] = useActionState(completeRequest, idleState({ status: "COMPLETED" }));
  const updForm = useRef<HTMLFormElement>(null);
  const extForm = useRef<HTMLFormElement>(null);
  const doneForm = useRef<HTMLFormElement>(null);
  useFocusFirstError(upd, updForm);
  useFocusFirstError(ext, extForm);
  useFocusFirstError(done, doneForm);
  const hidden = (
    <>
      <input type="hidden" name="id" value={props.id} />
      <input type="hidden" name="uiLang" value={props.lang} />
    </>
  );
  return (
    <>
      <section aria-labelledby="pr-update-heading">
        <h2 id="pr-update-heading">{t.updateHeading}</h2>
        <form ref={updForm} action={updAction} noValidate>
          {hidden}
          <SelectField id="pr-status" name="status" label={t.status} state={upd} options={props.openStatuses} />
          <SelectField id="pr-handler" name="handlerId" label={t.handler} state={upd} options={props.handlers} />
          <TextField id="pr-outcome" name="outcome" label={t.outcome} hint={t.outcomeHint} state={upd} textarea />
          <button type="submit" className="button" disabled={updPending}>
            {t.save}
          </button>
          <FormStatus state={upd} testId="update-status" />
        </form>
      </section>

      <section aria-labelledby="pr-extend-heading">
        <h2 id="pr-extend-heading">{t.extendHeading}</h2>
        <p>{t.extendLead}</p>
        <form ref={extForm} action={extAction} noValidate>
          {hidden}
          <SelectField id="pr-months" name="months" label={t.months} state={ext} options={props.monthOptions} />
          <TextField id="pr-reason" name="reason" label={t.reason} hint={t.reasonHint} state={ext} textarea />
          <button type="submit" className="button" disabled={extPending}>
            {t.extend}
          </button>
          <FormStatus state={ext} testId="extend-status" />
        </form>
      </section>

      <section aria-labelledby="pr-complete-heading">
        <h2 id="pr-complete-heading">{t.completeHeading}</h2>
        <form ref={doneForm} action={doneAction} noValidate>
          {hidden}
          <SelectField id="pr-result" name="status" label={t.result} state={done} options={props.closeStatuses} />
          <TextField id="pr-final-outcome" name="outcome" label={t.outcome} state={done} textarea />
          <button type="submit" className="button" disabled={donePending}>
            {t.complete}
          </button>
          <FormStatus state={done} testId="complete-status" />
        </form>
      </section>
    </>
  );
}
