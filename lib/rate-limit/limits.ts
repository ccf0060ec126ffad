// Every rate limit in one table: what is limited, how many requests, per how long. The name keeps the counters of
// different limits apart and is the readable part of each key in the RateLimit table.
export type RateLimitRule = {
  name: string;
  /** Requests allowed per window; the next one is refused until the window ends. */
  points: number;
  durationSeconds: number;
};

const HOUR = 60 * 60;

export const RATE_LIMITS = {
  /** "Send me a link", per address: a few mails an hour are plenty for a person, useless for mail-bombing. */
  linkRequestAddress: { name: "link-request:address", points: 3, durationSeconds: HOUR },
  /** "Send me a link", per client: enough for a household or an office behind one address, not for probing. */
  linkRequestClient: { name: "link-request:client", points: 20, durationSeconds: 10 * 60 },
  /** Step-up mails per contact: a link holder cannot flood the mailbox. */
  stepUp: { name: "step-up", points: 5, durationSeconds: HOUR },
  /** "Send me a new link" from a link-problem page, per contact. */
  freshLink: { name: "fresh-link", points: 3, durationSeconds: HOUR },
  /** Email-change confirmations per contact: the form must not become a way to mail strangers. */
  emailChange: { name: "email-change", points: 5, durationSeconds: HOUR },
  /** Staff sign-in links per address: a person asks a few times; more only fills their mailbox. */
  staffSignInAddress: { name: "staff-sign-in:address", points: 5, durationSeconds: 15 * 60 },
  /** Staff sign-in requests per client: an office shares an address, a script guessing staff addresses does not. */
  staffSignInClient: { name: "staff-sign-in:client", points: 20, durationSeconds: 15 * 60 },
  /** Sign-ups per address: a few confirmation mails an hour, never a way to flood someone's mailbox. */
  signupAddress: { name: "signup:address", points: 3, durationSeconds: HOUR },
  /** Sign-ups per client: an office behind one address, not a script signing up lists of strangers. */
  signupClient: { name: "signup:client", points: 20, durationSeconds: 10 * 60 },
} as const satisfies Record<string, RateLimitRule>;

/** The CRM API's limit is per API key and configurable (API_RATE_LIMIT_PER_MINUTE): syncs differ in size. */
export const apiKeyRule = (perMinute: number): RateLimitRule => ({
  name: "api:key",
  points: perMinute,
  durationSeconds: 60,
});
