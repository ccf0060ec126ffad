// Runs once when the server starts: a wrong configuration or an edited, already-applied migration stops start-up
// here, with a message naming the variable or the file, instead of failing later on some request.
// NEXT_RUNTIME is read here (not through lib/env) because Next compiles this file for the edge runtime too, and the
// Node-only start-up checks must not be pulled into that bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // First, before any request: route handlers and server actions learn the socket's peer address only this way.
    const { installPeerAddressHook } = await import("@/lib/http/peer-address");
    installPeerAddressHook();
    const { checkOnStart } = await import("@/lib/env/check-on-start");
    await checkOnStart();
    const { startJobsOnStart } = await import("@/lib/jobs/start-on-start");
    await startJobsOnStart();
  }
}
