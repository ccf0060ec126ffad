"use server";
// Outbound webhook endpoints: admins only (webhooks.manage), checked in every action through the loader. A secret is
// returned to the form once (creation, rotation) and never again.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { loadWebhookEndpointForStaff } from "@/lib/access/load-webhook-endpoint-for-staff";
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { isOffered, type Language, offeredOrDefault } from "@/lib/i18n/languages";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import { translatorFor } from "@/lib/i18n/translator";
import {
  deleteWebhookEndpoint,
  replayDeadDeliveries,
  rotateWebhookSecret,
  setWebhookEndpointEnabled,
  updateWebhookEndpoint,
} from "@/lib/outbound-webhooks/change-webhook-endpoint";
import { createWebhookEndpoint } from "@/lib/outbound-webhooks/create-webhook-endpoint";
import { toFormState } from "@/app/staff/_components/refusal-state";
import { WEBHOOK_TEXTS } from "@/app/staff/_components/refusal-texts";
import { formString, type StaffFormState } from "../privacy-requests/_components/form-state";

const uiLang = (form: FormData): Language => offeredOrDefault(formString(form, "uiLang"), offeredLanguages());

function valuesOf(form: FormData) {
  return {
    name: formString(form, "name"),
    url: formString(form, "url"),
    eventTypes: form.getAll("eventTypes").filter((v): v is string => typeof v === "string"),
    failureThreshold: formString(form, "failureThreshold"),
  };
}
const echo = (v: ReturnType<typeof valuesOf>) => ({ ...v, eventTypes: v.eventTypes.join(",") });

export async function createEndpoint(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  const t = translatorFor(uiLang(form));
  const values = valuesOf(form);
  const access = await checkStaff("webhooks.manage");
  if (!access.ok)
    return { status: "failed", message: t("accountability.webhooks.forbidden"), fieldErrors: {}, values: echo(values) };
  try {
    const r = await createWebhookEndpoint({
      db: await getDb(),
      input: values,
      actor: { type: "STAFF", id: access.staff.id },
      allowHttp: getConfig().webhooks.allowHttp,
    });
    if (!r.ok) return toFormState(uiLang(form), r, echo(values), WEBHOOK_TEXTS);
    revalidatePath("/staff/webhooks");
    return {
      status: "saved",
      message: t("accountability.webhooks.created"),
      fieldErrors: {},
      values: {},
      data: { secret: r.secret, id: r.id },
    };
  } catch {
    return { status: "failed", message: t("accountability.webhooks.failed"), fieldErrors: {}, values: echo(values) };
  }
}

export async function updateEndpoint(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  const t = translatorFor(uiLang(form));
  const values = valuesOf(form);
  const access = await checkStaff("webhooks.manage");
  if (!access.ok)
    return { status: "failed", message: t("accountability.webhooks.forbidden"), fieldErrors: {}, values: echo(values) };
  try {
    const db = await getDb();
    const endpoint = await loadWebhookEndpointForStaff({ db, staff: access.staff, id: formString(form, "id") });
    const r = endpoint.ok
      ? await updateWebhookEndpoint({
          db,
          id: endpoint.value.id,
          input: values,
          actor: { type: "STAFF", id: access.staff.id },
          allowHttp: getConfig().webhooks.allowHttp,
        })
      : endpoint;
    if (!r.ok) return toFormState(uiLang(form), r, echo(values), WEBHOOK_TEXTS);
    revalidatePath(`/staff/webhooks/${formString(form, "id")}`);
    return { status: "saved", message: t("accountability.webhooks.saved"), fieldErrors: {}, values: echo(values) };
  } catch {
    return { status: "failed", message: t("accountability.webhooks.failed"), fieldErrors: {}, values: echo(values) };
  }
}

export async function rotateSecret(_prev: StaffFormState, form: FormData): Promise<StaffFormState> {
  const t = translatorFor(uiLang(form));
  const access = await checkStaff("webhooks.manage");
  if (!access.ok)
    return { status: "failed", message: t("accountability.webhooks.forbidden"), fieldErrors: {}, values: {} };
  try {
    const db = await getDb();
    const endpoint = await loadWebhookEndpointForStaff({ db, staff: access.staff, id: formString(form, "id") });
    const r = endpoint.ok
      ? await rotateWebhookSecret({ db, id: endpoint.value.id, actor: { type: "STAFF", id: access.staff.id } })
      : endpoint;
    if (!r.ok) return toFormState(uiLang(form), r, {}, WEBHOOK_TEXTS);
    return {
      status: "saved",
      message: t("accountability.webhooks.rotated"),
      fieldErrors: {},
      values: {},
      data: { secret: r.secret, id: `rotation-${r.previousValidUntil.getTime()}` },
    };
  } catch {
    return { status: "failed", message: t("accountability.webhooks.failed"), fieldErrors: {}, values: {} };
  }
}

/** The buttons of the endpoint page (on, off, replay, delete): each answers with a redirect naming its outcome. */
export async function endpointCommand(form: FormData): Promise<void> {
  const lang = formString(form, "uiLang");
  const id = formString(form, "id");
  const command = formString(form, "command");
  const access = await checkStaff("webhooks.manage");
  if (!access.ok) redirect(access.reason === "signed_out" ? "/staff/sign-in" : "/staff/forbidden");
  let outcome = "failed";
  let back = `/staff/webhooks/${encodeURIComponent(id)}`;
  try {
    const db = await getDb();
    const endpoint = await loadWebhookEndpointForStaff({ db, staff: access.staff, id });
    if (!endpoint.ok) outcome = endpoint.code;
    else {
      const actor = { type: "STAFF" as const, id: access.staff.id };
      const target = { db, id: endpoint.value.id, actor };
      if (command === "enable" || command === "disable") {
        const r = await setWebhookEndpointEnabled({ ...target, enabled: command === "enable" });
        outcome = r.ok ? (command === "enable" ? "enabled" : "disabled") : r.code;
      } else if (command === "replay") {
        const deliveryId = formString(form, "deliveryId") || undefined;
        const r = await replayDeadDeliveries({ ...target, deliveryId });
        outcome = r.ok ? "replayed" : r.code;
      } else if (command === "delete") {
        const r = await deleteWebhookEndpoint(target);
        outcome = r.ok ? "deleted" : r.code;
        if (r.ok) back = "/staff/webhooks";
      }
    }
  } catch {
    outcome = "failed";
  }
  revalidatePath("/staff/webhooks");
  if (outcome === "forbidden") redirect("/staff/forbidden");
  redirect(
    `${back}?${new URLSearchParams({ done: outcome, ...(isOffered(lang, offeredLanguages()) ? { lang } : {}) })}`,
  );
}
