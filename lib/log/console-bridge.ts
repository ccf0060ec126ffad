// What Next.js and libraries print with console.error / console.warn goes through our logger instead, made safe: an
// Error becomes its summary (Next prints a failed render or action with its message, and messages carry personal
// data), and strings lose anything shaped like an address or a phone number. Installed once at server start
// (instrumentation.ts). Our own code never uses the console; this is the net under everyone else's.
import "server-only";
import { format } from "node:util";
import { errorSummary } from "./error-summary";
import { logger } from "./logger";

const ADDRESS = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[A-Za-z]{2,}/g;
// Seven or more digits, possibly with +, spaces, dots or dashes between them: phone numbers in any notation.
const NUMBER = /\+?\d(?:[\s.-]?\d){6,}/g;

export function maskPersonalData(text: string): string {
  return text.replace(ADDRESS, "[address]").replace(NUMBER, "[number]");
}

function safeArgs(args: unknown[]): { text: string; errors: ReturnType<typeof errorSummary>[] } {
  const errors = args.filter((a) => a instanceof Error).map((e) => errorSummary(e));
  const rest = args.filter((a) => !(a instanceof Error)).map((a) => (typeof a === "string" ? a : format("%o", a)));
  return { text: maskPersonalData(format(...rest)).slice(0, 2000), errors };
}

let installed = false;

export function routeConsoleToLogger(): void {
  if (installed) return;
  installed = true;
  for (const level of ["error", "warn"] as const) {
    console[level] = (...args: unknown[]) => {
      const { text, errors } = safeArgs(args);
      logger()[level]({ component: "console", ...(errors.length > 0 ? { errors } : {}) }, text || "(no message)");
    };
  }
}
