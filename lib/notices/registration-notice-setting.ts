// Whether the yearly registration notice goes out: on unless the privacy officer (or an admin) turned it off. One
// row of RegisterSetting; no row means the default (on).
import "server-only";
import type { DbOrTx } from "@/lib/db/client";

export const SETTINGS_ROW = 1;

export async function isRegistrationNoticeOn(db: DbOrTx): Promise<boolean> {
  const row = await db.registerSetting.findUnique({
    where: { id: SETTINGS_ROW },
    select: { registrationNoticeOn: true },
  });
  return row?.registrationNoticeOn ?? true;
}
