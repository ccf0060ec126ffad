"use client";
// The segment builder: filter fields, the topic for the breakdown, a live count that follows the form (debounced GET
// to /staff/segments/count, stale answers cancelled), and saving with a name. Without JavaScript, "Show count"
// submits the same form with GET to the page, which counts on the server.
import { useTranslations } from "next-intl";
import { useActionState, useCallback, useEffect, useRef, useState } from "react";
import type { SegmentPreview } from "@/lib/segments/preview-segment";
import { Status, TextField, useFocusFirstError } from "@/app/staff/_components/fields";
import { initialFormState, type FormState } from "@/app/staff/_components/form-state";
import { saveSegmentAction } from "../actions";
import styles from "../segments.module.css";
import { CheckboxGroup, RadioGroup } from "./choice-fields";
import { PreviewPanel } from "./preview-panel";
import { OrganisationPicker, type PickedOrganisation } from "@/app/staff/_components/kit/organisation-picker";

type Option = { value: string; label: string };

export type FilterValues = {
  categories: string[];
  relationships: string[];
  organisationIds: string[];
  roleTypes: string[];
  roleStatus: string;
  topicIds: string[];
  languages: string[];
  sourceTypes: string[];
  sourceDetail: string;
  createdFrom: string;
  createdTo: string;
  lastActivityFrom: string;
  lastActivityTo: string;
};

const DEBOUNCE_MS = 350;
const NOT_FILTER = new Set(["id", "name", "preview"]);

