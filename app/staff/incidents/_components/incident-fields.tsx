"use client";
// The fields describing an incident, shared by the record form and the update form (one schema behind both,
// lib/incidents/incident-schema.ts).
import { useTranslations } from "next-intl";
import { CheckboxGroupField, SelectField, TextField } from "@/app/staff/_components/fields";
import type { FormState } from "@/app/staff/_components/form-state";

export type Option = { value: string; label: string };
export type IncidentOptions = { dataCategories: Option[]; peopleCategories: Option[]; risks: Option[] };

export function IncidentFields(props: { state: FormState; options: IncidentOptions }) {
  const t = useTranslations("accountability.incidents.form");
  const { state, options } = props;
  return (
    <>
      <TextField id="inc-title" name="title" label={t("titleField")} hint={t("titleHint")} state={state} />
      <TextField
        id="inc-discovered"
        name="discoveredAt"
        type="datetime-local"
        label={t("discoveredAt")}
        hint={t("discoveredHint")}
        state={state}
      />
      <TextField id="inc-occurred" name="occurredAt" type="datetime-local" label={t("occurredAt")} state={state} />
      <TextField id="inc-description" name="description" label={t("description")} state={state} textarea rows={4} />
      <CheckboxGroupField
        id="inc-data"
        name="dataCategories"
        label={t("dataCategories")}
        state={state}
        options={options.dataCategories}
      />
      <CheckboxGroupField
        id="inc-people"
        name="peopleCategories"
        label={t("peopleCategories")}
        state={state}
        options={options.peopleCategories}
      />
      <TextField id="inc-consequences" name="consequences" label={t("consequences")} state={state} textarea />
      <TextField id="inc-measures" name="measures" label={t("measures")} state={state} textarea />
      <SelectField
        id="inc-risk"
        name="risk"
        label={t("risk")}
        hint={t("riskHint")}
        state={state}
        options={options.risks}
      />
    </>
  );
}
