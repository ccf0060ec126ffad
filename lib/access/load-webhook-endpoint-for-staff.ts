// An outbound webhook endpoint to act on: admins only (webhooks.manage).
import type { StaffPrincipal } from "@/lib/auth/permissions";
import type { DbOrTx } from "@/lib/db/client";
import { loadForStaff } from "./load-for-staff";

export function loadWebhookEndpointForStaff(opts: { db: DbOrTx; staff: StaffPrincipal; id: string }) {
  return loadForStaff(opts.staff, "webhooks.manage", opts.id, (id) =>
    opts.db.webhookEndpoint.findUnique({
      where: { id },
      // Never the secrets: they are shown once, when made.
      select: {
        id: true,
        kind: true,
        name: true,
        url: true,
        eventTypes: true,
        enabled: true,
        disabledReason: true,
        disabledAt: true,
        failureThreshold: true,
        consecutiveFailures: true,
        lastSuccessAt: true,
        lastFailureAt: true,
        previousSecretUntil: true,
        createdAt: true,
      },
    }),
  );
}
