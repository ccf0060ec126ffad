// Demo data for `npm run dev` and `npm run db:seed`. Idempotent: rows that exist (by fixed id or unique key) are left
// as they are, so running it again changes nothing and never overwrites what someone edited.
import type { DatabaseTarget } from "@/lib/db/adapter";
import { createDb, type Db } from "@/lib/db/client";
import { recordAuditEvents, type AuditInput } from "@/lib/audit/record-audit-event";
import { getConfig } from "@/lib/env/config";
import { defaultLegalBases } from "@/lib/policy/purposes";
import { hashAddress } from "@/lib/suppression/hash-address";
import type { Prisma } from "@/lib/generated/prisma/client";
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

      await tx.contact.createMany({
        data: fresh.map((c) => ({
          id: c.id,
          name: c.name,
          email: c.email,
          addressHash: hashAddress(c.email, suppressionKey),
          phone: c.phone ?? null,
          jobTitle: c.jobTitle ?? null,
          language: c.language,
          category: c.category,
          sourceType: c.source,
          sourceDetail: c.source === "MET_AT_EVENT" ? DEMO_EVENT.name : (c.sourceDetail ?? null),
          sourceDate: c.source === "MET_AT_EVENT" ? eventDate : created(c),
          sourceStaffId: c.source === "MET_AT_EVENT" ? DEMO_EVENT.staffId : null,
          sourceOrganisationId: c.source === "NAMED_BY_CUSTOMER" ? (c.roles[0]?.org ?? null) : null,
          marketingOptOutAt: c.optedOutOfAllMarketing ? monthsAgo(now, 1) : null,
          createdAt: created(c),
        })),
      });
      await tx.contactLegalBasis.createMany({
        data: fresh.flatMap((c) =>
          defaultLegalBases(c.category).map((b) => ({ contactId: c.id, ...b, recordedAt: created(c) })),
        ),
      });
      const roles: Prisma.ContactRoleCreateManyInput[] = fresh.flatMap((c) =>
        c.roles.map((r, i) => ({
          id: `${c.id}_role_${i}`,
          contactId: c.id,
          organisationId: r.org,
          type: r.type,
          title: r.title ?? null,
          startsOn: monthsAgo(now, r.startYearsAgo * 12),
          endsOn: r.endedMonthsAgo === undefined ? null : monthsAgo(now, r.endedMonthsAgo),
        })),
      );
      await tx.contactRole.createMany({ data: roles });
      const subscriptions: Prisma.SubscriptionCreateManyInput[] = fresh.flatMap((c) =>
        topicRows
          .filter((t) => t.defaultCategories.includes(c.category))
          .map((t) => ({
            contactId: c.id,
            topicId: t.id,
            state: c.unsubscribed?.includes(t.key) ? ("UNSUBSCRIBED" as const) : ("SUBSCRIBED" as const),
            source: c.unsubscribed?.includes(t.key) ? ("SELF" as const) : ("DEFAULT" as const),
            changedAt: c.unsubscribed?.includes(t.key) ? monthsAgo(now, 1) : created(c),
          })),
      );
      await tx.subscription.createMany({ data: subscriptions });
      await tx.subscriptionChange.createMany({
        data: subscriptions.map((s) => ({
          contactId: s.contactId,
          topicId: s.topicId,
          state: s.state,
          source: s.source,
          at: s.changedAt,
        })),
      });

      // A saved segment, a draft mailing and a staff note, so every staff page has something to show in the demo.
      await tx.segment.createMany({ data: [DEMO_SEGMENT], skipDuplicates: true });
      await tx.mailing.createMany({ data: [DEMO_MAILING], skipDuplicates: true });
      if (fresh.some((c) => c.id === DEMO_NOTE.contactId))
        await tx.staffNote.createMany({ data: [DEMO_NOTE], skipDuplicates: true });

      const audit: AuditInput[] = fresh.map((c) => ({
        actor: { type: "SYSTEM", id: "seed" },
        action: "contact.created",
        subject: { type: "Contact", id: c.id },
        fields: ["name", "email", "phone", "jobTitle", "language", "category", "source"],
      }));
      await recordAuditEvents(tx, audit, now);
      return {
        staff: staff.count,
        organisations: organisations.count,
        contacts: fresh.length,
        topics: topics.count,
        roles: roles.length,
        subscriptions: subscriptions.length,
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
