// Liveness: this process is up and answers. Touches no database, so a database outage never gets a healthy web
// process restarted; /api/health/ready says whether the deployment can take traffic.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "live" }, { headers: { "Cache-Control": "no-store" } });
}
