// Topics for staff pages: the topic list, the breakdown's topic picker and the filter builder.
import "server-only";
import type { Db } from "@/lib/db/client";
import { registerFigures } from "@/lib/db/register-figures";
import type { ContactCategory, Purpose } from "@/lib/generated/prisma/enums";

export type TopicRow = {
  id: string;
  key: string;
  nameSv: string;
  nameEn: string;
  descriptionSv: string;
  descriptionEn: string;
  purpose: Purpose;
  isMarketing: boolean;
  offeredAtSignup: boolean;
  defaultCategories: ContactCategory[];
  sortOrder: number;
  archivedAt: Date | null;
  subscribed: number;
  /** When `subscribed` was counted, on a register large enough to count it in the background; null: just now. */
  subscribedAsOf: Date | null;
};

export async function listTopics(opts: { db: Db; includeArchived?: boolean }): Promise<TopicRow[]> {
  const [topics, counts] = await Promise.all([
    opts.db.topic.findMany({
      where: opts.includeArchived ? {} : { archivedAt: null },
      orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { sortOrder: "asc" }, { key: "asc" }],
      select: {
        id: true,
        key: true,
        nameSv: true,
        nameEn: true,
        descriptionSv: true,
        descriptionEn: true,
        purpose: true,
        isMarketing: true,
        offeredAtSignup: true,
        defaultCategories: true,
        sortOrder: true,
        archivedAt: true,
      },
    }),
    // Every subscription is counted (4,000,000 on the bench register, 400 ms): kept a while on a large register.
    registerFigures(opts.db, "subscribers-by-topic", () =>
      opts.db.subscription.groupBy({ by: ["topicId"], where: { state: "SUBSCRIBED" }, _count: { _all: true } }),
    ),
  ]);
  const byTopic = new Map(counts.value.map((c) => [c.topicId, c._count._all]));
  const asOf = counts.cached ? counts.computedAt : null;
  return topics.map((t) => ({ ...t, subscribed: byTopic.get(t.id) ?? 0, subscribedAsOf: asOf }));
}

export async function getTopic(opts: { db: Db; id: string }): Promise<TopicRow | null> {
  const topic = await opts.db.topic.findUnique({ where: { id: opts.id } });
  if (!topic) return null;
  const subscribed = await opts.db.subscription.count({ where: { topicId: topic.id, state: "SUBSCRIBED" } });
  return {
    id: topic.id,
    key: topic.key,
    nameSv: topic.nameSv,
    nameEn: topic.nameEn,
    descriptionSv: topic.descriptionSv,
    descriptionEn: topic.descriptionEn,
    purpose: topic.purpose,
    isMarketing: topic.isMarketing,
    offeredAtSignup: topic.offeredAtSignup,
    defaultCategories: topic.defaultCategories,
    sortOrder: topic.sortOrder,
    archivedAt: topic.archivedAt,
    subscribed,
    subscribedAsOf: null,
  };
}
