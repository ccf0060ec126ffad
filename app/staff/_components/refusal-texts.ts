// Where each staff area's refusal texts are in the catalogue, for toFormState (refusal-state.ts). An area names only
// the texts it words its own way; every other code gets the register's. Keys are checked against the catalogue.
import type { NestedKeyOf } from "next-intl";
import type { Messages } from "@/lib/i18n/catalogue";

type Key = NestedKeyOf<Messages>;

export type RefusalTexts = {
  /** The status line of a form with invalid fields. */
  invalid: Key;
  /** A namespace with a text per field error code; codes without one get `errorFallback`. */
  errors: Key;
  errorFallback: Key;
  forbidden: Key;
  notFound: Key;
  /** A namespace with a text per conflict reason ("closed", "wrong_state" …); reasons without one get `conflict`. */
  conflicts?: Key;
  conflict: Key;
  /** The lead of a suppression refusal; each match follows as a detail (reason and day). */
  suppressed: Key;
  rateLimited: Key;
  unavailable: Key;
};

/** The register's texts (contacts, organisations, roles): the default, and the fallback of every other area. */
export const REGISTER_TEXTS: RefusalTexts = {
  invalid: "register.common.invalid",
  errors: "register.errors",
  errorFallback: "register.common.errorFallback",
  forbidden: "register.common.forbidden",
  notFound: "register.common.notFound",
  conflict: "register.common.conflict",
  suppressed: "register.contacts.suppressedLead",
  rateLimited: "register.common.rateLimited",
  unavailable: "register.common.unavailable",
};

/** Topics and segments. */
export const SEGMENT_TEXTS = {
  invalid: "segments.invalid",
  errors: "segments.errors",
  errorFallback: "segments.errorFallback",
  forbidden: "segments.forbidden",
  notFound: "segments.notFound",
} satisfies Partial<RefusalTexts>;

/** Notes on a contact: the register's texts, with the notes' own field errors. */
export const NOTE_TEXTS = {
  errors: "staffAdmin.notes.errors",
  errorFallback: "register.common.invalid",
} satisfies Partial<RefusalTexts>;

/** Inviting a staff member. */
export const STAFF_INVITE_TEXTS = {
  invalid: "staffAdmin.invite.invalid",
  errors: "staffAdmin.errors",
  errorFallback: "staffAdmin.invite.invalid",
  forbidden: "staffAdmin.outcome.forbidden",
} satisfies Partial<RefusalTexts>;

/** The compose form of a mailing (save, test, start, schedule). */
export const MAILING_TEXTS = {
  invalid: "mailings.errors.invalid",
  errors: "mailings.errors.codes",
  errorFallback: "mailings.errors.fallback",
  forbidden: "mailings.errors.forbidden",
  notFound: "mailings.errors.notFound",
  conflicts: "mailings.errors.conflicts",
} satisfies Partial<RefusalTexts>;

/** Pause, resume and cancel on the progress page: a state that moved on is told as "the page is up to date". */
export const MAILING_CONTROL_TEXTS = {
  ...MAILING_TEXTS,
  conflicts: "mailings.progress.conflicts",
} satisfies Partial<RefusalTexts>;

/** A privacy request's forms (status, extension, closing). */
export const PRIVACY_REQUEST_TEXTS = {
  invalid: "accountability.requests.form.invalid",
  errors: "accountability.requests.errors",
  errorFallback: "accountability.requests.errorFallback",
  forbidden: "accountability.requests.form.forbidden",
  notFound: "accountability.requests.errors.not_found",
  conflicts: "accountability.requests.errors",
} satisfies Partial<RefusalTexts>;

/** An incident's forms (record, update, affected contacts, authority, close). */
export const INCIDENT_TEXTS = {
  invalid: "accountability.incidents.form.invalid",
  errors: "accountability.incidents.errors",
  errorFallback: "accountability.incidents.errorFallback",
  forbidden: "accountability.incidents.form.forbidden",
  notFound: "accountability.incidents.errors.not_found",
  conflicts: "accountability.incidents.errors",
} satisfies Partial<RefusalTexts>;

/** Creating an API key. */
export const API_KEY_TEXTS = {
  invalid: "accountability.apiKeys.invalid",
  errors: "accountability.apiKeys.errors",
  errorFallback: "accountability.apiKeys.invalid",
  forbidden: "accountability.apiKeys.forbidden",
} satisfies Partial<RefusalTexts>;

/** Outbound webhook endpoints (/staff/webhooks). */
export const WEBHOOK_TEXTS = {
  invalid: "accountability.webhooks.invalid",
  errors: "accountability.webhooks.errors",
  errorFallback: "accountability.webhooks.invalid",
  forbidden: "accountability.webhooks.forbidden",
  notFound: "accountability.webhooks.notFound",
} satisfies Partial<RefusalTexts>;

/** Placing a legal hold (the Retention page). */
export const RETENTION_TEXTS = {
  invalid: "accountability.retention.invalid",
  errors: "accountability.retention.errors",
  errorFallback: "accountability.retention.invalid",
  forbidden: "accountability.retention.forbidden",
} satisfies Partial<RefusalTexts>;
