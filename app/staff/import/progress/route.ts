// GET /staff/import/progress?id=… → the progress of the caller's running import (polled by the import form).
// Not checked against the staff register: on the embedded database the import's transaction holds the one
// connection, so a session lookup would wait for the import to end. Instead a reading is only given to the session
// that started the import (whose permission the import action checked), named by its cookie; it holds a phase and
// counts, never personal data.
import { NextResponse } from "next/server";
import { currentSessionOwner } from "@/lib/auth/session-owner";
import { isProgressId, readImportProgress } from "@/lib/import/import-progress";

export const dynamic = "force-dynamic";
const headers = { "cache-control": "no-store" };

export async function GET(request: Request) {
  const owner = await currentSessionOwner();
  if (!owner) return NextResponse.json({ error: { code: "signed_out" } }, { status: 401, headers });
  const id = new URL(request.url).searchParams.get("id");
  if (!isProgressId(id)) return NextResponse.json({ error: { code: "invalid_id" } }, { status: 400, headers });
  const found = readImportProgress(id, owner);
  return NextResponse.json({ running: found !== null, progress: found?.progress ?? null }, { headers });
}
