// The two download routes of a contact's evidence (/staff/contacts/{id}/evidence.json and evidence.csv) answer alike:
// authorised here and in the use-case (the proxy is not a security boundary), a JSON error with a code when refused.
import "server-only";
import { checkStaff } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { exportChoiceEvidence, type EvidenceFormat } from "./export-choice-evidence";

const problem = (status: number, code: string) =>
  Response.json({ error: { code } }, { status, headers: { "Cache-Control": "no-store" } });

export async function evidenceDownload(contactId: string, format: EvidenceFormat): Promise<Response> {
  const access = await checkStaff("contacts.readFull");
  if (!access.ok) return problem(access.reason === "signed_out" ? 401 : 403, access.reason);
  try {
    const result = await exportChoiceEvidence({ db: await getDb(), staff: access.staff, contactId, format });
    if (!result.ok) return problem(result.code === "forbidden" ? 403 : 404, result.code);
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
