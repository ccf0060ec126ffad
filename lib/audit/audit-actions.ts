// Every action the audit trail records: a closed list, so an entry cannot be written under a name nobody can read
// (the audit page and the person's own data page need a label for each; a missing label is a compile error there).
// Grouped by the resource acted on; the family prefix ("contact.", "mailing.") is the resource.
export const AUDIT_ACTIONS = [
  // A person in the register
  "contact.created",
  "contact.imported",
  "contact.updated",
  "contact.updated_by_import",
  "contact.corrected_by_self",
  "contact.email_change_requested",
  "contact.email_changed",
  "contact.viewed",
  "contact.viewed_by_self",
  "contact.exported_by_self",
  "contact.links_revoked",
  "contact.marketing_opt_out",
  "contact.marketing_opt_in",
  "contact.marketing_paused",
  "contact.marketing_pause_ended",
  "contact.note_added",
  "contact.note_deleted",
  "contact.role_added",
  "contact.role_ended",
  "contact.role_changed",
  "contact.suppression_overridden",
  "contact.erased",
  "contact.signed_up",
  "contact.evidence_exported",
  "contacts.import_batch",
  "contacts.bulk_created",
  "contacts.exported",
  "recipient.session_opened",
  // Subscriptions and suppression
  "subscription.subscribed",
  "subscription.unsubscribed",
  "subscription.leaving_reason_given",
  "suppression.added",
  // Organisations
  "organisation.created",
  "organisation.updated",
  "organisation.relationship_ended",
  // Privacy requests
  "privacy_request.recorded",
  "privacy_request.updated",
  "privacy_request.extended",
  "privacy_request.completed",
  "privacy_request.replied",
  // Personal data incidents (Art. 33/34)
  "incident.recorded",
  "incident.updated",
  "incident.contacts_added",
  "incident.authority_notified",
  "incident.authority_not_notified",
  "incident.closed",
  "incident.people_notification_drafted",
  "incident.people_notification_sent",
  // Marketing
  "topic.created",
  "topic.updated",
  "segment.created",
  "segment.updated",
  "segment.archived",
  "segment.restored",
  "mailing.created",
  "mailing.updated",
  "mailing.scheduled",
  "mailing.started",
  "mailing.paused",
  "mailing.resumed",
  "mailing.cancelled",
  "mailing.finished",
  "mailing.held_batch_sent_again",
  "mailing.held_batch_skipped",
  // Staff, keys and the trail itself
  "staff.signed_in",
  "staff.signed_out",
  "staff.invited",
  "staff.role_changed",
  "staff.deactivated",
  "staff.reactivated",
  "api_key.created",
  "api_key.revoked",
  // Outbound webhooks to downstream systems (Art. 19)
  "webhook.created",
  "webhook.updated",
  "webhook.secret_rotated",
  "webhook.enabled",
  "webhook.disabled",
  "webhook.deleted",
  "webhook.replayed",
  "audit.exported",
  // The record of processing activities (Art. 30), taken out as a file
  "records.exported",
  // Legal holds that keep contacts from the retention job (lib/retention)
  "legalHold.placed",
  "legalHold.released",
  // The register's own settings (RegisterSetting: the yearly registration notice on or off)
  "setting.changed",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const isAuditAction = (v: unknown): v is AuditAction => (AUDIT_ACTIONS as readonly unknown[]).includes(v);
