// One scrape of /api/metrics: this process's own metrics (process-metrics.ts) and the deployment's figures read now
// from the database (read-register-figures.ts, read-queue-depths.ts), in Prometheus's text format. The database's
// gauges are made afresh for each scrape in a registry of their own, so a queue or status that is gone is gone from
// the answer too. A part that cannot be read is left out and said so (tillit_scrape_ok), while the rest is served:
// a database outage must not hide the process metrics that may explain it.
import "server-only";
import { Counter, Gauge, Registry } from "prom-client";
import type { Db } from "@/lib/db/client";
import { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/log/logger";
import { processMetrics } from "./process-metrics";
import { readQueueDepths, type QueueDepth } from "./read-queue-depths";
import { readRegisterFigures, type RegisterFigures } from "./read-register-figures";

export type Scrape = { contentType: string; body: string };

/** Delivery statuses that mean the provider accepted the mail (its later fate included), failed, or was held back. */
const OUTCOMES: Record<"sent" | "failed" | "suppressed", DeliveryStatus[]> = {
  sent: ["SENT", "DELIVERED", "DELAYED", "BOUNCED", "COMPLAINED"],
  failed: ["FAILED"],
  suppressed: ["SUPPRESSED"],
};

function gauge(registry: Registry, name: string, help: string, labelNames: string[] = []) {
  return new Gauge({ name, help, labelNames, registers: [registry] });
}

function addRegisterFigures(registry: Registry, f: RegisterFigures): void {
  const byStatus = gauge(
    registry,
    "tillit_mail_deliveries",
    "Deliveries of all mailings by their status now (MailingTally).",
    ["status"],
  );
  for (const status of Object.values(DeliveryStatus))
    byStatus.set({ status: status.toLowerCase() }, f.deliveries[status] ?? 0);
  const mails = gauge(
    registry,
    "tillit_mails",
    "Mailing deliveries handed to the provider (sent, whatever followed), failed, or suppressed at send time.",
    ["outcome"],
  );
  for (const [outcome, statuses] of Object.entries(OUTCOMES))
    mails.set(
      { outcome },
      statuses.reduce((sum, s) => sum + (f.deliveries[s] ?? 0), 0),
    );

  const w = f.webhooks;
  gauge(
    registry,
    "tillit_webhook_lag_seconds",
    "How long the oldest due, undelivered outbound webhook delivery to an enabled endpoint has waited; 0 if none.",
  ).set(w.lagSeconds);
  gauge(registry, "tillit_webhook_deliveries_retrying", "Outbound deliveries waiting for a retry after a failure.").set(
    w.retrying,
  );
  gauge(registry, "tillit_webhook_dead_letters", "Outbound deliveries given up on (dead letters, kept 90 days).").set(
    w.deadLetters,
  );
  gauge(
    registry,
    "tillit_webhook_consecutive_failures",
    "Failed outbound attempts in a row, summed over enabled endpoints.",
  ).set(w.consecutiveFailures);
  const endpoints = gauge(registry, "tillit_webhook_endpoints", "Outbound webhook endpoints by state.", ["state"]);
  endpoints.set({ state: "enabled" }, w.endpoints.enabled);
  endpoints.set({ state: "disabled_by_failures" }, w.endpoints.disabledByFailures);
  endpoints.set({ state: "disabled_other" }, w.endpoints.disabledOther);

  const r = f.retention;
  new Counter({
    name: "tillit_retention_runs_finished_total",
    help: "Finished runs of the retention job (dry runs not counted).",
    registers: [registry],
  }).inc(r.finishedRuns);
  gauge(
    registry,
    "tillit_retention_runs_unfinished",
    "Retention runs started and not finished (running now, or stopped and to be continued).",
  ).set(r.unfinishedRuns);
  if (r.last) {
    gauge(
      registry,
      "tillit_retention_last_run_finished_timestamp_seconds",
      "When the latest retention run finished (Unix time).",
    ).set(r.last.finishedAt.getTime() / 1000);
    const last = gauge(
      registry,
      "tillit_retention_last_run_contacts",
      "Contacts of the latest finished retention run.",
      ["outcome"],
    );
    last.set({ outcome: "deleted" }, r.last.deleted);
    last.set({ outcome: "held" }, r.last.held);
    last.set({ outcome: "failed" }, r.last.failed);
  }

  gauge(registry, "tillit_workers_alive", "Worker processes whose heartbeat is less than a minute old.").set(
    f.liveWorkers,
  );
}

function addQueueDepths(registry: Registry, depths: QueueDepth[]): void {
  const queued = gauge(registry, "tillit_queue_depth", "Jobs waiting in a pg-boss queue (retries included).", [
    "queue",
  ]);
  const active = gauge(registry, "tillit_queue_active_jobs", "Jobs a worker is working on, per queue.", ["queue"]);
  const failed = gauge(registry, "tillit_queue_failed_jobs", "Jobs that failed for good, kept a week, per queue.", [
    "queue",
  ]);
  for (const d of depths) {
    queued.set({ queue: d.queue }, d.queued);
    active.set({ queue: d.queue }, d.active);
    failed.set({ queue: d.queue }, d.failed);
  }
}

export async function scrapeMetrics(opts: { db: Db; now: Date }): Promise<Scrape> {
  const fresh = new Registry();
  const ok = gauge(fresh, "tillit_scrape_ok", "1 when this part of the scrape could be read from the database.", [
    "part",
  ]);
  const parts: [string, () => Promise<void>][] = [
    ["register", async () => addRegisterFigures(fresh, await readRegisterFigures(opts))],
    ["queues", async () => addQueueDepths(fresh, await readQueueDepths(opts))],
  ];
  for (const [part, read] of parts) {
    try {
      await read();
      ok.set({ part }, 1);
    } catch (error) {
      ok.set({ part }, 0);
      logger().warn({ err: error, component: "metrics", part }, "metrics part not read");
    }
  }
  const registry = Registry.merge([processMetrics().registry, fresh]);
  return { contentType: registry.contentType, body: await registry.metrics() };
}
