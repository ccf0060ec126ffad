// Creates or edits an organisation, in one transaction with its audit entry. Setting the relationship's end date
// starts the retention clock for its contacts (lib/retention/compute-deletion-date.ts). Account managers may only
// change organisations they manage, and may not hand one to someone else (permissions.ts decides).
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { loadOrganisationForStaff } from "@/lib/access/load-organisation-for-staff";
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { organisationSchema, type OrganisationInput } from "./organisation-schema";
import { fieldErrorCodes, type NotFound, type Invalid, type Forbidden } from "@/lib/result";

export type SaveOrganisationResult =
  { ok: true; id: string; created: boolean; changed: string[] } | Invalid | Forbidden | NotFound;

const FIELDS = [
  "name",
  "orgNumber",
  "relationship",
  "relationshipStart",
  "relationshipEnd",
  "accountManagerId",
] as const satisfies readonly (keyof OrganisationInput)[];

const show = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : ((v as string | null) ?? null));

export async function saveOrganisation(opts: {
  db: Db;
  staff: StaffPrincipal;
  /** Absent: create. */
  id?: string;
  input: unknown;
  now?: Date;
}): Promise<SaveOrganisationResult> {
  if (!can(opts.staff, "organisations.write")) return { ok: false, code: "forbidden" };
  const parsed = organisationSchema.safeParse(opts.input);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: fieldErrorCodes(parsed.error) };
  const next = parsed.data;
  const now = opts.now ?? new Date();
  // An account manager's new organisation is theirs; they cannot give it (or take one) away from themselves.
  if (opts.staff.role === "ACCOUNT_MANAGER" && next.accountManagerId !== opts.staff.id) {
    if (!can(opts.staff, "organisations.write", { organisation: { accountManagerId: next.accountManagerId } }))
      return { ok: false, code: "invalid", fieldErrors: { accountManagerId: "account_manager_own_only" } };
  }

  try {
    return await opts.db.$transaction(async (tx): Promise<SaveOrganisationResult> => {
      if (next.accountManagerId) {
        const manager = await tx.staffUser.findUnique({
          where: { id: next.accountManagerId },
          select: { active: true },
        });
        if (!manager?.active)
          return {
            ok: false as const,
            code: "invalid" as const,
            fieldErrors: { accountManagerId: "account_manager_invalid" },
          };
      }
      if (next.orgNumber) {
        const taken = await tx.organisation.findUnique({ where: { orgNumber: next.orgNumber }, select: { id: true } });
        if (taken && taken.id !== opts.id)
          return { ok: false as const, code: "invalid" as const, fieldErrors: { orgNumber: "org_number_taken" } };
      }

      if (!opts.id) {
        const created = await tx.organisation.create({ data: { ...next, createdAt: now }, select: { id: true } });
        await recordAuditEvent(
          tx,
          {
            actor: { type: "STAFF", id: opts.staff.id },
            action: "organisation.created",
            subject: { type: "Organisation", id: created.id },
            fields: [...FIELDS],
          },
          now,
        );
        return { ok: true as const, id: created.id, created: true, changed: [...FIELDS] };
      }

      const access = await loadOrganisationForStaff({
        db: tx,
        staff: opts.staff,
        id: opts.id,
        permission: "organisations.write",
      });
      if (!access.ok) return access;
      const current = await tx.organisation.findUniqueOrThrow({ where: { id: access.organisation.id } });
      const changed = FIELDS.filter((f) => show(current[f]) !== show(next[f]));
      if (changed.length === 0) return { ok: true as const, id: current.id, created: false, changed: [] };
      await tx.organisation.update({ where: { id: current.id }, data: next });
      await recordAuditEvent(
        tx,
        {
          actor: { type: "STAFF", id: opts.staff.id },
          action:
            changed.includes("relationshipEnd") && next.relationshipEnd
              ? "organisation.relationship_ended"
              : "organisation.updated",
          subject: { type: "Organisation", id: current.id },
          fields: changed,
          personalValues: Object.fromEntries(changed.map((f) => [f, { from: show(current[f]), to: show(next[f]) }])),
        },
        now,
      );
      return { ok: true as const, id: current.id, created: false, changed };
    });
  } catch (e) {
    // Two saves racing for the same organisation number.
    if ((e as { code?: unknown }).code === "P2002")
      return { ok: false, code: "invalid", fieldErrors: { orgNumber: "org_number_taken" } };
    throw e;
  }
}
