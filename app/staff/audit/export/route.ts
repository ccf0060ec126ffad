// GET /staff/audit/export?format=csv|json&<filters>: the filtered audit trail as a download. Authorised here (the
// proxy is not a security boundary); the export is itself audited by the use-case.
import { exportAuditEvents } from "@/lib/audit/export-audit-events";
import { auditFilterSchema, AUDIT_FILTER_KEYS } from "@/lib/audit/list-audit-events";
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { getLanguage } from "@/lib/i18n/server";
import { auditActionTexts } from "@/lib/i18n/audit-action-texts";

export const dynamic = "force-dynamic";

const problem = (status: number, code: string) =>
  Response.json({ error: { code } }, { status, headers: { "Cache-Control": "no-store" } });

export async function GET(request: Request): Promise<Response> {
  const access = await checkStaff("audit.read");
  if (!access.ok) return problem(access.reason === "signed_out" ? 401 : 403, access.reason);
  const url = new URL(request.url);
  const format = url.searchParams.get("format");
  if (format !== "csv" && format !== "json") return problem(400, "format_invalid");
  const parsed = auditFilterSchema.safeParse(
    Object.fromEntries(AUDIT_FILTER_KEYS.map((k) => [k, url.searchParams.get(k) ?? ""])),
  );
  if (!parsed.success) return problem(400, "filter_invalid");
  const lang = await getLanguage({ lang: url.searchParams.get("lang") ?? undefined });
  try {
    const result = await exportAuditEvents({
      db: await getDb(),
      filter: parsed.data,
      format,
      actor: { type: "STAFF", id: access.staff.id },
      texts: auditActionTexts(lang),
      suppressionKey: getConfig().suppressionKey,
    });
    if (!result.ok) return problem(404, result.reason);
    return new Response(result.body, {
      headers: {
        "Content-Type": result.contentType,
        "Content-Disposition": `attachment; filename="${result.filename}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch {
    return problem(500, "export_failed");
  }
}
