// What the one-click page needs to ask its question: the person's language and the mailing's topic name. Read only:
// a GET of the List-Unsubscribe URL (link scanners do that) must never change anything.
import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { Language } from "@/lib/generated/prisma/enums";
import type { OneClickTarget } from "./one-click-unsubscribe";

export type OneClickView = { language: Language; topic: { sv: string; en: string } | null };

export async function loadOneClickView(opts: {
  db: DbOrTx;
  contactId: string;
  target: OneClickTarget;
}): Promise<OneClickView | null> {
  const contact = await opts.db.contact.findUnique({ where: { id: opts.contactId }, select: { language: true } });
  if (!contact) return null;
  if (opts.target.kind === "all") return { language: contact.language, topic: null };
  const topic = await opts.db.topic.findUnique({
    where: { id: opts.target.topicId },
    select: { nameSv: true, nameEn: true },
  });
  return { language: contact.language, topic: topic ? { sv: topic.nameSv, en: topic.nameEn } : null };
}
