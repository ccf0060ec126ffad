// The topics offered on the sign-up form: live marketing topics staff marked "offer on the sign-up form".
import type { DbOrTx } from "@/lib/db/client";

export type SignupTopic = {
  id: string;
  key: string;
  nameSv: string;
  nameEn: string;
  descriptionSv: string;
  descriptionEn: string;
};

export function listSignupTopics(db: DbOrTx): Promise<SignupTopic[]> {
  return db.topic.findMany({
    where: { offeredAtSignup: true, isMarketing: true, isRequired: false, archivedAt: null },
    orderBy: [{ sortOrder: "asc" }, { nameSv: "asc" }],
    select: { id: true, key: true, nameSv: true, nameEn: true, descriptionSv: true, descriptionEn: true },
  });
}
