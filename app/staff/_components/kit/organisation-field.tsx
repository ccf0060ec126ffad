"use client";
// The organisation of a contact's role on the staff forms: a select of the few organisations an account manager may
// use, or, for roles that may use any, the type-ahead (a register has tens of thousands). Either way the form posts
// `organisationId`, and the use-case checks it.
import { SelectField } from "@/app/staff/_components/fields";
import type { FormState } from "@/app/staff/_components/form-state";
import { OrganisationPicker } from "./organisation-picker";

export type OrganisationFieldChoices =
  | { kind: "list"; options: { value: string; label: string }[] }
  | { kind: "search"; initial?: { id: string; name: string }[] };

export function OrganisationField(props: {
  name: string;
  label: string;
  state: FormState;
  choices: OrganisationFieldChoices;
}) {
  if (props.choices.kind === "list")
    return <SelectField name={props.name} label={props.label} state={props.state} options={props.choices.options} />;
  return (
    <OrganisationPicker
      id={`f-${props.name}`}
      name={props.name}
      label={props.label}
      initial={props.choices.initial ?? []}
      error={props.state.fieldErrors[props.name]}
    />
  );
}
