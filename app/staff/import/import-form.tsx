"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { SelectField, TextField, useFocusFirstError } from "@/app/staff/_components/fields";
import type { FormState } from "@/app/staff/_components/form-state";
import { importAction } from "./actions";
import { initialImportState, type ImportFormState } from "./state";
import { DownloadCsv } from "./download-csv";
import { IssueTable, PreviewSection } from "./preview-section";

type Option = { value: string; label: string };

export function ImportForm(props: {
  categories: Option[];
  languages: Option[];
  sourceTypes: Option[];
  fields: Option[];
}) {
  const t = useTranslations("staffImport");
  // A lost answer (the instance restarted, the connection broke) is not an error page: the form keeps the file, says
  // what is known (an import is written whole or not at all) and the person can send it again.
  const [state, action, pending] = useActionState(async (prev: ImportFormState, data: FormData) => {
    try {
      return await importAction(prev, data);
    } catch {
      return { ...prev, message: t(data.get("intent") === "import" ? "interrupted" : "previewInterrupted") };
    }
  }, initialImportState());
  const form = useRef<HTMLFormElement>(null);
  const { id: progressId, value: progressValue, shown: progressShown, onImportClick } = useImportProgress(pending);
  const fieldState: FormState = { status: state.message ? "invalid" : "idle", ...state };
  useFocusFirstError(fieldState, form);

  if (state.step === "result" && state.result) {
    return (
      <section aria-labelledby="import-result-heading">
        <h2 id="import-result-heading">{t("resultHeading")}</h2>
        <p role="status" data-testid="import-result">
          {state.summary}
        </p>
        <h3>{t("notImportedHeading")}</h3>
        {state.notImported?.length ? (
          <IssueTable
            id="not-imported"
            caption={t("notImportedHeading")}
            heads={{ row: t("columns.row"), field: t("columns.field"), reason: t("columns.reason") }}
            rows={state.notImported}
          />
        ) : (
          <p>{t("allImported")}</p>
        )}
        {state.rejectedCsv ? <DownloadCsv csv={state.rejectedCsv} testId="download-not-imported" /> : null}
        <p>
          <a href="">{t("again")}</a>
        </p>
      </section>
    );
  }

  return (
    <form ref={form} action={action} noValidate key={state.csv.length + state.step}>
      <div className="field">
        <label className="field__label" htmlFor="f-file">
          {t("file")}
        </label>
        <p id="f-file-hint" className="field__hint">
          {t("fileHint")}
        </p>
        <input
          id="f-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          className="field__input"
          aria-invalid={state.fieldErrors.file ? true : undefined}
          aria-describedby={["f-file-hint", state.fieldErrors.file ? "f-file-error" : ""].filter(Boolean).join(" ")}
        />
        {state.fieldErrors.file ? (
          <p id="f-file-error" className="field__error">
            {state.fieldErrors.file}
          </p>
        ) : null}
      </div>
      <input type="hidden" name="csv" value={state.csv} />
      <fieldset>
        <legend>{t("optionsHeading")}</legend>
        <p>{t("optionsLead")}</p>
        <SelectField
          name="category"
          label={t("category")}
          hint={t("categoryHint")}
          state={fieldState}
          options={props.categories}
        />
        <SelectField
          name="defaultLanguage"
          label={t("defaultLanguage")}
          hint={t("languageHint")}
          state={fieldState}
          options={props.languages}
        />
        <SelectField name="sourceType" label={t("sourceType")} state={fieldState} options={props.sourceTypes} />
        <TextField name="sourceDetail" label={t("sourceDetail")} hint={t("sourceDetailHint")} state={fieldState} />
        <TextField name="sourceDate" type="date" label={t("sourceDate")} hint={t("dateHint")} state={fieldState} />
        <SelectField
          name="duplicates"
          label={t("duplicates")}
          state={fieldState}
          options={[
            { value: "skip", label: t("duplicatesSkip") },
            { value: "update", label: t("duplicatesUpdate") },
          ]}
        />
        <TextField
          name="overrideReason"
          label={t("overrideReason")}
          hint={t("overrideHint")}
          state={fieldState}
          textarea
        />
        <TextField name="overrideRows" label={t("overrideRows")} hint={t("overrideRowsHint")} state={fieldState} />
      </fieldset>
      {state.headers.length ? (
        <fieldset>
          <legend>{t("mappingHeading")}</legend>
          <p>{t("mappingLead")}</p>
          {state.headers.map((h, i) => (
            <SelectField
              key={`${i}-${h}`}
              name={`col_${i}`}
              label={state.columnLabels[i] ?? h}
              state={{ ...fieldState, values: { [`col_${i}`]: state.mapping[String(i)] ?? "" } }}
              options={[{ value: "", label: t("ignore") }, ...props.fields]}
            />
          ))}
        </fieldset>
      ) : null}
      <input type="hidden" name="progressId" value={progressId ?? ""} />
      <div role="status" className="send-link__status">
        {state.message ? <p>{state.message}</p> : null}
        {progressShown ? <ImportProgressBar value={progressValue} /> : null}
      </div>
      {state.counts ? <PreviewSection state={state} /> : null}
      <div className="actions">
        <button type="submit" name="intent" value="preview" className="button" disabled={pending}>
          {t("preview")}
        </button>
        {state.counts ? (
          <button
            type="submit"
            name="intent"
            value="import"
            className="button"
            disabled={pending}
            onClick={onImportClick}
          >
            {t("importButton")}
          </button>
        ) : null}
      </div>
    </form>
  );
}

type ProgressValue = {
  phase: "checking" | "organisations" | "contacts" | "updates" | "audit";
  done: number;
  total: number;
} | null;

/**
 * While an import runs, polls its progress every half second. The id is chosen when "Import" is pressed and rendered
 * into the form synchronously (flushSync) before the browser collects the form's data; the server keeps the progress
 * under it.
 */
function useImportProgress(pending: boolean) {
  const [id, setId] = useState<string | null>(null);
  const [value, setValue] = useState<ProgressValue>(null);
  useEffect(() => {
    if (!pending || !id) return;
    let stopped = false;
    const poll = async () => {
      try {
        const res = await fetch(`/staff/import/progress?id=${encodeURIComponent(id)}`, { cache: "no-store" });
        const body = (await res.json()) as { progress?: ProgressValue };
        if (!stopped && body.progress) setValue(body.progress);
      } catch {
        // A missed poll only delays the bar; the import itself is unaffected.
      }
    };
    const timer = setInterval(poll, 500);
    void poll();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [pending, id]);
  const onImportClick = () => {
    setValue(null);
    flushSync(() => setId(crypto.randomUUID()));
  };
  return { id, value, shown: pending && id !== null, onImportClick };
}

function ImportProgressBar(props: { value: ProgressValue }) {
  const t = useTranslations("staffImport.progress");
  const v = props.value;
  return (
    <div className="field" data-testid="import-progress">
      <label className="field__label" htmlFor="import-progress-bar">
        {t("label")}
        {v ? `: ${t(`phases.${v.phase}`)}` : ""}
      </label>
      <progress id="import-progress-bar" max={v && v.total > 0 ? v.total : undefined} value={v ? v.done : undefined} />
      {v && v.total > 0 ? <p>{t("count", { done: v.done, total: v.total })}</p> : null}
    </div>
  );
}
