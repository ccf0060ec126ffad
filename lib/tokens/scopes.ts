// What each kind of link may do, and for how long. Forwarded mail is the threat model: the long-lived footer link
// only shows and changes mailing choices; seeing or changing personal data needs a fresh single-use link sent to the
// address on record.
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export const SCOPES = {
  /** Footer link: the preference page and opting out (extra = the mailing it came in, if any). At least 12 months. */
  preferences: { code: "p", lifetimeMs: 400 * DAY },
  /** List-Unsubscribe URL: one-click opt-out from the mailing's topic (extra = topic id, or "all"). */
  unsubscribe: { code: "u", lifetimeMs: 400 * DAY },
  /** Step-up link sent to the address on record: opens a short session (extra = single-use id). */
  stepUp: { code: "s", lifetimeMs: 1 * HOUR },
  /** Confirmation of a new email address, sent to that address (extra = pending change id). */
  emailChange: { code: "e", lifetimeMs: 1 * DAY },
} as const;

export type Scope = keyof typeof SCOPES;

/** The recipient session that a step-up link opens. */
export const RECIPIENT_SESSION_MS = 30 * 60 * 1000;
