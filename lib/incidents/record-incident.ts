// Records a personal data incident as soon as it is known: the description, the risk, and a reference staff and the
// authority use (INC-2026-001). The 72 hours start from the discovery entered here. High risk starts Art. 34's
// notification of the people as planned. One transaction with the first row of the incident's log and its audit entry.
import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { invalid, parseInput, type Invalid } from "@/lib/result";
import { INCIDENT_FIELDS, recordIncidentSchema } from "./incident-schema";
import { logIncidentChange } from "./log-incident-change";

export type RecordIncidentResult = { ok: true; id: string; reference: string } | Invalid;

// Serialises numbering, so two incidents recorded at once never get the same reference.
const REFERENCE_LOCK_KEY = 7_240_611_330;
// A discovery a few minutes ahead is a clock difference, not a typo.
const FUTURE_TOLERANCE_MS = 5 * 60_000;

const yearIn = (at: Date) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric" }).format(at);

async function nextReference(tx: Tx, now: Date): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REFERENCE_LOCK_KEY}::bigint)`;
  const prefix = `INC-${yearIn(now)}-`;
  const [row] = await tx.$queryRaw<{ last: number | null }[]>`
    SELECT max(split_part("reference", '-', 3)::int) AS "last" FROM "Incident" WHERE "reference" LIKE ${`${prefix}%`}`;
  return `${prefix}${String((row?.last ?? 0) + 1).padStart(3, "0")}`;
}

export async function recordIncident(opts: {
  db: Db;
  input: unknown;
  staffId: string;
  now?: Date;
}): Promise<RecordIncidentResult> {
  const parsed = parseInput(recordIncidentSchema, opts.input);
  if (!parsed.ok) return parsed;
  const now = opts.now ?? new Date();
  const input = parsed.data;
  if (input.discoveredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return invalid({ discoveredAt: "in_future" });
  return opts.db.$transaction(async (tx) => {
    const reference = await nextReference(tx, now);
    const incident = await tx.incident.create({
      data: {
        ...input,
        reference,
        peopleStatus: input.risk === "HIGH_RISK" ? "PLANNED" : "NOT_REQUIRED",
        createdById: opts.staffId,
      },
      select: { id: true },
    });
    await logIncidentChange(tx, {
      incidentId: incident.id,
      staffId: opts.staffId,
      action: "incident.recorded",
      fields: INCIDENT_FIELDS.filter((f) => f !== "peopleNotifiedAt"),
      now,
    });
    return { ok: true as const, id: incident.id, reference };
  });
}
