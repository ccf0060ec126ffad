// A staff member opens one contact: everything the person sees about themselves (getContactRecord) plus staff-only
// fields, cut down to what the role may receive (redactContact: marketing never gets the phone number or notes, nor
// the old and new values of past changes, which may hold one). Reading a full record is audited ("contact.viewed")
// in the same transaction as the read. With the full-record right, staff also see when the person got a copy of their
// own data (shown on /me or downloaded), read from the self-service access events in the audit trail.
import "server-only";
import type { Forbidden, NotFound } from "@/lib/result";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can, redactContact, visibleContactFields, type StaffPrincipal } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { getContactRecord, type ContactRecord } from "@/lib/contacts/get-contact-record";
import { loadContactForStaff } from "@/lib/access/load-contact-for-staff";
import { listHoldsOnContact, type HoldOnContact } from "@/lib/retention/list-holds-on-contact";

export type StaffContactView = {
  contact: Partial<ContactRecord["contact"]> & { id: string; name: string; email: string };
  full: boolean;
  writable: boolean;
  staffOnly: {
    tokenVersion: number;
    sourceStaff: string | null;
    roles: {
      id: string;
      organisationId: string;
      organisation: string;
      type: ContactRecord["roles"][number]["type"];
      title: string | null;
      startsOn: Date;
      endsOn: Date | null;
    }[];
    subscriptions: {
      topicId: string;
      key: string;
      nameSv: string;
      nameEn: string;
      isMarketing: boolean;
      state: "SUBSCRIBED" | "UNSUBSCRIBED";
    }[];
  };
  record: Omit<ContactRecord, "contact"> | null;
  /** Legal holds keeping the contact from the retention job; null without the full right. */
  legalHolds: HoldOnContact[] | null;
  /** The latest copies the person got themselves, newest first (at most COPIES_SHOWN); null without the full right. */
  copiesGiven: CopyGiven[] | null;
};

/** One copy of the person's data given to the person: shown on their page, or downloaded in a format. */
export type CopyGiven = { at: Date; kind: "shown" | "json" | "csv" };

export const COPIES_SHOWN = 20;

export async function viewContact(opts: {
  db: Db;
  staff: StaffPrincipal;
  contactId: string;
  now?: Date;
}): Promise<{ ok: true; view: StaffContactView } | Forbidden | NotFound> {
  if (!can(opts.staff, "contacts.read")) return { ok: false, code: "forbidden" };
  const full = can(opts.staff, "contacts.readFull");
  const now = opts.now ?? new Date();
  return opts.db.$transaction(async (tx) => {
    const record = await getContactRecord({ db: tx, contactId: opts.contactId });
    if (!record) return { ok: false as const, code: "not_found" as const };
    const extra = await tx.contact.findUniqueOrThrow({
      where: { id: opts.contactId },
      select: {
        tokenVersion: true,
        sourceStaff: { select: { name: true, email: true } },
        roles: { orderBy: { startsOn: "asc" }, include: { organisation: { select: { id: true, name: true } } } },
      },
    });
    const topics = await tx.topic.findMany({
      where: { archivedAt: null },
      orderBy: { sortOrder: "asc" },
      select: {
        id: true,
        key: true,
        nameSv: true,
        nameEn: true,
        isMarketing: true,
        subscriptions: { where: { contactId: opts.contactId }, select: { state: true } },
      },
    });
    // By the audit index on (subjectType, subjectId); bounded, newest first.
    const copies = full
      ? await tx.auditEvent.findMany({
          where: {
            subjectType: "Contact",
            subjectId: opts.contactId,
            action: { in: ["contact.viewed_by_self", "contact.exported_by_self"] },
          },
          orderBy: { seq: "desc" },
          take: COPIES_SHOWN,
          select: { at: true, action: true, fields: true },
        })
      : null;
    const legalHolds = full
      ? await listHoldsOnContact(tx, {
          contactId: opts.contactId,
          withReason: can(opts.staff, "retention.manage"),
          now,
        })
      : null;
    const visible = visibleContactFields(opts.staff.role);
    await recordAuditEvent(
      tx,
      {
        actor: { type: "STAFF", id: opts.staff.id },
        action: "contact.viewed",
        subject: { type: "Contact", id: opts.contactId },
        fields: full ? ["*"] : visible,
      },
      now,
    );
    const contact = redactContact(opts.staff.role, { ...record.contact }) as StaffContactView["contact"];
    const { contact: _omit, ...rest } = record;
    void _omit;
    const mayReadPhone = can(opts.staff, "contacts.readPhone");
    const mayReadNotes = can(opts.staff, "contacts.readNotes");
    const view: StaffContactView = {
      contact,
      full,
      writable: (
        await loadContactForStaff({ db: tx, staff: opts.staff, id: opts.contactId, permission: "contacts.write" })
      ).ok,
      staffOnly: {
        tokenVersion: extra.tokenVersion,
        sourceStaff: full ? (extra.sourceStaff?.name ?? extra.sourceStaff?.email ?? null) : null,
        roles: extra.roles.map((r) => ({
          id: r.id,
          organisationId: r.organisation.id,
          organisation: r.organisation.name,
          type: r.type,
          title: r.title,
          startsOn: r.startsOn,
          endsOn: r.endsOn,
        })),
        subscriptions: topics.map((t) => ({
          topicId: t.id,
          key: t.key,
          nameSv: t.nameSv,
          nameEn: t.nameEn,
          isMarketing: t.isMarketing,
          state: t.subscriptions[0]?.state ?? "UNSUBSCRIBED",
        })),
      },
      // Without the full-record right the history stays hidden; without the phone right, past values too. Notes and
      // the text of note entries reach only roles that may read notes (never marketing or support).
      record: full
        ? {
            ...rest,
            notes: mayReadNotes ? rest.notes : [],
            changes: rest.changes.map((c) => ({
              ...c,
              personalValues: mayReadPhone && (mayReadNotes || !c.fields.includes("notes")) ? c.personalValues : null,
            })),
          }
        : null,
      legalHolds,
      copiesGiven: copies ? copies.map(copyGiven) : null,
    };
    return { ok: true as const, view };
  });
}

function copyGiven(e: { at: Date; action: string; fields: string[] }): CopyGiven {
  if (e.action === "contact.viewed_by_self") return { at: e.at, kind: "shown" };
  return { at: e.at, kind: e.fields.includes("csv") ? "csv" : "json" };
}
