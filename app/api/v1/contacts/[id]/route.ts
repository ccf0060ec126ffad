import { handleGetContact } from "@/lib/api/get-contact-handler";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return handleGetContact({ db: await getDb(), request, id });
}
