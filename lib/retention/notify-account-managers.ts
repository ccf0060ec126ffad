// Thirty days before contacts fall due, each active account manager of their organisations gets one mail listing
// them, so a relationship that still lives can be recorded before the data is lost. Read from the forecast the
// retention run has just written; a RetentionNotice row per contact means each is announced once per deletion date
// (told again only if the date moves and comes near again). Queued in one transaction with the notice rows.
import "server-only";
import { createElement } from "react";
import RetentionDueNoticeEmail, { retentionDueNoticeSubject } from "@/emails/retention-due-notice";
import type { Db } from "@/lib/db/client";
import { offeredLanguages } from "@/lib/i18n/offered-languages";
import { enqueueMail } from "@/lib/mail/enqueue-mail";

/** How far ahead account managers are told. */
export const NOTICE_DAYS = 30;

type Row = {
  contactId: string;
  deleteBy: Date;
  name: string;
  organisation: string;
  managerId: string;
  managerEmail: string;
  managerName: string | null;
};

export async function notifyAccountManagers(opts: { db: Db; now: Date; publicUrl: string }): Promise<number> {
  const { db, now } = opts;
  const until = new Date(now.getTime() + NOTICE_DAYS * 86_400_000);
  // Only contacts not yet due: what is due was deleted by the run (or is held, and the privacy officer knows why).
  const rows = await db.$queryRaw<Row[]>`
    SELECT DISTINCT f."contactId", f."deleteBy", c.name, o.name AS organisation,
           s.id AS "managerId", s.email AS "managerEmail", s.name AS "managerName"
      FROM "RetentionForecast" f
      JOIN "Contact" c ON c.id = f."contactId"
      JOIN "ContactRole" r ON r."contactId" = c.id
      JOIN "Organisation" o ON o.id = r."organisationId"
      JOIN "StaffUser" s ON s.id = o."accountManagerId" AND s.active
      LEFT JOIN "RetentionNotice" n ON n."contactId" = f."contactId" AND n."deleteBy" = f."deleteBy"
     WHERE f."deleteBy" > ${now} AND f."deleteBy" <= ${until} AND n."contactId" IS NULL
     ORDER BY f."deleteBy", c.name`;
  if (rows.length === 0) return 0;

  const byManager = new Map<string, Row[]>();
  for (const r of rows) byManager.set(r.managerId, [...(byManager.get(r.managerId) ?? []), r]);
  // Staff have no stored language; the deployment's first language is the workspace's default.
  const language = offeredLanguages()[0];
  await db.$transaction(async (tx) => {
    for (const list of byManager.values()) {
      const first = list[0]!;
      await enqueueMail(tx, {
        now,
        message: {
          to: first.managerEmail,
          subject: retentionDueNoticeSubject(language, list.length),
          react: createElement(RetentionDueNoticeEmail, {
            name: first.managerName ?? first.managerEmail,
            language,
            contacts: list.map((r) => ({
              name: r.name,
              organisation: r.organisation,
              deleteBy: r.deleteBy.toISOString().slice(0, 10),
              url: `${opts.publicUrl}/staff/contacts/${r.contactId}`,
            })),
          }),
          tags: [{ name: "category", value: "retention-notice" }],
        },
      });
    }
    for (const r of rows) {
      await tx.retentionNotice.upsert({
        where: { contactId: r.contactId },
        create: { contactId: r.contactId, deleteBy: r.deleteBy, notifiedAt: now },
        update: { deleteBy: r.deleteBy, notifiedAt: now },
      });
    }
  });
  return byManager.size;
}
