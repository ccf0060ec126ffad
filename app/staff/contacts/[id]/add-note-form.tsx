"use client";
// Adds a note to a contact: one text area with its error next to it; on success the page reloads with the note.
import { useTranslations } from "next-intl";
import { useActionState, useRef } from "react";
import { FormStatus, TextField, useFocusFirstError } from "@/app/staff/_components/fields";
import { idleState } from "../../privacy-requests/_components/form-state";
import { addNoteAction } from "./note-actions";

export function AddNoteForm(props: { contactId: string; lang: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(addNoteAction, idleState());
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  return (
    <form ref={form} action={action} noValidate>
      <input type="hidden" name="id" value={props.contactId} />
      <input type="hidden" name="uiLang" value={props.lang} />
      <TextField
        id="note-body"
        name="body"
        label={t("staffAdmin.notes.label")}
        hint={t("staffAdmin.notes.hint")}
        textarea
        state={state}
      />
      <button type="submit" className="button" disabled={pending}>
        {t("staffAdmin.notes.add")}
      </button>
      <FormStatus state={state} testId="note-status" />
    </form>
  );
}
