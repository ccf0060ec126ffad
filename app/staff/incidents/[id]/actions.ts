"use server";
// The forms of an incident's page: update, affected contacts, the authority's notification or the reason for none,
// closing. Each authorises itself through the incident's loader (incidents.manage) and calls one use-case, which
// validates with its shared schema.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { loadIncidentForStaff } from "@/lib/access/load-incident-for-staff";
import { loadSegmentForStaff } from "@/lib/access/load-segment-for-staff";
import { checkStaff } from "@/lib/auth/current-staff";
import type { StaffPrincipal } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db/client";
import { type Language, offeredOrDefault } from "@/lib/i18n/languages";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import { translatorFor } from "@/lib/i18n/translator";
import { addAffectedContacts } from "@/lib/incidents/add-affected-contacts";
import { closeIncident } from "@/lib/incidents/close-incident";
import { draftPeopleNotification } from "@/lib/incidents/draft-people-notification";
import { isOffered } from "@/lib/i18n/languages";
import { getPolicy } from "@/lib/policy/current-policy";
import { recordAuthorityNotification } from "@/lib/incidents/record-authority-notification";
import { recordNotNotified } from "@/lib/incidents/record-not-notified";
import { updateIncident } from "@/lib/incidents/update-incident";
import { parseStoredFilter } from "@/lib/segments/segment-filter";
import { invalid, type Fail, type FailureCode, type FieldErrors } from "@/lib/result";
import { toFormState } from "@/app/staff/_components/refusal-state";
import { INCIDENT_TEXTS } from "@/app/staff/_components/refusal-texts";
import { DESCRIPTION_FIELDS, readForm, type IncidentFormState } from "../_components/incident-form-data";

type Db = Awaited<ReturnType<typeof getDb>>;
type Texts = ReturnType<typeof translatorFor>;
type Refused = Fail<FailureCode, { fieldErrors?: FieldErrors; reason?: string }>;
type Done = { ok: true; message: (t: Texts) => string; details?: string[] };

const uiLang = (form: FormData): Language => offeredOrDefault(String(form.get("uiLang") ?? ""), offeredLanguages());

async function run(
  form: FormData,
  fields: readonly string[],
  call: (ctx: { db: Db; id: string; input: Record<string, unknown>; staff: StaffPrincipal }) => Promise<Done | Refused>,
): Promise<IncidentFormState> {
  const lang = uiLang(form);
  const t = translatorFor(lang);
  const { values, input } = readForm(form, fields);
  const access = await checkStaff("incidents.manage");
  if (!access.ok)
    return { status: "forbidden", message: t("accountability.incidents.form.forbidden"), fieldErrors: {}, values };
  try {
    const db = await getDb();
    const incident = await loadIncidentForStaff({ db, staff: access.staff, id: String(form.get("id") ?? "") });
    if (!incident.ok) return toFormState(lang, incident, values, INCIDENT_TEXTS);
    const r = await call({ db, id: incident.value.id, input, staff: access.staff });
    if (!r.ok) return toFormState(lang, r, values, INCIDENT_TEXTS);
    revalidatePath(`/staff/incidents/${incident.value.id}`);
    return { status: "saved", message: r.message(t), fieldErrors: {}, values, details: r.details };
  } catch {
    return { status: "failed", message: t("accountability.incidents.form.failed"), fieldErrors: {}, values };
  }
}

export async function updateIncidentAction(_prev: IncidentFormState, form: FormData): Promise<IncidentFormState> {
  return run(
    form,
    [...DESCRIPTION_FIELDS, "peopleStatus", "peopleNotifiedAt", "note"],
    async ({ db, id, input, staff }) => {
      const r = await updateIncident({ db, id, input, staffId: staff.id });
      if (!r.ok) return r;
      return {
        ok: true,
        message: (t) =>
          r.changed.length
            ? t("accountability.incidents.detail.saved", {
                fields: r.changed.map((f) => t(`enums.auditField.${f as "risk"}`)).join(", "),
              })
            : t("accountability.incidents.detail.unchanged"),
      };
    },
  );
}

