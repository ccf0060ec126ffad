import { handleSetRole } from "@/lib/api/set-role-handler";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function PUT(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return handleSetRole({ db: await getDb(), request, id });
}
