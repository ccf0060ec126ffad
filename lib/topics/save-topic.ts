// Staff create or edit a topic (sv/en name and description, purpose, marketing or not, default categories, order,
// archived). One transaction with its audit entry ("topic.created" / "topic.updated", changed field names).
// Default categories apply to contacts created from now on; existing subscriptions are never changed here.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { fieldErrorCodes, type NotFound, type Invalid, type Forbidden } from "@/lib/result";
import { TOPIC_FIELDS, topicSchema } from "./topic-schema";
import { loadTopicForStaff } from "@/lib/access/load-topic-for-staff";
import type { AuditField } from "@/lib/audit/audit-fields";
import { getPolicy } from "@/lib/policy/current-policy";

export type SaveTopicResult =
  { ok: true; id: string; created: boolean; changed: AuditField[] } | Invalid | Forbidden | NotFound;

const notInPolicy: Invalid = { ok: false, code: "invalid", fieldErrors: { purpose: "purpose_not_in_policy" } };

export async function saveTopic(opts: {
  db: Db;
  staff: StaffPrincipal;
  /** Absent to create a topic. */
  id?: string;
  input: unknown;
  now?: Date;
}): Promise<SaveTopicResult> {
  if (!can(opts.staff, "topics.manage")) return { ok: false, code: "forbidden" };
  const parsed = topicSchema.safeParse(opts.input);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: fieldErrorCodes(parsed.error) };
  const { archived, ...input } = parsed.data;
  const now = opts.now ?? new Date();
  const actor = { type: "STAFF" as const, id: opts.staff.id };
  try {
    return await opts.db.$transaction(async (tx) => {
      const taken = await tx.topic.findUnique({ where: { key: input.key }, select: { id: true } });
      if (taken && taken.id !== opts.id)
        return { ok: false as const, code: "invalid" as const, fieldErrors: { key: "key_taken" } };

      if (!opts.id) {
        // Mail is sent for a purpose of the deployment's policy, never for one it does not name.
        if (!getPolicy().purposes[input.purpose]) return notInPolicy;
        const topic = await tx.topic.create({
          data: { ...input, archivedAt: archived ? now : null },
          select: { id: true },
        });
        const fields: AuditField[] = [...TOPIC_FIELDS, ...(archived ? (["archivedAt"] as const) : [])];
        await recordAuditEvent(
          tx,
          { actor, action: "topic.created", subject: { type: "Topic", id: topic.id }, fields },
          now,
        );
        return { ok: true as const, id: topic.id, created: true, changed: fields };
      }

      const loaded = await loadTopicForStaff({ db: tx, staff: opts.staff, id: opts.id });
      if (!loaded.ok) return loaded;
      const current = await tx.topic.findUniqueOrThrow({ where: { id: loaded.value.id } });
      // The required notice topic (lib/notices/ensure-notice-topic.ts) keeps what makes it one: its texts may change.
      if (current.isRequired) {
        const fixed: Record<string, string> = {};
        if (input.key !== current.key) fixed.key = "required_topic_fixed";
        if (input.purpose !== current.purpose) fixed.purpose = "required_topic_fixed";
        if (input.isMarketing) fixed.isMarketing = "required_topic_fixed";
        if (input.offeredAtSignup) fixed.offeredAtSignup = "required_topic_fixed";
        if (input.defaultCategories.length > 0) fixed.defaultCategories = "required_topic_fixed";
        if (archived) fixed.archived = "required_topic_fixed";
        if (Object.keys(fixed).length > 0) return { ok: false as const, code: "invalid" as const, fieldErrors: fixed };
      }
      // A topic keeps a purpose the current policy dropped (it was valid when set), but cannot be moved to one.
      if (current.purpose !== input.purpose && !getPolicy().purposes[input.purpose]) return notInPolicy;
      const changed: AuditField[] = TOPIC_FIELDS.filter((f) =>
        f === "defaultCategories"
          ? [...current.defaultCategories].sort().join() !== [...input.defaultCategories].sort().join()
          : current[f] !== input[f],
      );
      // Archiving keeps the first archive date; un-archiving clears it.
      const archivedAt = archived ? (current.archivedAt ?? now) : null;
      if ((current.archivedAt === null) !== (archivedAt === null)) changed.push("archivedAt");
      if (changed.length === 0) return { ok: true as const, id: current.id, created: false, changed };
      await tx.topic.update({ where: { id: current.id }, data: { ...input, archivedAt } });
      // Topic texts are not personal data: the old and new values are kept with the entry.
      const personalValues = Object.fromEntries(
        changed.map((f) => [
          f,
          {
            from: f === "archivedAt" ? (current.archivedAt?.toISOString() ?? null) : current[f as keyof typeof input],
            to: f === "archivedAt" ? (archivedAt?.toISOString() ?? null) : input[f as keyof typeof input],
          },
        ]),
      );
      await recordAuditEvent(
        tx,
        { actor, action: "topic.updated", subject: { type: "Topic", id: current.id }, fields: changed, personalValues },
        now,
      );
      return { ok: true as const, id: current.id, created: false, changed };
    });
  } catch (e) {
    // Two saves of the same new key at once: the loser hits the unique key.
    if ((e as { code?: unknown }).code === "P2002")
      return { ok: false, code: "invalid", fieldErrors: { key: "key_taken" } };
    throw e;
  }
}
