// GET /staff/contacts/{id}/evidence.json: the contact's evidence of every choice (contacts.readFull; audited).
import { evidenceDownload } from "@/lib/evidence/evidence-download-route";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return evidenceDownload((await params).id, "json");
}
