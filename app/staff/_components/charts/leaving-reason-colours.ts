// One colour per reason for leaving, the same on the staff home's charts and on a mailing's report.
import type { LeavingReason } from "@/lib/generated/prisma/enums";
import type { ChartColour } from "./palette";

export const LEAVING_REASON_COLOURS: Record<LeavingReason, ChartColour> = {
  TOO_MANY: "orange",
  NOT_RELEVANT: "blue",
  NEVER_SIGNED_UP: "red",
  CHANGED_ROLE: "green",
  OTHER: "grey",
};
