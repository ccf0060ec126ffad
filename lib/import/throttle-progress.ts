// Progress reports arrive as fast as the import's steps (a few dozen, sometimes milliseconds apart); each one written to
// the database costs a round trip on a second connection. This keeps at most one write per interval and one at a
// time, and writes the latest reading at the end of the interval, so the bar never stays on a step that was passed.
export type ProgressThrottle<T> = {
  /** Returns at once; the write happens in the background. */
  push: (value: T) => void;
  /** Waits for the write in flight, writes the latest reading not yet written, and takes no more. */
  flush: () => Promise<void>;
};

export function throttleProgress<T>(opts: {
  write: (value: T) => Promise<void>;
  minIntervalMs: number;
  onError: (error: unknown) => void;
  now?: () => number;
}): ProgressThrottle<T> {
  const now = opts.now ?? Date.now;
  let lastWriteAt = -Infinity;
  let pending: { value: T } | null = null;
  let chain: Promise<void> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const writePending = () => {
    timer = null;
    const next = pending;
    pending = null;
    if (!next) return;
    lastWriteAt = now();
    chain = chain.then(() => opts.write(next.value)).catch(opts.onError);
  };

  return {
    push(value) {
      if (closed) return;
      pending = { value };
      if (timer) return;
      const wait = lastWriteAt + opts.minIntervalMs - now();
      if (wait <= 0) writePending();
      else timer = setTimeout(writePending, wait);
    },
    async flush() {
      closed = true;
      if (timer) clearTimeout(timer);
      writePending();
      await chain;
    },
  };
}
