// GET /staff/contacts/export?<the list's filters> or ?ids=…&ids=…: the contact list as a CSV download (the rows
// ticked in the table, or every contact the filters match). Authorised and audited by the use-case; streamed, so a
// register-sized file starts at once and never sits in memory.
import { checkStaff } from "@/lib/auth/current-staff";
import { exportContacts } from "@/lib/contacts/export-contacts";
import { csvDownloadHeaders } from "@/lib/csv/spreadsheet-csv";
import { getDb } from "@/lib/db/client";
import { getLanguage } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

const problem = (status: number, code: string) =>
  Response.json({ error: { code } }, { status, headers: { "Cache-Control": "no-store" } });

export async function GET(request: Request): Promise<Response> {
  const access = await checkStaff("contacts.export");
  if (!access.ok) return problem(access.reason === "signed_out" ? 401 : 403, access.reason);
  const url = new URL(request.url);
  const input = {
    ...Object.fromEntries([...url.searchParams].filter(([k]) => k !== "ids" && k !== "lang")),
    ids: url.searchParams.getAll("ids"),
  };
  const lang = await getLanguage({ lang: url.searchParams.get("lang") ?? undefined });
  try {
    const result = await exportContacts({ db: await getDb(), staff: access.staff, input, lang });
    if (!result.ok && result.code === "invalid" && result.fieldErrors.ids === "nothing_selected")
      // The bulk form sent without a ticked row (scripts off): back to the list, which says so.
      return new Response(null, { status: 303, headers: { Location: "/staff/contacts?bulkError=nothing_selected" } });
    if (!result.ok) return problem(result.code === "forbidden" ? 403 : 400, result.code);
    const encoder = new TextEncoder();
    const iterator = result.chunks[Symbol.asyncIterator]();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await iterator.return?.();
      },
    });
    return new Response(body, { headers: csvDownloadHeaders(result.filename) });
  } catch {
    return problem(500, "export_failed");
  }
}
