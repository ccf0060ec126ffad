// What the segment builder shows while a filter is edited: the count (with the breakdown when a topic is chosen) and a
// sample of recipients. Shared by the live-count route handler and the builder page itself (the no-JavaScript path).
import "server-only";
import type { Db } from "@/lib/db/client";
import { countSegment, type SegmentCount } from "./count-segment";
import { parseSegmentFilter } from "./parse-segment-filter";
import { sampleSegment, type SampleRecipient } from "./sample-segment";

export type SegmentPreview =
  { ok: true; count: SegmentCount; sample: SampleRecipient[] } | { ok: false; fieldErrors: Record<string, string> };

export async function previewSegment(opts: {
  db: Db;
  filter: unknown;
  topicId?: string | null;
  sampleSize?: number;
  today?: Date;
}): Promise<SegmentPreview> {
  const parsed = parseSegmentFilter(opts.filter);
  if (!parsed.ok) return parsed;
  const common = { db: opts.db, filter: parsed.filter, topicId: opts.topicId || null, today: opts.today };
  const [count, sample] = await Promise.all([
    countSegment(common),
    sampleSegment({ ...common, limit: opts.sampleSize ?? 10 }),
  ]);
  if (!count.ok || !sample.ok) return { ok: false, fieldErrors: { topic: "topic_not_found" } };
  return { ok: true, count: count.count, sample: sample.rows };
}
