// The organisation type-ahead: GET ?q=term (or ?id=…&id=… to name chosen ones) → the first matches as JSON.
// Read-only and nothing personal; access is decided in searchOrganisations.
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { searchOrganisations } from "@/lib/organisations/search-organisations";

export const dynamic = "force-dynamic";

const headers = { "Cache-Control": "no-store" };

export async function GET(request: Request): Promise<Response> {
  const access = await checkStaff();
  if (!access.ok) return Response.json({ ok: false, code: "unauthorised" }, { status: 401, headers });
  const query = new URL(request.url).searchParams;
  const result = await searchOrganisations({
    db: await getDb(),
    staff: access.staff,
    input: { q: query.get("q") ?? "", ids: query.getAll("id") },
  });
  if (result.ok) return Response.json(result, { headers });
  const status = result.code === "forbidden" ? 403 : 422;
  return Response.json(result, { status, headers });
}
