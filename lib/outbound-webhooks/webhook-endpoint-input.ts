// The one schema for an endpoint's settings, shared by the staff form and its use-cases.
import { z } from "zod";
import { OUTBOUND_EVENT_TYPES } from "./event-types";

export const MAX_FAILURE_THRESHOLD = 10_000;
export const DEFAULT_FAILURE_THRESHOLD = 50;

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** https always; http only where the configuration allows it (development and tests), and then only to loopback. */
export function webhookEndpointSchema(opts: { allowHttp: boolean }) {
  return z.object({
    name: z
      .string({ error: "name_required" })
      .trim()
      .min(1, { error: "name_required" })
      .max(100, { error: "name_too_long" }),
    url: z
      .string({ error: "url_invalid" })
      .trim()
      .max(2000, { error: "url_invalid" })
      .refine(
        (v) => {
          let u: URL;
          try {
            u = new URL(v);
          } catch {
            return false;
          }
          if (u.username || u.password) return false;
          if (u.protocol === "https:") return true;
          return opts.allowHttp && u.protocol === "http:" && LOOPBACK.has(u.hostname);
        },
        { error: "url_invalid" },
      ),
    eventTypes: z.preprocess(
      (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.enum(OUTBOUND_EVENT_TYPES, { error: "events_invalid" })).min(1, { error: "events_required" }),
    ),
    failureThreshold: z.preprocess(
      (v) =>
        v === undefined || v === null || (typeof v === "string" && v.trim() === "")
          ? DEFAULT_FAILURE_THRESHOLD
          : Number(v),
      z
        .number({ error: "threshold_invalid" })
        .int({ error: "threshold_invalid" })
        .min(1, { error: "threshold_invalid" })
        .max(MAX_FAILURE_THRESHOLD, { error: "threshold_invalid" }),
    ),
  });
}
export type WebhookEndpointInput = z.output<ReturnType<typeof webhookEndpointSchema>>;
