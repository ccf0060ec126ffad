import { getDb } from "@/lib/db/client";
import { checkReadiness } from "@/lib/health/check-readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await getDb()
    .then((db) => checkReadiness({ db }))
    .catch(() => ({ ready: false, checks: { database: "fail", migrations: "skipped", workers: "skipped" } }));
  return Response.json(
    { status: readiness.ready ? "ready" : "not_ready", checks: readiness.checks },
    { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
