// The date by which a contact's data is deleted at the latest, by the retention rule of the contact's category in the
// deployment's policy file (clock and years; lib/policy/file). Pure, given the rules, so the "my data" page, the
// export and the retention job agree. By the rule's clock:
//   relationshipEnded: the latest end among the organisations' relationships and the roles; while any organisation
//     is still in an active relationship the data is kept (a role ending alone does not start the clock: the reference
//     policy keeps such contacts while the organisation is a customer);
//   roleEnded: the latest end of the person's roles; kept while any role has no end;
//   lastContact: the latest of the source date (when we met) and the last activity.
// A contact without roles is counted from the last contact whatever the clock. A category the policy does not list
// (a contact registered under an earlier policy) gets the policy's shortest rule: deleted sooner, never kept longer.
import type { ContactCategory, Relationship } from "@/lib/generated/prisma/enums";
import type { PolicyFile } from "@/lib/policy/file/policy-file-schema";

export type RetentionRules = PolicyFile["categories"];

export type RetentionInput = {
  category: ContactCategory;
  sourceDate: Date | null;
  lastActivityAt: Date | null;
  createdAt: Date;
  roles: {
    endsOn: Date | null;
    organisation: { relationship: Relationship; relationshipEnd: Date | null };
  }[];
};

export type DeletionDate =
  /** The relationship lasts: deleted at most RETENTION_YEARS after it ends. */
  | { kind: "ongoing"; years: number }
  | {
      kind: "date";
      deleteBy: Date;
      since: Date;
      reason: "relationship_ended" | "role_ended" | "last_contact";
      years: number;
    };

const ENDED: readonly Relationship[] = ["FORMER_CUSTOMER"];

function addYears(d: Date, years: number): Date {
  const r = new Date(d);
  r.setUTCFullYear(r.getUTCFullYear() + years);
  // 29 February plus years that end in a common year is 28 February, not 1 March: "at the latest" never overshoots.
  if (r.getUTCDate() !== d.getUTCDate()) r.setUTCDate(0);
  return r;
}

function latest(dates: (Date | null | undefined)[]): Date | null {
  let best: Date | null = null;
  for (const d of dates) if (d && (!best || d.getTime() > best.getTime())) best = d;
  return best;
}

type Rule = NonNullable<RetentionRules[ContactCategory]>["retention"];

function ruleFor(category: ContactCategory, rules: RetentionRules): Rule {
  const own = rules[category]?.retention;
  if (own) return own;
  const all = Object.values(rules).map((c) => c.retention);
  return all.reduce((a, b) => (b.years < a.years ? b : a), { clock: "lastContact", years: 10 } as Rule);
}

export function computeDeletionDate(input: RetentionInput, rules: RetentionRules): DeletionDate {
  const { clock, years } = ruleFor(input.category, rules);
  const lastContact = latest([input.sourceDate, input.lastActivityAt]) ?? input.createdAt;
  if (clock === "lastContact" || input.roles.length === 0) {
    return { kind: "date", deleteBy: addYears(lastContact, years), since: lastContact, reason: "last_contact", years };
  }
  if (clock === "roleEnded") {
    if (input.roles.some((r) => r.endsOn === null)) return { kind: "ongoing", years };
    const ended = latest(input.roles.map((r) => r.endsOn)) ?? lastContact;
    return { kind: "date", deleteBy: addYears(ended, years), since: ended, reason: "role_ended", years };
  }
  const ongoing = input.roles.some(
    (r) => r.organisation.relationshipEnd === null && !ENDED.includes(r.organisation.relationship),
  );
  if (ongoing) return { kind: "ongoing", years };
  const ended =
    latest(input.roles.flatMap((r) => [r.organisation.relationshipEnd, r.endsOn])) ??
    // A former relationship without any recorded end date: count from the last contact rather than keep forever.
    lastContact;
  return { kind: "date", deleteBy: addYears(ended, years), since: ended, reason: "relationship_ended", years };
}
