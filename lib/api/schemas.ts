// The one set of schemas for the /api/v1 inputs and outputs. Route handlers parse with them and the OpenAPI
// document (openapi.ts) is generated from them, so the two cannot drift.
import { z } from "zod";
import { emailSchema, phoneSchema } from "@/lib/contacts/normalise";
import { RELATIONSHIPS, ROLE_TYPES } from "@/lib/enums";
import { orgNumberSchema } from "@/lib/organisations/org-number";
import {
  ChangeSource,
  ContactCategory,
  Language,
  PrivacyRequestStatus,
  PrivacyRequestType,
  Purpose,
  RoleType,
  SourceType,
  SubscriptionState,
  SuppressionReason,
  SuppressionScope,
} from "@/lib/generated/prisma/enums";

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

// ---------- Requests ----------

export const upsertContactBodySchema = z.strictObject({
  email: emailSchema,
  name: z.string({ error: "name_required" }).trim().min(1, { error: "name_required" }).max(200),
  // Absent leaves the stored value as it is; null clears it.
  phone: phoneSchema.nullable().optional(),
  jobTitle: optionalText(200),
  language: z.enum(Language).optional(),
  category: z.enum(ContactCategory, { error: "category_invalid" }),
  // The person's ids in the CRM and the support desk; absent leaves them, null clears them. Sent back in webhooks.
  crmId: optionalText(100),
  supportDeskId: optionalText(100),
  source: z.strictObject({
    type: z.enum(SourceType, { error: "source_type_invalid" }),
    detail: z.string().trim().max(500).optional(),
    date: z.iso.date({ error: "date_invalid" }).optional(),
  }),
});
export type UpsertContactBody = z.output<typeof upsertContactBodySchema>;

export const contactIdParamSchema = z.string().trim().min(1).max(64);

export const changesQuerySchema = z
  .strictObject({
    since: z.iso.datetime({ offset: true, error: "since_invalid" }).optional(),
    cursor: z
      .string()
      .regex(/^\d{1,19}$/, { error: "cursor_invalid" })
      .optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .refine((q) => q.since !== undefined || q.cursor !== undefined, {
    error: "since_or_cursor_required",
    path: ["since"],
  });

export const listContactsQuerySchema = z.strictObject({
  updatedSince: z.iso.datetime({ offset: true, error: "updated_since_invalid" }).optional(),
  // The `next` of the previous page, as it was given.
  cursor: z.string().max(200, { error: "cursor_invalid" }).optional(),
  limit: z.coerce
    .number({ error: "limit_invalid" })
    .int({ error: "limit_invalid" })
    .min(1, { error: "limit_invalid" })
    .max(500, { error: "limit_invalid" })
    .default(100),
});

export const suppressionCheckBodySchema = z.strictObject({ email: emailSchema });

export const privacyRequestBodySchema = z
  .strictObject({
    type: z.enum(PrivacyRequestType, { error: "type_invalid" }),
    // Self-service requests are recorded by the preference center itself, never through the API.
    channel: z.enum(["EMAIL", "PHONE", "LETTER"], { error: "channel_invalid" }),
    contactId: z.string().trim().min(1).max(64).optional(),
    email: emailSchema.optional(),
    details: z.string().trim().max(2000).optional(),
  })
  .refine((b) => (b.contactId === undefined) !== (b.email === undefined), {
    error: "contact_id_or_email_required",
    path: ["contactId"],
  });

const isoDay = (error: string) => z.iso.date({ error });

/**
 * An organisation as a CRM knows it, found by its organisation number (the CRM's and the register's common key).
 * The account manager is the company's own decision, made by staff in Tillit: not settable here.
 */
export const upsertOrganisationBodySchema = z
  .strictObject({
    orgNumber: z.string({ error: "org_number_invalid" }).pipe(orgNumberSchema),
    name: z.string({ error: "name_required" }).trim().min(1, { error: "name_required" }).max(200),
    relationship: z.enum(RELATIONSHIPS, { error: "relationship_invalid" }),
    // Absent leaves the stored value as it is; null clears it.
    relationshipStart: isoDay("date_invalid").nullable().optional(),
    relationshipEnd: isoDay("date_invalid").nullable().optional(),
  })
  .refine((o) => !o.relationshipStart || !o.relationshipEnd || o.relationshipEnd >= o.relationshipStart, {
    path: ["relationshipEnd"],
    error: "end_before_start",
  });
export type UpsertOrganisationBody = z.output<typeof upsertOrganisationBodySchema>;

/**
 * A contact's role at an organisation, as the CRM has it: found by organisation number and role type. An open role of
 * that type is updated (title, end), otherwise one is added; `endsOn` ends it (the contact stays in the register).
 */
export const setRoleBodySchema = z
  .strictObject({
    organisation: z.string({ error: "org_number_invalid" }).pipe(orgNumberSchema),
    type: z.enum(ROLE_TYPES, { error: "role_type_invalid" }),
    title: z.string().trim().max(200, { error: "title_too_long" }).nullable().optional(),
    startsOn: isoDay("date_invalid"),
    endsOn: isoDay("date_invalid").nullable().optional(),
  })
  .refine((r) => !r.endsOn || r.endsOn >= r.startsOn, { path: ["endsOn"], error: "end_before_start" });
export type SetRoleBody = z.output<typeof setRoleBodySchema>;

/**
 * A subscription change the person asked the company for through another system (a CRM, the support desk): the
 * topic by key, the new state, and how the request reached the company, kept with the change as its evidence.
 */
export const subscriptionChangeBodySchema = z.strictObject({
  topic: z.string({ error: "topic_required" }).trim().min(1, { error: "topic_required" }).max(64),
  state: z.enum(SubscriptionState, { error: "state_invalid" }),
  requestedVia: z.enum(["EMAIL", "PHONE", "LETTER", "MEETING", "WEB_FORM"], { error: "requested_via_invalid" }),
  note: z.string().trim().max(500, { error: "note_too_long" }).optional(),
});
export type SubscriptionChangeBody = z.output<typeof subscriptionChangeBodySchema>;

// ---------- Responses ----------

const dateTime = z.iso.datetime();

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum([
      "unauthorized",
      "forbidden",
      "invalid_json",
      "payload_too_large",
      "validation_failed",
      "not_found",
      "suppressed",
      "conflict",
      "rate_limited",
      "unavailable",
      "internal",
    ]),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional(),
    // Why a conflict: "opted_out" when only the person can take back their opt-out from all marketing.
    reason: z.string().optional(),
    reasons: z
      .array(z.object({ reason: z.enum(SuppressionReason), scope: z.enum(SuppressionScope), since: dateTime }))
      .optional(),
  }),
});
export type ErrorCode = z.output<typeof errorBodySchema>["error"]["code"];

