"use client";
// Updating an open incident: its description, Art. 34's notification of the people and a note for the log.
import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { FormStatus, SelectField, TextField, useFocusFirstError } from "@/app/staff/_components/fields";
import { IncidentFields, type IncidentOptions, type Option } from "../_components/incident-fields";
import { idleState } from "../_components/incident-form-data";
import { updateIncidentAction } from "./actions";

export function UpdateIncidentForm(props: {
  id: string;
  lang: string;
  current: Record<string, string>;
  options: IncidentOptions;
  peopleStatuses: Option[];
}) {
  const t = useTranslations("accountability.incidents.detail");
  const [state, action, pending] = useActionState(updateIncidentAction, idleState(props.current));
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  return (
    <section aria-labelledby="inc-update-heading">
      <h2 id="inc-update-heading">{t("updateHeading")}</h2>
      <form ref={form} action={action} noValidate>
        <input type="hidden" name="id" value={props.id} />
        <input type="hidden" name="uiLang" value={props.lang} />
        <IncidentFields state={state} options={props.options} />
        <SelectField
          id="inc-people-status"
          name="peopleStatus"
          label={t("peopleStatus2")}
          state={state}
          options={props.peopleStatuses}
        />
        <TextField
          id="inc-people-notified"
          name="peopleNotifiedAt"
          type="date"
          label={t("peopleNotifiedOn")}
          state={state}
        />
        <TextField id="inc-note" name="note" label={t("note")} hint={t("noteHint")} state={state} textarea />
        <button type="submit" className="button" disabled={pending}>
          {t("save")}
        </button>
        <FormStatus state={state} testId="update-status" />
      </form>
    </section>
  );
}
