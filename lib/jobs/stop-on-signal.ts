// How `npm run worker` ends on SIGTERM (an orchestrator, `docker stop`, systemd) or SIGINT (Ctrl-C): it stops taking
// jobs, gives the running ones most of the bound to finish, puts back what has not, closes its connections and exits
// with 0, all within the bound, so an orchestrator's own deadline (Kubernetes: 30 s) never has to kill it. Whatever is
// cut short is safe: a batch put back is sent again by another worker under its idempotency key, which Resend answers
// from its store for 24 hours instead of sending twice. A second signal exits at once (an operator who will not wait);
// the batches then come back after their lease (MAILING_LEASE_SECONDS). A signal within a second of the first is the
// same request twice, not a second one: Ctrl-C on `npm run worker` reaches the worker from the terminal and again
// from npm, which forwards SIGINT and SIGTERM to its script.
import "server-only";

export type StopOnSignalOptions = {
  /** The whole stop, signal to exit. */
  boundMs: number;
  /** Stops the work (handlers get `graceMs`) and closes connections. */
  stop: (graceMs: number) => Promise<void>;
  log: (message: string) => void;
  exit?: (code: number) => void;
  now?: () => number;
  on?: (signal: NodeJS.Signals, handler: (signal: NodeJS.Signals) => void) => void;
};

const SIGNAL_NUMBER: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGTERM: 15 };
/** Signals this soon after the first are its duplicates (npm's forwarding takes milliseconds; a person, longer). */
export const DUPLICATE_WITHIN_MS = 1_000;

/** Time kept back from the handlers for putting back their jobs and closing connections: 5 s, or half a short bound. */
export function graceFor(boundMs: number): number {
  return boundMs - Math.min(5_000, boundMs / 2);
}

export function stopOnSignal(opts: StopOnSignalOptions): void {
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const on = opts.on ?? ((signal, handler) => process.on(signal, handler));
  const now = opts.now ?? Date.now;
  let firstAt: number | null = null;
  const handle = (signal: NodeJS.Signals) => {
    if (firstAt !== null) {
      if (now() - firstAt < DUPLICATE_WITHIN_MS) return;
      opts.log(`${signal} again: exiting now; unfinished batches return to the queue when their lease ends`);
      exit(128 + (SIGNAL_NUMBER[signal] ?? 0));
      return;
    }
    firstAt = now();
    const graceMs = graceFor(opts.boundMs);
    opts.log(`${signal}: taking no new jobs; running ones have ${Math.round(graceMs / 1000)} s to finish`);
    // Past the bound something hangs (a connection that will not close): leave anyway, and say it was not clean.
    const deadline = setTimeout(() => {
      opts.log(`not stopped within ${Math.round(opts.boundMs / 1000)} s: exiting anyway`);
      exit(1);
    }, opts.boundMs);
    deadline.unref();
    opts
      .stop(graceMs)
      .then(() => {
        opts.log("stopped");
        exit(0);
      })
      .catch((error: unknown) => {
        opts.log(`stop failed: ${error instanceof Error ? error.name : "error"}`);
        exit(1);
      })
      .finally(() => clearTimeout(deadline));
  };
  on("SIGTERM", handle);
  on("SIGINT", handle);
}
