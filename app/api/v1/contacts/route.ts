import { handleUpsertContact } from "@/lib/api/upsert-contact-handler";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";

export const dynamic = "force-dynamic";

export async function PUT(request: Request) {
  return handleUpsertContact({ db: await getDb(), request, suppressionKey: getConfig().suppressionKey });
}
