// For bulk writers (the CSV import, the bulk seed) that insert contacts and then their legal bases, subscriptions and
// roles in one transaction: the triggers would rewrite each new ContactFacts row once per table, leaving three dead
// rows per contact (a 1M-contact load bloated the table to 4× its size and the count scans all of it). Instead the
// writer defers the triggers for its transaction and refreshes the contacts it wrote, once, before committing. It
// must refresh every contact it touched while deferred (see the migration contact_facts).

/** Turns the ContactFacts triggers off until the end of the transaction (or DEFER_OFF). */
export const DEFER_CONTACT_FACTS_SQL = `SELECT set_config('tillit.facts_deferred', 'on', true)`;

/** Turns the triggers back on and computes the facts of the contacts in $1 (a text[] of ids). */
export const REFRESH_CONTACT_FACTS_SQL = `SELECT set_config('tillit.facts_deferred', 'off', true),
  "tillit_refresh_contact_facts"($1::text[])`;
