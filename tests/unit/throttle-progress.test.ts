import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { throttleProgress } from "@/lib/import/throttle-progress";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function recorder(opts: { writeMs?: number; fail?: (v: number) => boolean } = {}) {
  const written: { value: number; at: number }[] = [];
  const errors: unknown[] = [];
  const throttle = throttleProgress<number>({
    write: async (value) => {
      if (opts.writeMs) await new Promise((r) => setTimeout(r, opts.writeMs));
      if (opts.fail?.(value)) throw new Error(`write ${value} failed`);
      written.push({ value, at: Date.now() });
    },
    minIntervalMs: 250,
    onError: (e) => errors.push(e),
  });
  return { written, errors, throttle };
}

describe("progress writes, thinned", () => {
  it("writes the first reading at once, then at most one per interval, always the latest", async () => {
    const start = Date.now();
    const { written, throttle } = recorder();
    // A hundred readings within 100 ms: the first now, the last at the end of the interval, none in between.
    for (let i = 1; i <= 100; i++) {
      throttle.push(i);
      await vi.advanceTimersByTimeAsync(1);
    }
    expect(written.map((w) => w.value)).toEqual([1]);
    await vi.advanceTimersByTimeAsync(250);
    expect(written).toEqual([
      { value: 1, at: start },
      { value: 100, at: start + 250 },
    ]);
    // Nothing new: nothing more is written.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(written).toHaveLength(2);
  });

  it("keeps to a few writes a second however fast readings come, and never two writes at once", async () => {
    const { written, throttle } = recorder({ writeMs: 40 });
    for (let i = 1; i <= 1_000; i++) {
      throttle.push(i);
      await vi.advanceTimersByTimeAsync(1);
    }
    const flushed = throttle.flush();
    await vi.advanceTimersByTimeAsync(100);
    await flushed;
    // 1 s of readings every millisecond: a write every 250 ms (5), and the last reading on flush.
    expect(written.length).toBeLessThanOrEqual(6);
    expect(written.at(-1)!.value).toBe(1_000);
    for (let i = 1; i < written.length; i++) expect(written[i]!.at - written[i - 1]!.at).toBeGreaterThanOrEqual(40);
  });

  it("flush writes the reading still waiting, and takes nothing after", async () => {
    const { written, throttle } = recorder();
    throttle.push(1);
    throttle.push(2);
    await throttle.flush();
    expect(written.map((w) => w.value)).toEqual([1, 2]);
    throttle.push(3);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(written.map((w) => w.value)).toEqual([1, 2]);
  });

  it("reports a failed write and goes on with the next", async () => {
    const { written, errors, throttle } = recorder({ fail: (v) => v === 1 });
    throttle.push(1);
    await vi.advanceTimersByTimeAsync(300);
    throttle.push(2);
    await throttle.flush();
    expect(errors).toHaveLength(1);
    expect(written.map((w) => w.value)).toEqual([2]);
  });
});
