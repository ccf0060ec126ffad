"use client";
// The forms of an open request: status and handler, extension (with a required reason), closing.
import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { FormStatus, SelectField, TextField, useFocusFirstError } from "@/app/staff/_components/fields";
import { idleState } from "../_components/form-state";
import { completeRequest, extendRequest, updateRequest } from "./actions";

type Option = { value: string; label: string };

export function RequestForms(props: {
  id: string;
  lang: string;
  current: { status: string; handlerId: string; outcome: string };
  openStatuses: Option[];
  closeStatuses: Option[];
  handlers: Option[];
  monthOptions: Option[];
}) {
  const t = useTranslations();
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
        <h2 id="pr-update-heading">{t("accountability.requests.detail.updateHeading")}</h2>
        <form ref={updForm} action={updAction} noValidate>
          {hidden}
          <SelectField
            id="pr-status"
            name="status"
            label={t("accountability.requests.detail.status")}
            state={upd}
            options={props.openStatuses}
          />
          <SelectField
            id="pr-handler"
            name="handlerId"
            label={t("accountability.requests.detail.handler")}
            state={upd}
            options={props.handlers}
          />
          <TextField
            id="pr-outcome"
            name="outcome"
            label={t("accountability.requests.detail.outcome")}
            hint={t("accountability.requests.detail.outcomeHint")}
            state={upd}
            textarea
          />
          <button type="submit" className="button" disabled={updPending}>
            {t("accountability.requests.detail.save")}
          </button>
          <FormStatus state={upd} testId="update-status" />
        </form>
      </section>

      <section aria-labelledby="pr-extend-heading">
        <h2 id="pr-extend-heading">{t("accountability.requests.detail.extendHeading")}</h2>
        <p>{t("accountability.requests.detail.extendLead")}</p>
        <form ref={extForm} action={extAction} noValidate>
          {hidden}
          <SelectField
            id="pr-months"
            name="months"
            label={t("accountability.requests.detail.months")}
            state={ext}
            options={props.monthOptions}
          />
          <TextField
            id="pr-reason"
            name="reason"
            label={t("accountability.requests.detail.reason")}
            hint={t("accountability.requests.detail.reasonHint")}
            state={ext}
            textarea
          />
          <button type="submit" className="button" disabled={extPending}>
            {t("accountability.requests.detail.extend")}
          </button>
          <FormStatus state={ext} testId="extend-status" />
        </form>
      </section>

      <section aria-labelledby="pr-complete-heading">
        <h2 id="pr-complete-heading">{t("accountability.requests.detail.completeHeading")}</h2>
        <form ref={doneForm} action={doneAction} noValidate>
          {hidden}
          <SelectField
            id="pr-result"
            name="status"
            label={t("accountability.requests.detail.result")}
            state={done}
            options={props.closeStatuses}
          />
          <TextField
            id="pr-final-outcome"
            name="outcome"
            label={t("accountability.requests.detail.outcome")}
            state={done}
            textarea
          />
          <button type="submit" className="button" disabled={donePending}>
            {t("accountability.requests.detail.complete")}
          </button>
          <FormStatus state={done} testId="complete-status" />
        </form>
      </section>
    </>
  );
}
