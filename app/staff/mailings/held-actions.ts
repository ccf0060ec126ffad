"use server";
// "Send again" and "skip" for a batch whose outcome is unknown (the mailing page's held section). A plain form post:
// the use-case decides access and state, the redirect carries the outcome back to the page.
import { redirect } from "next/navigation";
import { checkStaff, FORBIDDEN_PATH } from "@/lib/auth/current-staff";
import { getDb } from "@/lib/db/client";
import { decideHeldBatch, type DecideHeldBatchResult } from "@/lib/mailings/decide-held-batch";

export async function decideHeldBatchAction(formData: FormData): Promise<void> {
  const mailingId = String(formData.get("mailingId") ?? "");
  const access = await checkStaff("mailings.send");
  if (!access.ok) redirect(FORBIDDEN_PATH);
  let r: DecideHeldBatchResult | null = null;
  try {
    r = await decideHeldBatch({
      db: await getDb(),
      staff: access.staff,
      input: { mailingId, batch: formData.get("batch"), decision: formData.get("decision") },
    });
  } catch {
    r = null;
  }
  if (r && !r.ok && r.code === "forbidden") redirect(FORBIDDEN_PATH);
  const outcome = !r ? "failed" : r.ok ? String(formData.get("decision")) : "reason" in r ? r.reason : r.code;
  redirect(`/staff/mailings/${encodeURIComponent(mailingId)}?held=${encodeURIComponent(outcome)}#held-heading`);
}
