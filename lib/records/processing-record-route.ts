// The two download routes of the record of processing activities (/staff/records/export.json and export.csv) answer
// alike: authorised here (the proxy is not a security boundary), a JSON error with a code when refused, the file
// otherwise. One handler for both, so they cannot answer differently.
import "server-only";
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getLanguage } from "@/lib/i18n/server";
import { getPolicy } from "@/lib/policy/current-policy";
import { exportProcessingRecord, type ProcessingRecordFormat } from "./export-processing-record";

const problem = (status: number, code: string) =>
  Response.json({ error: { code } }, { status, headers: { "Cache-Control": "no-store" } });

export async function processingRecordDownload(request: Request, format: ProcessingRecordFormat): Promise<Response> {
  const access = await checkStaff("records.read");
  if (!access.ok) return problem(access.reason === "signed_out" ? 401 : 403, access.reason);
  const lang = await getLanguage({ lang: new URL(request.url).searchParams.get("lang") ?? undefined });
  try {
    const result = await exportProcessingRecord({
      db: await getDb(),
      staff: access.staff,
      policy: getPolicy(),
      format,
      lang,
    });
    if (!result.ok) return problem(403, result.code);
    return new Response(result.body, {
      headers: {
        "Content-Type": result.contentType,
        "Content-Disposition": `attachment; filename="${result.filename}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch {
    return problem(500, "export_failed");
  }
}
