"use client";
import { useTranslations } from "next-intl";
import Link from "@/app/_components/link";
import { useActionState, useRef } from "react";
import { FormStatus, useFocusFirstError } from "@/app/staff/_components/fields";
import { IncidentFields, type IncidentOptions } from "../_components/incident-fields";
import { idleState } from "../_components/incident-form-data";
import { recordIncidentAction } from "./actions";

export function RecordIncidentForm(props: { lang: string; now: string; options: IncidentOptions }) {
  const t = useTranslations("accountability.incidents.form");
  const [state, action, pending] = useActionState(recordIncidentAction, idleState({ discoveredAt: props.now }));
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  return (
    <form ref={form} action={action} noValidate key={state.status === "saved" ? state.data?.id : "form"}>
      <input type="hidden" name="uiLang" value={props.lang} />
      <IncidentFields state={state} options={props.options} />
      <button type="submit" className="button" disabled={pending}>
        {t("submit")}
      </button>
      <FormStatus state={state} testId="record-status" />
      {state.status === "saved" && state.data?.id ? (
        <p>
          <Link href={`/staff/incidents/${state.data.id}`} data-testid="recorded-link">
            {t("open")}
          </Link>
        </p>
      ) : null}
    </form>
  );
}
