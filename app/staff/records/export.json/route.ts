// GET /staff/records/export.json: the record of processing activities as a JSON download (records.read; audited).
import { processingRecordDownload } from "@/lib/records/processing-record-route";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return processingRecordDownload(request, "json");
}