export const upsertContactResponseSchema = z.object({
  id: z.string(),
  created: z.boolean(),
  changedFields: z.array(z.string()),
});

export const contactResponseSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  jobTitle: z.string().nullable(),
  language: z.enum(Language),
  category: z.enum(ContactCategory),
  source: z.object({
    type: z.enum(SourceType),
    detail: z.string().nullable(),
    date: z.iso.date().nullable(),
  }),
  marketingOptOutAt: dateTime.nullable(),
  // The end of the person's latest pause of marketing mail (a date in the past: the pause has ended). Not an
  // opt-out: send them no marketing before it; their subscriptions stay as they are.
  marketingPausedUntil: dateTime.nullable(),
  // The ids staff (or this API's upsert) recorded for the person in the CRM and the support desk.
  crmId: z.string().nullable(),
  supportDeskId: z.string().nullable(),
  roles: z.array(
    z.object({
      id: z.string(),
      organisation: z.object({ id: z.string(), name: z.string() }),
      type: z.enum(RoleType),
      title: z.string().nullable(),
      startsOn: z.iso.date(),
      endsOn: z.iso.date().nullable(),
    }),
  ),
  subscriptions: z.array(
    z.object({
      topic: z.string(),
      isMarketing: z.boolean(),
      state: z.enum(SubscriptionState),
      source: z.enum(ChangeSource),
      changedAt: dateTime,
    }),
  ),
  createdAt: dateTime,
  updatedAt: dateTime,
});
export type ContactResponse = z.output<typeof contactResponseSchema>;

export const contactListResponseSchema = z.object({
  contacts: z.array(contactResponseSchema),
  // Pass as `cursor` for the next page; null on the last page.
  next: z.string().nullable(),
});
export type ContactListResponse = z.output<typeof contactListResponseSchema>;

export const CHANGE_TYPES = [
  "created",
  "updated",
  "subscription_changed",
  "marketing_opt_out",
  "marketing_opt_in",
  "email_changed",
  "erased",
  "privacy_request",
] as const;

export const changesResponseSchema = z.object({
  changes: z.array(
    z.object({
      seq: z.string(),
      at: dateTime,
      change: z.enum(CHANGE_TYPES),
      // Null only for a privacy request that concerns no (or an erased) contact.
      contactId: z.string().nullable(),
      // Names of the changed fields (never values); absent for erased contacts.
      fields: z.array(z.string()).optional(),
      privacyRequest: z.object({ id: z.string(), type: z.enum(PrivacyRequestType) }).optional(),
    }),
  ),
  next: z.string().nullable(),
  hasMore: z.boolean(),
});
export type ChangesResponse = z.output<typeof changesResponseSchema>;

export const suppressionCheckResponseSchema = z.object({
  suppressed: z.boolean(),
  reasons: z.array(z.object({ reason: z.enum(SuppressionReason), scope: z.enum(SuppressionScope), since: dateTime })),
});

export const privacyRequestResponseSchema = z.object({
  id: z.string(),
  type: z.enum(PrivacyRequestType),
  channel: z.enum(["EMAIL", "PHONE", "LETTER"]),
  status: z.enum(PrivacyRequestStatus),
  contactId: z.string().nullable(),
  receivedAt: dateTime,
  dueAt: dateTime,
});

export const topicsResponseSchema = z.object({
  topics: z.array(
    z.object({
      id: z.string(),
      key: z.string(),
      nameSv: z.string(),
      nameEn: z.string(),
      descriptionSv: z.string(),
      descriptionEn: z.string(),
      purpose: z.enum(Purpose),
      isMarketing: z.boolean(),
      // A notice the company must send (no subscription: it cannot be set through the API).
      isRequired: z.boolean(),
      archived: z.boolean(),
    }),
  ),
});
export type TopicsResponse = z.output<typeof topicsResponseSchema>;

export const subscriptionChangeResponseSchema = z.object({
  topic: z.string(),
  state: z.enum(SubscriptionState),
  changed: z.boolean(),
});

export const upsertOrganisationResponseSchema = z.object({
  id: z.string(),
  created: z.boolean(),
  changedFields: z.array(z.string()),
});

export const setRoleResponseSchema = z.object({
  roleId: z.string(),
  created: z.boolean(),
  changedFields: z.array(z.string()),
});
