// Turns a compact event (kind, subject index, extra) into the audit entry the app itself writes for that action: the
// same action names, subject types, field lists, actors and personal values as the use-cases quoted beside each kind.
import type { AuditInput } from "@/lib/audit/record-audit-event";
import type { AuditField } from "@/lib/audit/audit-fields";
import { MAILING_DRAFT_FIELDS } from "@/lib/mailings/mailing-draft-schema";
import { contactId, erasedContactId, orgId, requestId, roleId, type RequestVariant, type SeedContext } from "./context";
import { EV, type EventKind } from "./event-log";
import { LAST, personFor } from "./names";
import { DAY_MS, pick } from "./random";

const SOURCES = ["SELF", "ONE_CLICK", "STAFF"] as const;
export const sourceCode = (s: (typeof SOURCES)[number]) => SOURCES.indexOf(s);

/** What staff edits change (update-contact.ts names the changed fields and keeps their values outside the hash). */
const UPDATE_SETS: AuditField[][] = [
  ["jobTitle"],
  ["phone"],
  ["phone", "jobTitle"],
  ["language"],
  ["name"],
  ["jobTitle", "language"],
];
const OLD_TITLES = ["Tekniker", "Konsult", "Ekonomiassistent", "IT-samordnare", "Säljare", "Supporttekniker"];

/** Imported contacts' entry (create-contacts-with-defaults.ts, importedFields): the bulk contacts all have a title and a role. */
export const importedFields = (hasPhone: boolean): AuditField[] => [
  "name",
  "email",
  "language",
  "category",
  "source",
  "legalBases",
  "subscriptions",
  ...(hasPhone ? (["phone"] as const) : []),
  "jobTitle",
  "roles",
];
export const hasPhone = (i: number) => personFor(i).phone !== null;

