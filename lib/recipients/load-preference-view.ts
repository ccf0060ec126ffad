// What the footer-link page may show. A footer link gets forwarded, so this view holds no phone number, no full
// address, no name and no history: only the masked address, why the person gets mail, and their mailing choices.
import "server-only";
import { maskAddress } from "@/lib/contacts/mask-address";
import { isPaused } from "@/lib/subscriptions/pause-length";
import type { DbOrTx } from "@/lib/db/client";
import type { ContactCategory, Language, RoleType, SubscriptionState } from "@/lib/generated/prisma/enums";

export type PreferenceView = {
  contactId: string;
  maskedEmail: string;
  language: Language;
  category: ContactCategory;
  marketingOptedOut: boolean;
  /** The end of a pause of marketing mail still on at `now`; null when none (or it has ended). */
  marketingPausedUntil: Date | null;
  roles: { type: RoleType; organisation: string; endedOn: string | null }[];
  topics: {
    id: string;
    name: { sv: string; en: string };
    description: { sv: string; en: string };
    isMarketing: boolean;
    state: SubscriptionState;
  }[];
};

export async function loadPreferenceView(opts: {
  db: DbOrTx;
  contactId: string;
  now?: Date;
}): Promise<PreferenceView | null> {
  const now = opts.now ?? new Date();
  // The contact and the topics do not depend on each other: both reads at once.
  const [contact, topics] = await Promise.all([
    opts.db.contact.findUnique({
      where: { id: opts.contactId },
      select: {
        id: true,
        email: true,
        language: true,
        category: true,
        marketingOptOutAt: true,
        marketingPausedUntil: true,
        roles: {
          select: { type: true, endsOn: true, organisation: { select: { name: true } } },
          orderBy: [{ endsOn: { sort: "desc", nulls: "first" } }, { startsOn: "desc" }],
        },
        subscriptions: { select: { topicId: true, state: true } },
      },
    }),
    opts.db.topic.findMany({
      where: { archivedAt: null, isRequired: false },
      orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
      select: { id: true, nameSv: true, nameEn: true, descriptionSv: true, descriptionEn: true, isMarketing: true },
    }),
  ]);
  if (!contact) return null;
  const states = new Map(contact.subscriptions.map((s) => [s.topicId, s.state]));
  return {
    contactId: contact.id,
    maskedEmail: maskAddress(contact.email),
    language: contact.language,
    category: contact.category,
    marketingOptedOut: contact.marketingOptOutAt !== null,
    marketingPausedUntil: isPaused(contact.marketingPausedUntil, now) ? contact.marketingPausedUntil : null,
    roles: contact.roles.map((r) => ({
      type: r.type,
      organisation: r.organisation.name,
      endedOn: r.endsOn ? r.endsOn.toISOString().slice(0, 10) : null,
    })),
    topics: topics.map((t) => ({
      id: t.id,
      name: { sv: t.nameSv, en: t.nameEn },
      description: { sv: t.descriptionSv, en: t.descriptionEn },
      isMarketing: t.isMarketing,
      // Opted out of all marketing overrides any single choice: the page must show what will actually happen.
      state: t.isMarketing && contact.marketingOptOutAt ? "UNSUBSCRIBED" : (states.get(t.id) ?? "UNSUBSCRIBED"),
    })),
  };
}
