"use client";
// Adds a note to a contact: one text area with its error next to it; on success the page reloads with the note.
import { useActionState, useRef } from "react";
import { FormStatus, TextField, useFocusFirstError } from "../../privacy-requests/_components/form-parts";
import { idleState } from "../../privacy-requests/_components/form-state";
import { addNoteAction } from "./note-actions";

export function AddNoteForm(props: {
  contactId: string;
  lang: string;
  texts: { label: string; hint: string; add: string };
}) {
  const [state, action, pending] = useActionState(addNoteAction, idleState());
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  return (
    <form ref={form} action={action} noValidate>
      <input type="hidden" name="id" value={props.contactId} />
      <input type="hidden" name="uiLang" value={props.lang} />
      <TextField id="note-body" name="body" label={props.texts.label} hint={props.texts.hint} textarea state={state} />
      <button type="submit" className="button" disabled={pending}>
        {props.texts.add}
      </button>
      <FormStatus state={state} testId="note-status" />
    </form>
  );
}
