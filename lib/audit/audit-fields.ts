// The names audit entries list as changed, each with a label in both languages (enums.auditField; a missing label is
// a compile error in lib/i18n/audit-action-texts.ts), so the audit page, a contact's history and the person's own
// page say "phone, job title", never "phone, jobTitle". Values never go in an entry, only which field changed.
// A name missing here is still shown, de-camelised ("job title"), by describeAuditFields.
export const AUDIT_FIELDS = [
  // Everything about the subject (an erasure)
  "*",
  // A person
  "name",
  "email",
  "phone",
  "jobTitle",
  "language",
  "category",
  "marketingOptOutAt",
  "tokenVersion",
  "roles",
  "notes",
  "subscriptions",
  "suppression",
  "source",
  "legalBasis",
  "legalBases",
  "sourceStaffId",
  "sourceOrganisationId",
  "contactId",
  "organisation",
  "id",
  "authorId",
  // Export formats of the person's own download
  "json",
  "csv",
  // Suppression
  "addressHash",
  "reason",
  "scope",
  // Organisations
  "orgNumber",
  "relationship",
  "relationshipStart",
  "relationshipEnd",
  "accountManagerId",
  "organisationId",
  // Privacy requests
  "type",
  "channel",
  "status",
  "receivedAt",
  "extendedDueAt",
  "extensionReason",
  "outcome",
  "completedAt",
  "handlerId",
  // Topics and segments
  "key",
  "nameSv",
  "nameEn",
  "descriptionSv",
  "descriptionEn",
  "purpose",
  "isMarketing",
  "defaultCategories",
  "sortOrder",
  "archivedAt",
  "filter",
  // Mailings
  "topicId",
  "segmentId",
  "mailingId",
  "fromName",
  "replyTo",
  "subjectSv",
  "subjectEn",
  "preheaderSv",
  "preheaderEn",
  "bodySv",
  "bodyEn",
  "template",
  "createdById",
  // Staff and API keys
  "role",
  "active",
  "userId",
  "revokedAt",
  // Legal holds
  "endsOn",
  "releasedAt",
  // The audit trail's own filters (an export names the ones it was made with)
  "person",
  "subjectType",
  "subjectId",
  "staffId",
  "action",
  "from",
  "to",
] as const;

export type AuditField = (typeof AUDIT_FIELDS)[number];

export const isAuditField = (v: unknown): v is AuditField => (AUDIT_FIELDS as readonly unknown[]).includes(v);
