import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const config = getConfig();
  const health = await checkHealth({ db: await getDb(), version: config.version, kind: config.database.kind }).catch(
    () => ({
      status: "down" as const,
      version: config.version,
      database: { reachable: false, kind: config.database.kind },
      migrations: { applied: false, problems: ["health check failed"] },
    }),
  );
  return NextResponse.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
