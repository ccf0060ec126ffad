import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { graceFor, stopOnSignal } from "@/lib/jobs/stop-on-signal";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function harness(stop: (graceMs: number) => Promise<void>, boundMs = 30_000) {
  const handlers = new Map<string, (s: NodeJS.Signals) => void>();
  const exits: number[] = [];
  const lines: string[] = [];
  const stopSpy = vi.fn(stop);
  stopOnSignal({
    boundMs,
    stop: stopSpy,
    log: (m) => lines.push(m),
    exit: (code) => void exits.push(code),
    on: (signal, handler) => void handlers.set(signal, handler),
  });
  const send = (s: NodeJS.Signals) => handlers.get(s)!(s);
  return { send, exits, lines, stopSpy };
}

describe("worker stop on a signal", () => {
  it("keeps 5 s of the bound for putting jobs back and closing, or half of a short bound", () => {
    expect(graceFor(30_000)).toBe(25_000);
    expect(graceFor(4_000)).toBe(2_000);
  });

  it("stops once on SIGTERM, handing the handlers their grace, and exits 0 when stopped", async () => {
    const h = harness(() => new Promise((r) => setTimeout(r, 3_000)));
    h.send("SIGTERM");
    expect(h.stopSpy).toHaveBeenCalledWith(25_000);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(h.exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.exits).toEqual([0]);
    expect(h.stopSpy).toHaveBeenCalledTimes(1);
    // The bound's timer was cleared: nothing more happens.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.exits).toEqual([0]);
  });

  it("exits at once on a second signal", async () => {
    const h = harness(() => new Promise(() => {}));
    h.send("SIGINT");
    await vi.advanceTimersByTimeAsync(1_500);
    h.send("SIGTERM");
    expect(h.exits).toEqual([143]);
    expect(h.stopSpy).toHaveBeenCalledTimes(1);
  });

  it("takes a signal within a second of the first for the same one (Ctrl-C, and npm forwarding it)", async () => {
    const h = harness(() => new Promise((r) => setTimeout(r, 2_000)));
    h.send("SIGINT");
    await vi.advanceTimersByTimeAsync(5);
    h.send("SIGINT");
    expect(h.exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(h.exits).toEqual([0]);
    expect(h.stopSpy).toHaveBeenCalledTimes(1);
  });

  it("exits with 1 at the bound when stopping hangs, and with 1 when it fails", async () => {
    const hung = harness(() => new Promise(() => {}), 10_000);
    hung.send("SIGTERM");
    await vi.advanceTimersByTimeAsync(9_999);
    expect(hung.exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(hung.exits).toEqual([1]);
    expect(hung.lines.at(-1)).toBe("not stopped within 10 s: exiting anyway");

    const failed = harness(() => Promise.reject(new Error("connection refused")));
    failed.send("SIGINT");
    await vi.advanceTimersByTimeAsync(0);
    expect(failed.exits).toEqual([1]);
  });
});
