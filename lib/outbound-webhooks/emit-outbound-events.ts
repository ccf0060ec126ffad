// Writes the outbound events of a set of audit entries, inside the transaction that records them (called from
// lib/audit/record-audit-event.ts after the chain lock, so `seq` follows commit order). An event is written only
// when an enabled endpoint subscribes to its type, with one delivery row per such endpoint; the endpoint list is read
// each time (a small table, one indexed query), so a just-created endpoint never misses an event.
//
// Payloads carry what a downstream system needs to find the person and no more: Tillit's id and the external ids
// staff recorded (crmId, supportDeskId); a correction adds the changed field names and their new values (contact
// columns only); an erasure only the ids and the fact.
import { randomUUID } from "node:crypto";
import type { RawSql } from "@/lib/db/raw";
import type { AuditInput } from "@/lib/audit/record-audit-event";
import { outboundTypeOf, type OutboundEventType } from "./event-types";

/** Contact columns whose new value a correction carries; other changed fields (roles, bases) go by name only. */
export const CORRECTABLE_COLUMNS = [
  "name",
  "email",
  "phone",
  "jobTitle",
  "language",
  "category",
  "crmId",
  "supportDeskId",
] as const;

export type ExternalIds = { crmId: string | null; supportDeskId: string | null };

export type OutboundPayload = {
  type: OutboundEventType;
  timestamp: string;
  data: {
    contact: ({ id: string } & ExternalIds) | null;
    fields?: string[];
    values?: Record<string, string | null>;
    topic?: string;
    state?: string;
    reason?: string;
    scope?: string;
    erased?: true;
    /** A pause of marketing mail: when it ends (ISO 8601). */
    until?: string;
  };
};

type Query = Pick<RawSql, "query">;
type ContactRow = { id: string } & ExternalIds & Record<string, string | null>;

export async function emitOutboundEvents(db: Query, inputs: readonly AuditInput[], now: Date): Promise<number> {
  const typed = inputs.flatMap((input) => {
    const type = outboundTypeOf(input.action, input.actor.type);
    return type ? [{ input, type }] : [];
  });
  if (typed.length === 0) return 0;
  const endpoints = await db.query<{ eventTypes: string[] }>(
    `SELECT "eventTypes" FROM "WebhookEndpoint" WHERE enabled`,
  );
  const wanted = new Set(endpoints.flatMap((e) => e.eventTypes));
  const told = typed.filter((t) => wanted.has(t.type));
  if (told.length === 0) return 0;

  // Which contact each entry concerns: the subject, or for a suppression the contact with that address.
  const suppressionIds = told.filter((t) => t.input.subject.type === "Suppression").map((t) => t.input.subject.id);
  const contactOfSuppression = new Map<string, string>();
  if (suppressionIds.length > 0) {
    const rows = await db.query<{ sid: string; cid: string }>(
      `SELECT s.id AS sid, c.id AS cid FROM "Suppression" s JOIN "Contact" c ON c."addressHash" = s."addressHash"
        WHERE s.id = ANY($1::text[])`,
      [suppressionIds],
    );
    for (const r of rows) contactOfSuppression.set(r.sid, r.cid);
  }
  const contactIdOf = (input: AuditInput) =>
    input.subject.type === "Contact" ? input.subject.id : (contactOfSuppression.get(input.subject.id) ?? null);
  const ids = [...new Set(told.map((t) => contactIdOf(t.input)).filter((id): id is string => id !== null))];
  const contacts = new Map<string, ContactRow>();
  if (ids.length > 0) {
    const rows = await db.query<ContactRow>(
      `SELECT id, ${CORRECTABLE_COLUMNS.map((c) => `"${c}"::text AS "${c}"`).join(", ")}
         FROM "Contact" WHERE id = ANY($1::text[])`,
      [ids],
    );
    for (const r of rows) contacts.set(r.id, r);
  }

  const events = told.map(({ input, type }) => {
    const contactId = contactIdOf(input);
    const row = contactId ? contacts.get(contactId) : undefined;
    const external = input.externalIds ?? {
      crmId: row?.crmId ?? null,
      supportDeskId: row?.supportDeskId ?? null,
    };
    const payload: OutboundPayload = {
      type,
      timestamp: now.toISOString(),
      data: { contact: contactId ? { id: contactId, ...external } : null, ...detailsOf(type, input, row) },
    };
    return { id: randomUUID(), type, contactId, payload };
  });

  for (let i = 0; i < events.length; i += 5000) {
    const chunk = events.slice(i, i + 5000);
    await db.query(
      `WITH e AS (
         INSERT INTO "OutboundEvent" (id, type, "contactId", payload, "occurredAt")
         SELECT u.id, u.type, u.cid, u.payload, $5::timestamp
           FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[]) WITH ORDINALITY AS u(id, type, cid, payload, n)
          ORDER BY u.n
         RETURNING id, seq, type, "contactId")
       INSERT INTO "WebhookDelivery" (id, "endpointId", "eventId", seq, lane, "nextAttemptAt", "createdAt", "updatedAt")
       SELECT gen_random_uuid()::text, ep.id, e.id, e.seq, COALESCE(e."contactId", e.id), $5::timestamp, $5::timestamp,
              $5::timestamp
         FROM e JOIN "WebhookEndpoint" ep ON ep.enabled AND e.type = ANY(ep."eventTypes")`,
      [
        chunk.map((e) => e.id),
        chunk.map((e) => e.type),
        chunk.map((e) => e.contactId),
        chunk.map((e) => JSON.stringify(e.payload)),
        now.toISOString(),
      ],
    );
  }
  return events.length;
}

function detailsOf(
  type: OutboundEventType,
  input: AuditInput,
  row: ContactRow | undefined,
): Partial<OutboundPayload["data"]> {
  const values = (input.personalValues ?? {}) as Record<string, unknown>;
  switch (type) {
    case "contact.corrected": {
      const fields = [...(input.fields ?? [])];
      const newValues: Record<string, string | null> = {};
      for (const f of fields)
        if (row && (CORRECTABLE_COLUMNS as readonly string[]).includes(f)) newValues[f] = row[f] ?? null;
      return { fields, values: newValues };
    }
    case "contact.email_changed":
      return { fields: ["email"], values: { email: row?.email ?? null } };
    case "subscription.changed":
      return {
        topic: typeof values.topic === "string" ? values.topic : undefined,
        state: typeof values.to === "string" ? values.to : undefined,
      };
    case "suppression.added":
      return {
        reason: typeof values.reason === "string" ? values.reason : undefined,
        scope: typeof values.scope === "string" ? values.scope : undefined,
      };
    case "contact.marketing_paused":
      return { until: typeof values.until === "string" ? values.until : undefined };
    case "contact.erased":
    case "contact.retention_deleted":
      return { erased: true };
    default:
      return {};
  }
}

/**
 * In the erasure's transaction: the person's queued and past events keep their type, ids and dates but lose every
 * value (a correction's new name or address), so nothing personal waits in the outbox for a person who is gone.
 */
export async function stripOutboundValues(db: Query, contactId: string): Promise<void> {
  await db.query(
    `UPDATE "OutboundEvent" SET payload = payload #- '{data,values}'
      WHERE "contactId" = $1 AND payload #> '{data,values}' IS NOT NULL`,
    [contactId],
  );
}
