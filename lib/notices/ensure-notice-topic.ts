// The topic of the notices the company must send (the yearly registration notice, Art. 34's breach notification):
// service notices, not marketing, and required (Topic.isRequired): no subscription or basis is needed and no
// unsubscribe stops them, only an address nothing can be sent to (erased, hard bounce: suppressions of scope ALL).
// Created on first use, so a register never has to be seeded for it; its names come from the catalogue.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Tx } from "@/lib/db/client";
import { translatorFor } from "@/lib/i18n/translator";

export const NOTICE_TOPIC_KEY = "registration-notice";

export async function ensureNoticeTopic(tx: Tx, now: Date): Promise<{ id: string }> {
  const existing = await tx.topic.findUnique({ where: { key: NOTICE_TOPIC_KEY }, select: { id: true } });
  if (existing) return existing;
  const sv = translatorFor("sv");
  const en = translatorFor("en");
  const created = await tx.topic.create({
    data: {
      key: NOTICE_TOPIC_KEY,
      nameSv: sv("mailings.noticeTopic.name"),
      nameEn: en("mailings.noticeTopic.name"),
      descriptionSv: sv("mailings.noticeTopic.description"),
      descriptionEn: en("mailings.noticeTopic.description"),
      purpose: "SERVICE_NOTICES",
      isMarketing: false,
      isRequired: true,
      defaultCategories: [],
      sortOrder: 1000,
      createdAt: now,
    },
    select: { id: true },
  });
  await recordAuditEvent(
    tx,
    { actor: { type: "SYSTEM" }, action: "topic.created", subject: { type: "Topic", id: created.id } },
    now,
  );
  return created;
}
