// The date by which a contact's data is deleted at the latest: RETENTION_YEARS after the relationship ended
// (privacy policy 2024-03-25). Pure, so the "my data" page, the export and the retention job agree.
//   customer, partner and supplier contacts: the latest end among their organisations' relationships and their roles;
//     while any organisation is still in an active relationship, the data is kept (a role ending alone does not
//     start the clock: the policy keeps such contacts while the organisation is a customer);
//   prospects: the latest of the source date (when we met) and the last activity.
import type { ContactCategory, Relationship } from "@/lib/generated/prisma/enums";
import { RETENTION_YEARS } from "@/lib/policy/purposes";

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
  | { kind: "date"; deleteBy: Date; since: Date; reason: "relationship_ended" | "last_contact"; years: number };

const ENDED: readonly Relationship[] = ["FORMER_CUSTOMER"];

function addYears(d: Date, years: number): Date {
  const r = new Date(d);
  r.setUTCFullYear(r.getUTCFullYear() + years);
  return r;
}

function latest(dates: (Date | null | undefined)[]): Date | null {
  let best: Date | null = null;
  for (const d of dates) if (d && (!best || d.getTime() > best.getTime())) best = d;
  return best;
}

export function computeDeletionDate(input: RetentionInput): DeletionDate {
  const years = RETENTION_YEARS;
  const lastContact = latest([input.sourceDate, input.lastActivityAt]) ?? input.createdAt;
  if (input.category === "PROSPECT" || input.roles.length === 0) {
    return { kind: "date", deleteBy: addYears(lastContact, years), since: lastContact, reason: "last_contact", years };
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