export function describeEvent(ctx: SeedContext, kind: EventKind, n: number, extra: number): AuditInput {
  const contact = { type: "Contact", id: contactId(ctx, n) };
  const self = { type: "CONTACT" as const, id: contact.id };
  const staff = (id: string) => ({ type: "STAFF" as const, id });
  switch (kind) {
    case EV.contactImported:
      return {
        actor: staff(ctx.staff.admin),
        action: "contact.imported",
        subject: contact,
        fields: importedFields(hasPhone(n)),
      };
    case EV.contactViewed: // view-contact.ts: full view
      return {
        actor: staff(pick(ctx.staff.viewers, extra)),
        action: "contact.viewed",
        subject: contact,
        fields: ["*"],
      };
    case EV.contactUpdated: {
      const fields = pick(UPDATE_SETS, extra);
      const values = Object.fromEntries(fields.map((f) => [f, changedValue(f, n, extra)]));
      return {
        actor: staff(pick(ctx.staff.viewers, extra >> 4)),
        action: "contact.updated",
        subject: contact,
        fields,
        personalValues: values,
      };
    }
    case EV.sessionOpened: // spend-step-up-link.ts
      return { actor: self, action: "recipient.session_opened", subject: contact };
    case EV.viewedBySelf: // record-self-access.ts
      return { actor: self, action: "contact.viewed_by_self", subject: contact };
    case EV.subscriptionChanged: {
      // set-subscription.ts / change-subscription-by-staff.ts
      const topic = ctx.topics[extra & 0xff]!;
      const on = (extra >> 8) & 1;
      const source = SOURCES[(extra >> 9) & 3]!;
      return {
        actor: source === "STAFF" ? staff(pick(ctx.staff.viewers, n)) : self,
        action: on ? "subscription.subscribed" : "subscription.unsubscribed",
        subject: contact,
        fields: ["subscriptions"],
        personalValues: {
          topic: topic.key,
          from: on ? "UNSUBSCRIBED" : "SUBSCRIBED",
          to: on ? "SUBSCRIBED" : "UNSUBSCRIBED",
          source,
        },
      };
    }
    case EV.optedOut: // unsubscribe-from-all.ts
      return {
        actor: self,
        action: "contact.marketing_opt_out",
        subject: contact,
        fields: ["marketingOptOutAt", "subscriptions"],
        personalValues: { topicsStopped: extra & 0xff, source: SOURCES[extra >> 8]! },
      };
    case EV.roleEnded: // end-role.ts
      return {
        actor: staff(pick(ctx.staff.viewers, n)),
        action: "contact.role_ended",
        subject: contact,
        fields: ["roles"],
        personalValues: { roleId: roleId(ctx, n), from: null, to: new Date(extra * DAY_MS).toISOString().slice(0, 10) },
      };
    case EV.orgRelationshipEnded:
      return {
        actor: staff(ctx.staff.admin),
        action: "organisation.relationship_ended",
        subject: { type: "Organisation", id: orgId(ctx, n) },
        fields: ["relationship", "relationshipEnd"],
      };
    case EV.requestRecorded: // record-privacy-request.ts, record-staff-request.ts
      return {
        actor: extra & 4 ? self : staff(ctx.staff.privacy),
        action: "privacy_request.recorded",
        subject: request(ctx, n, extra),
        fields: ["type", "channel", "status"],
      };
    case EV.requestUpdated: // update-privacy-request.ts: taken on
      return {
        actor: staff(ctx.staff.privacy),
        action: "privacy_request.updated",
        subject: request(ctx, n, extra),
        fields: ["status", "handlerId"],
      };
    case EV.requestExtended: // extend-privacy-request.ts
      return {
        actor: staff(ctx.staff.privacy),
        action: "privacy_request.extended",
        subject: request(ctx, n, extra),
        fields: ["extendedDueAt", "extensionReason"],
      };
    case EV.requestCompleted: // complete-privacy-request.ts
      return {
        actor: staff(ctx.staff.privacy),
        action: "privacy_request.completed",
        subject: request(ctx, n, extra),
        fields: ["status", "outcome", "completedAt"],
      };
    case EV.contactErased: // erase-contact.ts: no personal values
      return {
        actor: staff(ctx.staff.privacy),
        action: "contact.erased",
        subject: { type: "Contact", id: erasedContactId(ctx, n) },
        fields: ["*"],
      };
    case EV.mailingCreated: // save-mailing-draft.ts
      return {
        actor: staff(ctx.staff.marketing),
        action: "mailing.created",
        subject: mailing(ctx, n),
        fields: [...MAILING_DRAFT_FIELDS],
      };
    case EV.mailingScheduled: // change-mailing-state.ts via start-mailing.ts
      return { actor: staff(ctx.staff.marketing), action: "mailing.scheduled", subject: mailing(ctx, n) };
    case EV.mailingStarted: // dispatch-due-mailings.ts
      return { actor: { type: "SYSTEM" }, action: "mailing.started", subject: mailing(ctx, n) };
    case EV.mailingFinished:
      return { actor: { type: "SYSTEM" }, action: "mailing.finished", subject: mailing(ctx, n) };
  }
}

const request = (ctx: SeedContext, i: number, extra: number) => ({
  type: "PrivacyRequest",
  id: requestId(ctx, i, (extra & 3) as RequestVariant),
});
const mailing = (ctx: SeedContext, k: number) => ({ type: "Mailing", id: ctx.mailings[k]!.id });

function changedValue(field: AuditField, i: number, variant: number): { from: string | null; to: string | null } {
  const now = personFor(i);
  switch (field) {
    case "phone":
      return { from: `+4673${String(1000000 + ((i * 31 + variant) % 9000000))}`, to: now.phone };
    case "language":
      return { from: now.language === "sv" ? "en" : "sv", to: now.language };
    case "name":
      return { from: `${now.first} ${pick(LAST, i + variant + 1)}`, to: now.name };
    default:
      return { from: pick(OLD_TITLES, i + variant), to: now.jobTitle };
  }
}
