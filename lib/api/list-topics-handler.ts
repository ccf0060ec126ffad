// GET /api/v1/topics: the topics a person can be subscribed to, so a connected system can map its own lists to them
// (READ keys). Archived ones too, marked: old subscriptions still name them.
import "server-only";
import { json, withApiKey, type ApiHandlerOptions } from "./respond";
import type { TopicsResponse } from "./schemas";

export async function handleListTopics(opts: ApiHandlerOptions): Promise<Response> {
  return withApiKey(opts, "READ", async () => {
    const topics = await opts.db.topic.findMany({
      orderBy: [{ sortOrder: "asc" }, { key: "asc" }],
      select: {
        id: true,
        key: true,
        nameSv: true,
        nameEn: true,
        descriptionSv: true,
        descriptionEn: true,
        purpose: true,
        isMarketing: true,
        isRequired: true,
        archivedAt: true,
      },
    });
    const body: TopicsResponse = {
      topics: topics.map(({ archivedAt, ...t }) => ({ ...t, archived: archivedAt !== null })),
    };
    return json(body);
  });
}
