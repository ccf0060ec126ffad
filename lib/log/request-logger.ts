// The logger for code that runs inside a request but has no Request object (pages, server actions and the use-cases
// they call): the request id comes from the headers proxy.ts set. Outside a request (workers, scripts, tests) it is
// the plain logger. next/headers is imported only inside the Next.js server, so the worker never loads it.
import "server-only";
import { isNextServer } from "@/lib/env/config";
import { logger, REQUEST_ID_HEADER, withRequestId, type Logger } from "./logger";

export async function requestLogger(): Promise<Logger> {
  if (!isNextServer()) return logger();
  try {
    const { headers } = await import("next/headers");
    return withRequestId((await headers()).get(REQUEST_ID_HEADER));
  } catch {
    // Called outside a request scope (start-up, in-process workers).
    return logger();
  }
}
