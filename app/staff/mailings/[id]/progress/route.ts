// The progress page's polling source: counts and state of one mailing as JSON. Authorises itself (route handlers do
// not pass through the staff layout) and never caches.
import { connection } from "next/server";
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getMailingProgress } from "@/lib/mailings/get-mailing-progress";

const noStore = { "Cache-Control": "no-store" };

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  await connection();
  const access = await checkStaff("mailings.send");
  if (!access.ok) {
    const status = access.reason === "signed_out" ? 401 : 403;
    return Response.json({ error: access.reason }, { status, headers: noStore });
  }
  const { id } = await params;
  const r = await getMailingProgress({ db: await getDb(), staff: access.staff, mailingId: id });
  if (!r.ok) return Response.json({ error: r.code }, { status: r.code === "forbidden" ? 403 : 404, headers: noStore });
  return Response.json(r.progress, { headers: noStore });
}
