// Links the contacts an incident concerns, either everyone matching a segment filter (the same condition a mailing's
// expansion uses, segment-sql.ts) or a pasted list of addresses, one a line. Lines that match nobody are handed back
// as typed, so staff can see whom the register does not hold. Contacts already linked are not counted again.
import "server-only";
import { z } from "zod";
import { normaliseEmail } from "@/lib/contacts/normalise";
import type { Db } from "@/lib/db/client";
import { segmentFilterSchema } from "@/lib/segments/segment-filter";
import { segmentConditionSql } from "@/lib/segments/segment-sql";
import { fail, parseInput, type Because, type Invalid, type NotFound } from "@/lib/result";
import { logIncidentChange } from "./log-incident-change";

export const MAX_PASTED_LINES = 5000;

export const addAffectedContactsSchema = z.discriminatedUnion(
  "by",
  [
    z.object({ by: z.literal("filter"), filter: segmentFilterSchema }),
    z.object({
      by: z.literal("list"),
      addresses: z
        .string({ error: "addresses_required" })
        .transform((v) => [
          ...new Set(
            v
              .split(/\r?\n/)
              .map((l) => l.trim())
              .filter(Boolean),
          ),
        ])
        .pipe(
          z
            .array(z.string())
            .min(1, { error: "addresses_required" })
            .max(MAX_PASTED_LINES, { error: "addresses_too_many" }),
        ),
    }),
  ],
  { error: "by_invalid" },
);

export type AddAffectedContactsResult =
  { ok: true; added: number; total: number; notFound: string[] } | Invalid | NotFound | Because<"conflict", "closed">;

export async function addAffectedContacts(opts: {
  db: Db;
  id: string;
  input: unknown;
  staffId: string;
  now?: Date;
}): Promise<AddAffectedContactsResult> {
  const parsed = parseInput(addAffectedContactsSchema, opts.input);
  if (!parsed.ok) return parsed;
  const now = opts.now ?? new Date();
  const input = parsed.data;
  return opts.db.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { id: opts.id }, select: { id: true, closedAt: true } });
    if (!incident) return fail("not_found");
    if (incident.closedAt) return fail("conflict", { reason: "closed" });
    let added: number;
    let notFound: string[] = [];
    if (input.by === "filter") {
      added = await tx.$executeRaw`
        INSERT INTO "IncidentContact" ("incidentId", "contactId", "addedAt")
        SELECT ${incident.id}, c."id", ${now} FROM "Contact" c WHERE ${segmentConditionSql(input.filter, now)}
        ON CONFLICT DO NOTHING`;
    } else {
      const byAddress = new Map(input.addresses.map((line) => [normaliseEmail(line), line]));
      const found = await tx.contact.findMany({
        where: { email: { in: [...byAddress.keys()] } },
        select: { id: true, email: true },
      });
      const foundAddresses = new Set(found.map((c) => c.email));
      notFound = [...byAddress].filter(([address]) => !foundAddresses.has(address)).map(([, line]) => line);
      const created = await tx.incidentContact.createMany({
        data: found.map((c) => ({ incidentId: incident.id, contactId: c.id, addedAt: now })),
        skipDuplicates: true,
      });
      added = created.count;
    }
    if (added > 0)
      await logIncidentChange(tx, {
        incidentId: incident.id,
        staffId: opts.staffId,
        action: "incident.contacts_added",
        fields: ["contacts"],
        now,
      });
    const total = await tx.incidentContact.count({ where: { incidentId: incident.id } });
    return { ok: true as const, added, total, notFound };
  });
}
