// The key of the yearly registration notice's template (emails/registration-notice.tsx) in Mailing.template: the
// renderer picks the template by it, and the segment filter's notMailedSince counts such a mailing even when the
// delivery was left out at send time. Its own module so both can import it (the renderer is server-only).
export const REGISTRATION_NOTICE_TEMPLATE = "registration-notice";
