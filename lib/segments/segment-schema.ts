// The one schema of a saved segment's name; its filter is validated by parseSegmentFilter (segment-filter.ts).
import { z } from "zod";

export const segmentNameSchema = z
  .string({ error: "name_required" })
  .trim()
  .min(1, { error: "name_required" })
  .max(120, { error: "too_long" });
