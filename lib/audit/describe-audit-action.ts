// A readable description of an audit action in the page's language. Known actions get their own text, families such
// as "subscription.*" a general one; anything else is shown raw, so a new action is never hidden.
export type ActionTexts = {
  actions: Record<string, string>;
  actionPrefixes: Record<string, string>;
  rawAction: string;
  /** Labels of changed fields (enums.auditField); "*" is stored under "all". */
  fields: Record<string, string>;
};

export type ActionDescription = { text: string; known: "exact" | "family" | "unknown" };

export function describeAuditAction(action: string, t: ActionTexts): ActionDescription {
  const exact = t.actions[action];
  if (exact) return { text: exact, known: "exact" };
  for (const [prefix, text] of Object.entries(t.actionPrefixes)) {
    if (action.startsWith(prefix)) return { text, known: "family" };
  }
  return { text: `${action} (${t.rawAction})`, known: "unknown" };
}

/** The changed fields of an entry in words, in the page's language: "phone number, job title". A name without a label
 * (an entry older than the label) is de-camelised rather than shown as code. */
export function describeAuditFields(fields: readonly string[], t: Pick<ActionTexts, "fields">): string {
  return fields
    .map(
      (f) =>
        t.fields[f === "*" ? "all" : f] ??
        f
          .replace(/([a-z])([A-Z])/g, "$1 $2")
          .replace(/_/g, " ")
          .toLowerCase(),
    )
    .join(", ");
}
