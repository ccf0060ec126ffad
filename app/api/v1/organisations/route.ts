import { handleUpsertOrganisation } from "@/lib/api/upsert-organisation-handler";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function PUT(request: Request) {
  return handleUpsertOrganisation({ db: await getDb(), request });
}
