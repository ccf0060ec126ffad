// GET /staff/records/export.csv: the record of processing activities as a CSV download (records.read; audited).
import { processingRecordDownload } from "@/lib/records/processing-record-route";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return processingRecordDownload(request, "csv");
}
