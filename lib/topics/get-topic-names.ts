// A topic's name in both languages, for showing it (the mailing preview's footer); null for an unknown id.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";

/** `required`: a required notice's topic, whose mail has no unsubscribe link (lib/notices). */
export async function getTopicNames(opts: {
  db: DbOrTx;
  id: string;
}): Promise<{ sv: string; en: string; required: boolean } | null> {
  if (!opts.id) return null;
  const topic = await opts.db.topic.findUnique({
    where: { id: opts.id },
    select: { nameSv: true, nameEn: true, isRequired: true },
  });
  return topic ? { sv: topic.nameSv, en: topic.nameEn, required: topic.isRequired } : null;
}
