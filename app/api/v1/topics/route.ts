import { handleListTopics } from "@/lib/api/list-topics-handler";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return handleListTopics({ db: await getDb(), request });
}
