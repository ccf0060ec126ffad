"use client";
// Places a legal hold on one contact (by address) or on an organisation (the type-ahead), with a reason and an end
// date. Per-field messages from the server; focus moves to the first invalid field.
import { useTranslations } from "next-intl";
import { useActionState, useRef, useState } from "react";
import { FormStatus, SelectField, TextField, useFocusFirstError } from "@/app/staff/_components/fields";
import { OrganisationPicker } from "@/app/staff/_components/kit/organisation-picker";
import { idleState } from "../privacy-requests/_components/form-state";
import { placeHold } from "./actions";

export function PlaceHoldForm(props: { lang: string }) {
  const t = useTranslations("accountability.retention");
  const [state, action, pending] = useActionState(placeHold, idleState({ target: "contact" }));
  const [target, setTarget] = useState(state.values.target ?? "contact");
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  return (
    <form
      ref={form}
      action={action}
      noValidate
      key={state.data?.id ?? "form"}
      aria-labelledby="place-hold-heading"
      onChange={(e) => {
        if (e.target instanceof HTMLSelectElement && e.target.name === "target") setTarget(e.target.value);
      }}
    >
      <input type="hidden" name="uiLang" value={props.lang} />
      <SelectField
        id="hold-target"
        name="target"
        label={t("target")}
        state={state}
        options={[
          { value: "contact", label: t("targetContact") },
          { value: "organisation", label: t("targetOrganisation") },
        ]}
      />
      {target === "organisation" ? (
        <OrganisationPicker
          id="hold-organisation"
          name="organisationId"
          label={t("organisation")}
          initial={[]}
          error={state.fieldErrors.organisationId}
        />
      ) : (
        <TextField id="hold-email" name="email" type="email" label={t("email")} state={state} />
      )}
      <TextField id="hold-reason" name="reason" label={t("reason")} hint={t("reasonHint")} textarea state={state} />
      <TextField id="hold-ends-on" name="endsOn" type="date" label={t("endsOn")} state={state} />
      <button type="submit" className="button" disabled={pending}>
        {t("place")}
      </button>
      <FormStatus state={state} testId="place-hold-status" />
    </form>
  );
}
