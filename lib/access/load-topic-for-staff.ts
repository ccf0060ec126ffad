// A topic to act on: shared by everyone who may manage topics.
import type { StaffPrincipal } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";
import { loadForStaff } from "./load-for-staff";

export function loadTopicForStaff(opts: { db: DbOrTx; staff: StaffPrincipal; id: string }) {
  return loadForStaff(opts.staff, "topics.manage", opts.id, (id) =>
    opts.db.topic.findUnique({ where: { id }, select: { id: true } }),
  );
}
