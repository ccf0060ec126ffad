// GET /staff/import/progress?id=… → the progress of the caller's running import (polled by the import form).
import { NextResponse } from "next/server";
import { checkStaff } from "@/lib/auth/current-staff";
import { isProgressId, readImportProgress } from "@/lib/import/import-progress";

export const dynamic = "force-dynamic";
const headers = { "cache-control": "no-store" };

export async function GET(request: Request) {
  const access = await checkStaff("contacts.import");
  if (!access.ok) {
    const status = access.reason === "signed_out" ? 401 : 403;
    return NextResponse.json({ error: { code: access.reason } }, { status, headers });
  }
  const id = new URL(request.url).searchParams.get("id");
  if (!isProgressId(id)) return NextResponse.json({ error: { code: "invalid_id" } }, { status: 400, headers });
  const found = readImportProgress(id, access.staff.id);
  return NextResponse.json({ running: found !== null, progress: found?.progress ?? null }, { headers });
}
