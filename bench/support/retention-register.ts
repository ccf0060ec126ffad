// Makes part of a bulk register (prisma/seed-bulk) due for the retention job: whole organisations, spread evenly over
// the register, become former customers whose relationship ended 11 years before `now` (started 15 years before);
// their contacts' roles end with it and the contacts are customer contacts, whose policy clock (relationshipEnded,
// 10 years in the reference policy) has then run out. The contact facts follow by the tables' own triggers.
import type { RawSql } from "@/lib/db/raw";
import { CONTACTS_PER_ORG } from "@/prisma/seed-bulk/context";

export async function markDue(
  raw: RawSql,
  opts: { run: string; total: number; due: number; now: Date },
): Promise<{ organisations: number; contacts: number }> {
  const orgs = Math.ceil(opts.total / CONTACTS_PER_ORG);
  const dueOrgs = Math.min(orgs, Math.round(opts.due / CONTACTS_PER_ORG));
  const years = (y: number) => {
    const d = new Date(opts.now);
    d.setUTCFullYear(d.getUTCFullYear() - y);
    return d.toISOString().slice(0, 10);
  };
  await raw.query(`BEGIN`);
  try {
    await raw.query(
      `CREATE TEMP TABLE bench_due_org ON COMMIT DROP AS
       SELECT id FROM "Organisation"
        WHERE id LIKE $1 AND
              floor((substring(id FROM '_org_([0-9]+)$')::bigint + 1) * $2::bigint / $3::numeric)
            > floor(substring(id FROM '_org_([0-9]+)$')::bigint * $2::bigint / $3::numeric)`,
      [`bulk\\_${opts.run}\\_org\\_%`, dueOrgs, orgs],
    );
    await raw.query(
      `UPDATE "Organisation" SET relationship = 'FORMER_CUSTOMER', "relationshipStart" = $1::date,
              "relationshipEnd" = $2::date
        WHERE id IN (SELECT id FROM bench_due_org)`,
      [years(15), years(11)],
    );
    await raw.query(
      `UPDATE "ContactRole" SET "startsOn" = LEAST("startsOn", $1::date), "endsOn" = $2::date
        WHERE "organisationId" IN (SELECT id FROM bench_due_org)`,
      [years(15), years(11)],
    );
    await raw.query(
      `UPDATE "Contact" SET category = 'CUSTOMER_CONTACT'
        WHERE category <> 'CUSTOMER_CONTACT'
          AND id IN (SELECT "contactId" FROM "ContactRole" WHERE "organisationId" IN (SELECT id FROM bench_due_org))`,
    );
    const [r] = await raw.query<{ organisations: number; contacts: number }>(
      `SELECT (SELECT count(*)::int FROM bench_due_org) AS organisations,
              (SELECT count(DISTINCT "contactId")::int FROM "ContactRole"
                WHERE "organisationId" IN (SELECT id FROM bench_due_org)) AS contacts`,
    );
    await raw.query(`COMMIT`);
    return r!;
  } catch (e) {
    await raw.query(`ROLLBACK`);
    throw e;
  }
}
