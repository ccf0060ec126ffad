"use client";
// Adds an endpoint (and shows its secret once) or changes one's settings.
import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { CheckboxGroupField, FormStatus, TextField, useFocusFirstError } from "@/app/staff/_components/fields";
import { idleState } from "../privacy-requests/_components/form-state";
import { createEndpoint, updateEndpoint } from "./actions";
import { SecretOnce } from "./secret-once";

export function EndpointForm(props: {
  lang: string;
  events: { value: string; label: string }[];
  /** Editing this endpoint; absent: adding one. */
  endpoint?: { id: string; name: string; url: string; eventTypes: string[]; failureThreshold: number };
}) {
  const t = useTranslations();
  const editing = props.endpoint;
  const [state, action, pending] = useActionState(
    editing ? updateEndpoint : createEndpoint,
    idleState(
      editing
        ? {
            name: editing.name,
            url: editing.url,
            eventTypes: editing.eventTypes.join(","),
            failureThreshold: String(editing.failureThreshold),
          }
        : { eventTypes: props.events.map((e) => e.value).join(","), failureThreshold: "50" },
    ),
  );
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  const secret = !editing && state.status === "saved" ? state.data?.secret : undefined;
  const prefix = editing ? "edit" : "new";
  return (
    <form ref={form} action={action} noValidate key={state.data?.id ?? "form"}>
      <input type="hidden" name="uiLang" value={props.lang} />
      {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
      <TextField
        id={`${prefix}-endpoint-name`}
        name="name"
        label={t("accountability.webhooks.name")}
        hint={t("accountability.webhooks.nameHint")}
        state={state}
      />
      <TextField
        id={`${prefix}-endpoint-url`}
        name="url"
        label={t("accountability.webhooks.url")}
        hint={t("accountability.webhooks.urlHint")}
        state={state}
      />
      <CheckboxGroupField
        id={`${prefix}-endpoint-events`}
        name="eventTypes"
        label={t("accountability.webhooks.events")}
        state={state}
        options={props.events}
      />
      <TextField
        id={`${prefix}-endpoint-threshold`}
        name="failureThreshold"
        label={t("accountability.webhooks.threshold")}
        hint={t("accountability.webhooks.thresholdHint")}
        state={state}
      />
      <button type="submit" className="button" disabled={pending}>
        {editing ? t("accountability.webhooks.save") : t("accountability.webhooks.create")}
      </button>
      <FormStatus state={state} testId={`${prefix}-endpoint-status`} />
      {secret ? <SecretOnce secret={secret} id="new-endpoint-secret" /> : null}
    </form>
  );
}
