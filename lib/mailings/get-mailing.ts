// One mailing with its topic and segment names, for the detail and edit pages. Mailings hold no personal data, and
// nothing here reads a contact, so every role that may send mailings may see all of it.
import "server-only";
import type { Forbidden, NotFound } from "@/lib/result";
import type { StaffPrincipal } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";
import { isEditable } from "./save-mailing-draft";
import { loadMailingForStaff } from "@/lib/access/load-mailing-for-staff";

const SELECT = {
  id: true,
  name: true,
  topicId: true,
  segmentId: true,
  fromName: true,
  replyTo: true,
  subjectSv: true,
  subjectEn: true,
  preheaderSv: true,
  preheaderEn: true,
  bodySv: true,
  bodyEn: true,
  template: true,
  status: true,
  scheduledAt: true,
  startedAt: true,
  pausedAt: true,
  finishedAt: true,
  stallCode: true,
  stallStatus: true,
  stallSince: true,
  stallRetryAt: true,
  createdAt: true,
  updatedAt: true,
  topic: { select: { id: true, nameSv: true, nameEn: true, archivedAt: true } },
  segment: { select: { id: true, name: true, archivedAt: true } },
  createdBy: { select: { name: true, email: true } },
} as const;

export type GetMailingResult =
  | {
      ok: true;
      mailing: NonNullable<Awaited<ReturnType<typeof findMailing>>>;
      editable: boolean;
    }
  | Forbidden
  | NotFound;

function findMailing(db: DbOrTx, id: string) {
  return db.mailing.findUnique({ where: { id }, select: SELECT });
}

export async function getMailing(opts: { db: DbOrTx; staff: StaffPrincipal; id: string }): Promise<GetMailingResult> {
  const access = await loadMailingForStaff(opts);
  if (!access.ok) return access;
  const mailing = await findMailing(opts.db, access.value.id);
  if (!mailing) return { ok: false, code: "not_found" };
  return { ok: true, mailing, editable: isEditable(mailing) };
}

/**
 * Topics and segments a mailing may be composed with (not archived), for the compose form's selects. Not a required
 * notice's topic: staff never choose it (the edit page keeps a mailing's own topic in the select).
 */
export async function listMailingTargets(opts: { db: DbOrTx }) {
  const [topics, segments] = await Promise.all([
    opts.db.topic.findMany({
      where: { archivedAt: null, isRequired: false },
      orderBy: [{ sortOrder: "asc" }, { nameSv: "asc" }],
      select: { id: true, nameSv: true, nameEn: true },
    }),
    opts.db.segment.findMany({
      where: { archivedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return { topics, segments };
}
