// A readable description of an audit action in the page's language. Known actions get their own text, families such
// as "subscription.*" a general one; anything else is shown raw, so a new action is never hidden.
export type ActionTexts = {
  actions: Record<string, string>;
  actionPrefixes: Record<string, string>;
  rawAction: string;
};

export type ActionDescription = { text: string; known: "exact" | "family" | "unknown" };

export function describeAuditAction(action: string, t: ActionTexts): ActionDescription {
  const exact = t.actions[action];
  if (exact) return { text: exact, known: "exact" };
  for (const [prefix, text] of Object.entries(t.actionPrefixes)) {
    if (action.startsWith(prefix)) return { text: `${text} (${action})`, known: "family" };
  }
  return { text: `${action} (${t.rawAction})`, known: "unknown" };
}
