"use client";
// Invites a staff member: address, name and role, with errors next to their field and focus on the first one.
import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { FormStatus, SelectField, TextField, useFocusFirstError } from "@/app/staff/_components/fields";
import { idleState } from "../privacy-requests/_components/form-state";
import { inviteStaffAction } from "./actions";

export function InviteForm(props: { lang: string; roles: { value: string; label: string }[] }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(inviteStaffAction, idleState({ role: "ACCOUNT_MANAGER" }));
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  return (
    <form ref={form} action={action} noValidate key={state.data?.id ?? "form"}>
      <input type="hidden" name="uiLang" value={props.lang} />
      <TextField
        id="invite-email"
        name="email"
        type="email"
        label={t("staffAdmin.invite.email")}
        hint={t("staffAdmin.invite.emailHint")}
        state={state}
      />
      <TextField id="invite-name" name="name" label={t("staffAdmin.invite.name")} state={state} />
      <SelectField
        id="invite-role"
        name="role"
        label={t("staffAdmin.invite.role")}
        state={state}
        options={props.roles}
      />
      <button type="submit" className="button" disabled={pending}>
        {t("staffAdmin.invite.submit")}
      </button>
      <FormStatus state={state} testId="invite-status" />
    </form>
  );
}
