import { handleListChanges } from "@/lib/api/list-changes-handler";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return handleListChanges({ db: await getDb(), request });
}
