import { handleCheckSuppression } from "@/lib/api/check-suppression-handler";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return handleCheckSuppression({ db: await getDb(), request, suppressionKey: getConfig().suppressionKey });
}
