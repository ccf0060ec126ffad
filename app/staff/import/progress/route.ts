// GET /staff/import/progress?id=… → the progress of the caller's own import (polled by the import form). Who may read
// which import is decided in lib/import/read-import-progress.ts; a reading holds a phase and counts, never personal
// data. An id that is unknown or someone else's answers alike: nothing running.
import { NextResponse } from "next/server";
import { readImportProgressForCaller } from "@/lib/import/read-import-progress";

export const dynamic = "force-dynamic";
const headers = { "cache-control": "no-store" };

export async function GET(request: Request) {
  const answer = await readImportProgressForCaller(new URL(request.url).searchParams.get("id"));
  if (!answer.ok) {
    if (answer.code === "invalid")
      return NextResponse.json({ error: { code: "invalid_id" } }, { status: 400, headers });
    return answer.reason === "signed_out"
      ? NextResponse.json({ error: { code: "signed_out" } }, { status: 401, headers })
      : NextResponse.json({ error: { code: "forbidden" } }, { status: 403, headers });
  }
  const r = answer.reading;
  return NextResponse.json(
    { running: r?.state === "running", state: r?.state ?? null, progress: r?.progress ?? null },
    { headers },
  );
}
