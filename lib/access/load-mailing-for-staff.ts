// A mailing to act on: marketing, the privacy officer and admins share every mailing (mailings.send), except the
// notification of an incident's affected people (Art. 34): that one is the incident handlers' (incidents.manage too),
// so marketing neither edits nor sends a breach notification.
import { can, type StaffPrincipal } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";
import { loadForStaff } from "./load-for-staff";
import { FORBIDDEN, type Refusal } from "./refusal";

export async function loadMailingForStaff(opts: {
  db: DbOrTx;
  staff: StaffPrincipal;
  id: string;
}): Promise<{ ok: true; value: { id: string; status: string } } | Refusal> {
  const r = await loadForStaff(opts.staff, "mailings.send", opts.id, (id) =>
    opts.db.mailing.findUnique({
      where: { id },
      select: { id: true, status: true, incident: { select: { id: true } } },
    }),
  );
  if (!r.ok) return r;
  if (r.value.incident && !can(opts.staff, "incidents.manage")) return FORBIDDEN;
  return { ok: true, value: { id: r.value.id, status: r.value.status } };
}