export async function addAffectedAction(_prev: IncidentFormState, form: FormData): Promise<IncidentFormState> {
  const state = await run(form, ["by", "segmentId", "addresses"], async ({ db, id, input, staff }) => {
    let request: unknown = input;
    if (input.by === "segment") {
      const segment = await loadSegmentForStaff({ db, staff, id: String(input.segmentId ?? "") });
      if (!segment.ok) return invalid({ segmentId: "segment_required" });
      const filter = parseStoredFilter(segment.value.filter);
      if (!filter) return invalid({ segmentId: "segment_required" });
      request = { by: "filter", filter };
    }
    const r = await addAffectedContacts({ db, id, input: request, staffId: staff.id });
    if (!r.ok) return r;
    return {
      ok: true,
      message: (t) =>
        [
          t("accountability.incidents.detail.added", { added: r.added, total: r.total }),
          r.notFound.length ? t("accountability.incidents.detail.notFoundLead", { count: r.notFound.length }) : "",
        ]
          .filter(Boolean)
          .join(" "),
      details: r.notFound,
    };
  });
  return state.status === "saved" ? { ...state, values: {} } : state;
}

export async function recordNotifiedAction(_prev: IncidentFormState, form: FormData): Promise<IncidentFormState> {
  return run(form, ["notifiedAt", "reference"], async ({ db, id, input, staff }) => {
    const r = await recordAuthorityNotification({ db, id, input, staffId: staff.id });
    return r.ok ? { ok: true, message: (t) => t("accountability.incidents.detail.notifiedSaved") } : r;
  });
}

export async function recordNotNotifiedAction(_prev: IncidentFormState, form: FormData): Promise<IncidentFormState> {
  return run(form, ["reason"], async ({ db, id, input, staff }) => {
    const r = await recordNotNotified({ db, id, input, staffId: staff.id });
    return r.ok ? { ok: true, message: (t) => t("accountability.incidents.detail.notNotifiedSaved") } : r;
  });
}

export async function closeIncidentAction(_prev: IncidentFormState, form: FormData): Promise<IncidentFormState> {
  return run(form, ["note"], async ({ db, id, input, staff }) => {
    const r = await closeIncident({ db, id, input, staffId: staff.id });
    return r.ok ? { ok: true, message: (t) => t("accountability.incidents.detail.closedSaved") } : r;
  });
}

/**
 * "Notify the affected people" (Art. 34): drafts the notification mailing and opens it for review; the privacy
 * officer edits, tests and sends it on the mailing's page. A refusal comes back to the incident page's status line.
 */
export async function notifyPeopleAction(form: FormData): Promise<void> {
  const lang = uiLang(form);
  const id = String(form.get("id") ?? "");
  const access = await checkStaff("incidents.manage");
  if (!access.ok) redirect(access.reason === "signed_out" ? "/staff/sign-in" : "/staff/forbidden");
  const langQuery: Record<string, string> = isOffered(String(form.get("uiLang") ?? ""), offeredLanguages())
    ? { lang }
    : {};
  let outcome: string;
  let mailingId: string | null = null;
  try {
    const db = await getDb();
    const incident = await loadIncidentForStaff({ db, staff: access.staff, id });
    if (!incident.ok) {
      outcome = incident.code;
    } else {
      const r = await draftPeopleNotification({
        db,
        id: incident.value.id,
        staffId: access.staff.id,
        policy: getPolicy(),
        lang,
      });
      if (r.ok) mailingId = r.mailingId;
      outcome = r.ok ? "drafted" : r.code === "conflict" ? r.reason : r.code;
    }
  } catch {
    outcome = "failed";
  }
  if (mailingId) {
    revalidatePath(`/staff/incidents/${id}`);
    redirect(
      `/staff/mailings/${encodeURIComponent(mailingId)}/edit?${new URLSearchParams({ status: "created", ...langQuery })}`,
    );
  }
  if (outcome === "forbidden") redirect("/staff/forbidden");
  redirect(
    `/staff/incidents/${encodeURIComponent(id)}?${new URLSearchParams({ notify: outcome, ...langQuery })}#inc-people-heading`,
  );
}