export function SegmentEditor(props: {
  pagePath: string;
  countUrl: string;
  initial: { id?: string; name: string; topic: string; filter: FilterValues };
  initialPreview: SegmentPreview | null;
  options: {
    categories: Option[];
    relationships: Option[];
    roleTypes: Option[];
    roleStatuses: Option[];
    organisations: PickedOrganisation[];
    topics: Option[];
    languages: Option[];
    sourceTypes: Option[];
  };
}) {
  const t = useTranslations("segments.segments");
  const { options: o } = props;
  const [state, action, pending] = useActionState(
    saveSegmentAction,
    initialFormState({
      id: props.initial.id ?? "",
      name: props.initial.name,
      topic: props.initial.topic,
      filter: JSON.stringify(props.initial.filter),
    }),
  );
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(state, form);
  const [preview, setPreview] = useState<SegmentPreview | null>(props.initialPreview);
  const [phase, setPhase] = useState<"idle" | "counting" | "failed">("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<AbortController | null>(null);

  const refresh = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      if (!form.current) return;
      const query = new URLSearchParams();
      for (const [k, v] of new FormData(form.current))
        if (typeof v === "string" && !NOT_FILTER.has(k) && !k.startsWith("$")) query.append(k, v);
      inFlight.current?.abort();
      const ac = new AbortController();
      inFlight.current = ac;
      setPhase("counting");
      try {
        const r = await fetch(`${props.countUrl}?${query}`, {
          signal: ac.signal,
          credentials: "same-origin",
          headers: { accept: "application/json" },
        });
        if (r.status !== 200 && r.status !== 422) throw new Error(`count ${r.status}`);
        const body = (await r.json()) as SegmentPreview;
        if (ac.signal.aborted) return;
        setPreview(body);
        setPhase("idle");
      } catch {
        if (!ac.signal.aborted) setPhase("failed");
      }
    }, DEBOUNCE_MS);
  }, [props.countUrl]);
  useEffect(() => () => clearTimeout(timer.current), []);

  // The values shown: what came back from the last save attempt (the form resets after an action), else the initial.
  const filter: FilterValues = JSON.parse(state.values.filter || "{}") as FilterValues;
  const f = { ...props.initial.filter, ...filter };
  const liveErrors = preview && !preview.ok ? preview.fieldErrors : {};
  const errors = { ...state.fieldErrors, ...liveErrors };
  const fieldState: FormState = {
    ...state,
    fieldErrors: errors,
    values: {
      ...state.values,
      sourceDetail: f.sourceDetail ?? "",
      createdFrom: f.createdFrom ?? "",
      createdTo: f.createdTo ?? "",
      lastActivityFrom: f.lastActivityFrom ?? "",
      lastActivityTo: f.lastActivityTo ?? "",
    },
  };
  const topicName = (id: string) => o.topics.find((x) => x.value === id)?.label ?? id;
  const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);

  return (
    <form ref={form} action={action} onChange={refresh} noValidate className={styles.layout}>
      <div className={styles.fields}>
        <input type="hidden" name="id" defaultValue={state.values.id ?? ""} />
        {/* Tells the page that a "show count" GET carries a filter to show instead of the saved one. */}
        <input type="hidden" name="preview" value="1" />
        <TextField name="name" label={t("name")} state={state} />
        <h2>{t("filterHeading")}</h2>
        <p className="field__hint">{t("filterHint")}</p>
        <CheckboxGroup
          name="categories"
          legend={t("categories")}
          options={o.categories}
          selected={list(f.categories)}
          error={errors.categories}
        />
        <CheckboxGroup
          name="relationships"
          legend={t("relationships")}
          options={o.relationships}
          selected={list(f.relationships)}
          error={errors.relationships}
        />
        <CheckboxGroup
          name="roleTypes"
          legend={t("roleTypes")}
          options={o.roleTypes}
          selected={list(f.roleTypes)}
          error={errors.roleTypes}
        />
        <OrganisationPicker
          id="f-organisationIds"
          name="organisationIds"
          label={t("organisations")}
          hint={t("organisationsHint")}
          multiple
          initial={o.organisations}
          onChange={refresh}
        />
        <RadioGroup
          name="roleStatus"
          legend={t("roleStatus")}
          hint={t("roleStatusHint")}
          options={o.roleStatuses}
          selected={[f.roleStatus || "current"]}
          error={errors.roleStatus}
        />
        <CheckboxGroup
          name="topicIds"
          legend={t("topicIds")}
          options={o.topics}
          selected={list(f.topicIds)}
          error={errors.topicIds}
        />
        <CheckboxGroup
          name="languages"
          legend={t("languages")}
          options={o.languages}
          selected={list(f.languages)}
          error={errors.languages}
        />
        <CheckboxGroup
          name="sourceTypes"
          legend={t("sourceTypes")}
          options={o.sourceTypes}
          selected={list(f.sourceTypes)}
          error={errors.sourceTypes}
        />
        <TextField name="sourceDetail" label={t("sourceDetail")} hint={t("sourceDetailHint")} state={fieldState} />
        <div className={styles.columns}>
          <TextField name="createdFrom" type="date" label={t("createdFrom")} hint={t("dateHint")} state={fieldState} />
          <TextField name="createdTo" type="date" label={t("createdTo")} hint={t("dateHint")} state={fieldState} />
          <TextField
            name="lastActivityFrom"
            type="date"
            label={t("lastActivityFrom")}
            hint={t("dateHint")}
            state={fieldState}
          />
          <TextField
            name="lastActivityTo"
            type="date"
            label={t("lastActivityTo")}
            hint={t("dateHint")}
            state={fieldState}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="f-topic">
            {t("breakdownTopic")}
          </label>
          <p id="f-topic-hint" className="field__hint">
            {t("breakdownTopicHint")}
          </p>
          <select
            id="f-topic"
            name="topic"
            className="field__input"
            defaultValue={state.values.topic ?? ""}
            aria-describedby={errors.topic ? "f-topic-hint f-topic-error" : "f-topic-hint"}
            aria-invalid={errors.topic ? true : undefined}
          >
            <option value="">{t("noTopic")}</option>
            {o.topics.map((x) => (
              <option key={x.value} value={x.value}>
                {x.label}
              </option>
            ))}
          </select>
          {errors.topic ? (
            <p id="f-topic-error" className="field__error">
              {errors.topic}
            </p>
          ) : null}
        </div>
      </div>
      {/* Beside the fields on a wide screen and kept in view while they scroll: the count follows every change. */}
      <div className={styles.aside}>
        <PreviewPanel preview={preview} phase={phase} topicName={topicName} />
        <div className={styles.buttons}>
          <button
            type="submit"
            className="button button--secondary"
            formMethod="get"
            formAction={props.pagePath}
            formNoValidate
          >
            {t("count")}
          </button>
          <button type="submit" className="button" disabled={pending}>
            {t("save")}
          </button>
        </div>
        <Status state={state} />
      </div>
    </form>
  );
}
