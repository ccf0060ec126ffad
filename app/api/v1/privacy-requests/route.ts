import { handleRecordPrivacyRequest } from "@/lib/api/record-privacy-request-handler";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return handleRecordPrivacyRequest({ db: await getDb(), request, suppressionKey: getConfig().suppressionKey });
}
