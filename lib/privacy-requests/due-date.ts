// GDPR Art. 12(3): answer within one month of receipt (extendable by two further months with reasons).
export function privacyRequestDueAt(receivedAt: Date): Date {
  const due = new Date(receivedAt);
  const day = due.getUTCDate();
  due.setUTCMonth(due.getUTCMonth() + 1);
  // 31 January + 1 month is the last day of February, not 3 March.
  if (due.getUTCDate() < day) due.setUTCDate(0);
  return due;
}

/** Open requests count against their extended due date when there is one. */
export function effectiveDueAt(r: { dueAt: Date; extendedDueAt: Date | null }): Date {
  return r.extendedDueAt ?? r.dueAt;
}
