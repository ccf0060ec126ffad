// Server start: run the background workers in this process when configured to (the default on the embedded database).
import "server-only";
import { getConfig, isBuildPhase } from "@/lib/env/config";
import { startWorkersInProcess } from "./start-in-process";

export async function startJobsOnStart(): Promise<void> {
  if (isBuildPhase() || !getConfig().jobs.inProcess) return;
  await startWorkersInProcess();
}
