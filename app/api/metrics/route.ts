import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/env/config";
import { authoriseMetricsScrape } from "@/lib/metrics/authorise-metrics-scrape";
import { scrapeMetrics } from "@/lib/metrics/scrape-metrics";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

export async function GET(request: Request) {
  const access = authoriseMetricsScrape({ headers: request.headers, token: getConfig().metrics.token });
  if (!access.ok) {
    return access.code === "not_found"
      ? Response.json({ error: { code: "not_found" } }, { status: 404, headers: NO_STORE })
      : Response.json(
          { error: { code: "unauthorized" } },
          { status: 401, headers: { ...NO_STORE, "WWW-Authenticate": 'Bearer realm="metrics"' } },
        );
  }
  const scrape = await scrapeMetrics({ db: await getDb(), now: new Date() });
  return new Response(scrape.body, { headers: { ...NO_STORE, "Content-Type": scrape.contentType } });
}
