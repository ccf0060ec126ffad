// Runs once when the server starts: a wrong configuration or an edited, already-applied migration stops start-up
// here, with a message naming the variable or the file, instead of failing later on some request. Also routes
// whatever Next.js and libraries print as errors or warnings through the logger, made safe (lib/log/console-bridge.ts).
// NEXT_RUNTIME is read here (not through lib/env) because Next compiles this file for the edge runtime too, and the
// Node-only start-up checks must not be pulled into that bundle.
import type { Instrumentation } from "next";

export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // First, before any request: route handlers and server actions learn the socket's peer address only this way.
    const { installPeerAddressHook } = await import("@/lib/http/peer-address");
    installPeerAddressHook();
    // Request durations per route group for /api/metrics, on the same diagnostics channel.
    const { installRequestTimingHook } = await import("@/lib/http/request-timing");
    installRequestTimingHook();
    // After Next's own SIGTERM handler, which it installs before this runs: keep-alive connections closed on stop.
    const { installDrainOnShutdown } = await import("@/lib/http/drain-on-shutdown");
    installDrainOnShutdown();
    const { routeConsoleToLogger } = await import("@/lib/log/console-bridge");
    routeConsoleToLogger();
    const { checkOnStartOrExit } = await import("@/lib/env/check-on-start");
    await checkOnStartOrExit();
    const { startJobsOnStart } = await import("@/lib/jobs/start-on-start");
    await startJobsOnStart();
  }
}

/**
 * A server error in a page, action or route handler: one line with the request id, the route (tokens masked) and the
 * error's summary with its digest, the reference the error page shows. Never the message.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ logger, REQUEST_ID_HEADER }, { routeForLog }] = await Promise.all([
    import("@/lib/log/logger"),
    import("@/lib/log/route-for-log"),
  ]);
  const requestId = request.headers[REQUEST_ID_HEADER];
  logger().error(
    {
      reqId: typeof requestId === "string" ? requestId : undefined,
      method: request.method,
      route: routeForLog(request.path),
      routeType: context.routeType,
      err: error,
    },
    "request failed",
  );
};
