"use client";
// The other forms of an open incident: affected contacts (a saved segment or pasted addresses), the authority's
// notification or the documented reason for none (Art. 33), and closing.
import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { FormStatus, SelectField, Status, TextField, useFocusFirstError } from "@/app/staff/_components/fields";
import type { Option } from "../_components/incident-fields";
import { idleState } from "../_components/incident-form-data";
import { addAffectedAction, closeIncidentAction, recordNotifiedAction, recordNotNotifiedAction } from "./actions";

type Props = { id: string; lang: string };

function Hidden(props: Props & { extra?: Record<string, string> }) {
  return (
    <>
      <input type="hidden" name="id" value={props.id} />
      <input type="hidden" name="uiLang" value={props.lang} />
      {Object.entries(props.extra ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
    </>
  );
}

export function AffectedForms(props: Props & { segments: Option[] }) {
  const t = useTranslations("accountability.incidents.detail");
  const [bySegment, segmentAction, segmentPending] = useActionState(addAffectedAction, idleState());
  const [byList, listAction, listPending] = useActionState(addAffectedAction, idleState());
  const segmentForm = useRef<HTMLFormElement>(null);
  const listForm = useRef<HTMLFormElement>(null);
  useFocusFirstError(bySegment, segmentForm);
  useFocusFirstError(byList, listForm);
  return (
    <section aria-labelledby="inc-add-heading">
      <h2 id="inc-add-heading">{t("addHeading")}</h2>
      {props.segments.length > 0 ? (
        <form ref={segmentForm} action={segmentAction} noValidate aria-label={t("bySegment")}>
          <Hidden {...props} extra={{ by: "segment" }} />
          <SelectField
            id="inc-segment"
            name="segmentId"
            label={t("segment")}
            state={bySegment}
            options={[{ value: "", label: t("segmentNone") }, ...props.segments]}
          />
          <button type="submit" className="button button--secondary" disabled={segmentPending}>
            {t("addSegment")}
          </button>
          <Status state={bySegment} />
        </form>
      ) : null}
      <form ref={listForm} action={listAction} noValidate aria-label={t("byList")}>
        <Hidden {...props} extra={{ by: "list" }} />
        <TextField id="inc-addresses" name="addresses" label={t("addresses")} state={byList} textarea rows={5} />
        <button type="submit" className="button button--secondary" disabled={listPending}>
          {t("addList")}
        </button>
        <div data-testid="add-status">
          <Status state={byList} />
        </div>
      </form>
    </section>
  );
}

export function AuthorityForms(props: Props & { notified: boolean }) {
  const t = useTranslations("accountability.incidents.detail");
  const [notified, notifiedAction, notifiedPending] = useActionState(recordNotifiedAction, idleState());
  const [notNotified, notNotifiedAction, notNotifiedPending] = useActionState(recordNotNotifiedAction, idleState());
  const notifiedForm = useRef<HTMLFormElement>(null);
  const notNotifiedForm = useRef<HTMLFormElement>(null);
  useFocusFirstError(notified, notifiedForm);
  useFocusFirstError(notNotified, notNotifiedForm);
  if (props.notified) return null;
  return (
    <section aria-labelledby="inc-authority-heading">
      <h2 id="inc-authority-heading">{t("authorityHeading")}</h2>
      <form ref={notifiedForm} action={notifiedAction} noValidate aria-labelledby="inc-notify-heading">
        <h3 id="inc-notify-heading">{t("notifyHeading")}</h3>
        <Hidden {...props} />
        <TextField
          id="inc-notified-at"
          name="notifiedAt"
          type="datetime-local"
          label={t("notifiedAtField")}
          state={notified}
        />
        <TextField id="inc-authority-ref" name="reference" label={t("referenceField")} state={notified} />
        <button type="submit" className="button" disabled={notifiedPending}>
          {t("recordNotified")}
        </button>
        <FormStatus state={notified} testId="notified-status" />
      </form>
      <form ref={notNotifiedForm} action={notNotifiedAction} noValidate aria-labelledby="inc-not-notify-heading">
        <h3 id="inc-not-notify-heading">{t("notNotifyHeading")}</h3>
        <Hidden {...props} />
        <TextField
          id="inc-reason"
          name="reason"
          label={t("reasonField")}
          hint={t("reasonHint")}
          state={notNotified}
          textarea
        />
        <button type="submit" className="button button--secondary" disabled={notNotifiedPending}>
          {t("recordNotNotified")}
        </button>
        <FormStatus state={notNotified} testId="not-notified-status" />
      </form>
    </section>
  );
}

export function CloseForm(props: Props) {
  const t = useTranslations("accountability.incidents.detail");
  const [state, action, pending] = useActionState(closeIncidentAction, idleState());
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  return (
    <section aria-labelledby="inc-close-heading">
      <h2 id="inc-close-heading">{t("closeHeading")}</h2>
      <form ref={form} action={action} noValidate>
        <Hidden {...props} />
        <TextField id="inc-close-note" name="note" label={t("closeNote")} state={state} textarea />
        <button type="submit" className="button button--danger" disabled={pending}>
          {t("close")}
        </button>
        <FormStatus state={state} testId="close-status" />
      </form>
    </section>
  );
}
