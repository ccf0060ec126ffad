import { handleListContacts } from "@/lib/api/list-contacts-handler";
import { handleUpsertContact } from "@/lib/api/upsert-contact-handler";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";

export const dynamic = "force-dynamic";

export async function PUT(request: Request) {
  return handleUpsertContact({ db: await getDb(), request, suppressionKey: getConfig().suppressionKey });
}

export async function GET(request: Request) {
  return handleListContacts({ db: await getDb(), request });
}
