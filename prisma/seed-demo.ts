// Demo data for `npm run dev` and `npm run db:seed`. Idempotent: rows that exist (by fixed id or unique key) are left
// as they are, so running it again changes nothing and never overwrites what someone edited.
import type { DatabaseTarget } from "@/lib/db/adapter";
import { createDb, type Db } from "@/lib/db/client";
import { recordAuditEvents } from "@/lib/audit/record-audit-event";
import { createContactsWithDefaults, sqlOf } from "@/lib/contacts/create-contacts-with-defaults";
import { getConfig } from "@/lib/env/config";
import {
  DEMO_CONTACTS,
  DEMO_EVENT,
  DEMO_MAILING,
  DEMO_NOTE,
  DEMO_ORGS,
  DEMO_SEGMENT,
  DEMO_STAFF,
  DEMO_TOPICS,
  type DemoContact,
} from "./demo-data";

function dateOnly(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}
function monthsAgo(now: Date, months: number): Date {
  const d = dateOnly(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

export type SeedResult = {
  staff: number;
  organisations: number;
  contacts: number;
  topics: number;
  roles: number;
  subscriptions: number;
};

export async function seedDemo(opts: { db: Db; now?: Date; suppressionKey?: string }): Promise<SeedResult> {
  const now = opts.now ?? new Date();
  // Contact.addressHash lets segment counts join the suppression list; every writer of `email` sets it.
  const suppressionKey = opts.suppressionKey ?? getConfig().suppressionKey;
  const eventDate = monthsAgo(now, DEMO_EVENT.monthsAgo);
  return opts.db.$transaction(
    async (tx) => {
      const staff = await tx.staffUser.createMany({ data: DEMO_STAFF, skipDuplicates: true });
      const organisations = await tx.organisation.createMany({
        data: DEMO_ORGS.map((o) => ({
          id: o.id,
          name: o.name,
          orgNumber: o.orgNumber,
          relationship: o.relationship,
          relationshipStart: monthsAgo(now, o.startYearsAgo * 12),
          relationshipEnd: o.endedMonthsAgo === undefined ? null : monthsAgo(now, o.endedMonthsAgo),
          accountManagerId: o.accountManagerId,
        })),
        skipDuplicates: true,
      });
      const topics = await tx.topic.createMany({
        data: DEMO_TOPICS.map((t, i) => ({ id: `demo_topic_${t.key}`, sortOrder: i, ...t })),
        skipDuplicates: true,
      });
      const topicRows = await tx.topic.findMany({ select: { id: true, key: true, defaultCategories: true } });

      const existing = new Set(
        (
          await tx.contact.findMany({ where: { id: { in: DEMO_CONTACTS.map((c) => c.id) } }, select: { id: true } })
        ).map((c) => c.id),
      );
      const fresh = DEMO_CONTACTS.filter((c) => !existing.has(c.id));
      const created = (c: DemoContact) => (c.roles[0] ? monthsAgo(now, c.roles[0].startYearsAgo * 12) : eventDate);

      const born = await createContactsWithDefaults(sqlOf(tx), {
        contacts: fresh.map((c) => ({
          id: c.id,
          name: c.name,
          email: c.email,
          phone: c.phone ?? null,
          jobTitle: c.jobTitle ?? null,
          language: c.language,
          category: c.category,
          source: {
            type: c.source,
            detail: c.source === "MET_AT_EVENT" ? DEMO_EVENT.name : (c.sourceDetail ?? null),
            date: c.source === "MET_AT_EVENT" ? eventDate : created(c),
            staffId: c.source === "MET_AT_EVENT" ? DEMO_EVENT.staffId : null,
            organisationId: c.source === "NAMED_BY_CUSTOMER" ? (c.roles[0]?.org ?? null) : null,
          },
          legalBasisNote: null,
          marketingOptOutAt: c.optedOutOfAllMarketing ? monthsAgo(now, 1) : null,
          createdAt: created(c),
          roles: c.roles.map((r) => ({
            organisationId: r.org,
            type: r.type,
            title: r.title ?? null,
            startsOn: monthsAgo(now, r.startYearsAgo * 12),
            endsOn: r.endedMonthsAgo === undefined ? null : monthsAgo(now, r.endedMonthsAgo),
          })),
        })),
        suppressionKey,
        subscriptionSource: "DEFAULT",
        audit: { actor: { type: "SYSTEM", id: "seed" }, action: "contact.created" },
        now,
      });
      // The demo's people who left some topics a month ago: their one history row says so, as if they had never been
      // subscribed under another state.
      const left = fresh.flatMap((c) => (c.unsubscribed ?? []).map((key) => ({ contactId: c.id, key })));
      for (const l of left) {
        const topicId = topicRows.find((t) => t.key === l.key)?.id;
        if (!topicId) continue;
        const change = { state: "UNSUBSCRIBED" as const, source: "SELF" as const };
        await tx.subscription.update({
          where: { contactId_topicId: { contactId: l.contactId, topicId } },
          data: { ...change, changedAt: monthsAgo(now, 1) },
        });
        await tx.subscriptionChange.updateMany({
          where: { contactId: l.contactId, topicId },
          data: { ...change, at: monthsAgo(now, 1) },
        });
      }
      const subscriptions = await tx.subscription.count({ where: { contactId: { in: born.ids } } });
      const roles = fresh.reduce((n, c) => n + c.roles.length, 0);

      // A saved segment, a draft mailing and a staff note, so every staff page has something to show in the demo.
      await tx.segment.createMany({ data: [DEMO_SEGMENT], skipDuplicates: true });
      await tx.mailing.createMany({ data: [DEMO_MAILING], skipDuplicates: true });
      if (fresh.some((c) => c.id === DEMO_NOTE.contactId))
        await tx.staffNote.createMany({ data: [DEMO_NOTE], skipDuplicates: true });

      await recordAuditEvents(tx, born.audit, now);
      return {
        staff: staff.count,
        organisations: organisations.count,
        contacts: fresh.length,
        topics: topics.count,
        roles,
        subscriptions,
      };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** Seeds only a database with no contacts and no staff: what `npm run dev` does on first start. */
export async function seedIfEmpty(target: DatabaseTarget): Promise<void> {
  const { db, close } = await createDb(target);
  try {
    const [contacts, staff] = await Promise.all([db.contact.count(), db.staffUser.count()]);
    if (contacts > 0 || staff > 0) return;
    const r = await seedDemo({ db });
    console.log(
      `Seeded demo data: ${r.organisations} organisations, ${r.contacts} contacts, ${r.topics} topics, ${r.staff} staff users.`,
    );
  } finally {
    await close();
  }
}
