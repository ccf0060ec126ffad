// GET /api/v1/openapi.json: public, like any API's documentation; holds no data.
import { buildOpenApiDocument } from "./openapi";

let cached: string | null = null;

export function handleOpenApi(): Response {
  cached ??= JSON.stringify(buildOpenApiDocument());
  return new Response(cached, {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
