// The live count of the segment builder: GET with the builder form's fields as the query (the same fields the
// no-JavaScript "show count" button submits). Read-only; answers the count, the breakdown and a sample (name,
// organisation, language) as JSON, with field errors in the staff member's language.
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getActionI18n } from "@/lib/i18n/server";
import { filterFromForm } from "@/lib/segments/filter-from-form";
import { previewSegment } from "@/lib/segments/preview-segment";
import { textsAt } from "@/lib/i18n/texts-at";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const access = await checkStaff("segments.manage");
  if (!access.ok) return Response.json({ ok: false }, { status: access.reason === "signed_out" ? 401 : 403 });
  const query = new URL(request.url).searchParams;
  const preview = await previewSegment({
    db: await getDb(),
    filter: filterFromForm(query),
    topicId: query.get("topic"),
  });
  if (preview.ok) return Response.json(preview, { headers: { "Cache-Control": "no-store" } });
  const { lang, t } = await getActionI18n();
  const errors = textsAt(lang, "segments.errors");
  const fieldErrors = Object.fromEntries(
    Object.entries(preview.fieldErrors).map(([f, code]) => [f, errors[code] ?? t("segments.errorFallback")]),
  );
  return Response.json({ ok: false, fieldErrors }, { status: 422, headers: { "Cache-Control": "no-store" } });
}
