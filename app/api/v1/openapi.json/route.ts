import { handleOpenApi } from "@/lib/api/openapi-handler";

export function GET() {
  return handleOpenApi();
}
