// What an error may leave in the log: its kind, its code and where it was thrown, never its message. Messages carry
// personal data more often than not: Prisma quotes the whole refused call with its values, PostgreSQL quotes the
// conflicting key ("Key (email)=(…) already exists"), a provider echoes the recipient. A code (P2002, 23505,
// ECONNREFUSED), the class name and the stack frames say what failed and where without saying about whom.

export type ErrorSummary = {
  name: string;
  code?: string;
  /** Next.js's digest of a server error: what the error page shows, so support can find the entry. */
  digest?: string;
  /** "at fn (file:line:col)" lines only; the first stack line repeats the message and is dropped. */
  frames?: string[];
  cause?: ErrorSummary;
};

const MAX_FRAMES = 8;
const SAFE_TOKEN = /^[A-Za-z0-9_.:-]{1,64}$/;

export function errorSummary(error: unknown, depth = 0): ErrorSummary {
  if (!(error instanceof Error)) return { name: error === null ? "null" : typeof error };
  const summary: ErrorSummary = { name: safeToken(error.name) ?? safeToken(error.constructor?.name) ?? "Error" };
  const { code, digest } = error as { code?: unknown; digest?: unknown };
  // Codes are short identifiers; anything else in that field is not trusted to be free of data.
  const safeCode = typeof code === "number" ? String(code) : safeToken(code);
  if (safeCode) summary.code = safeCode;
  const safeDigest = safeToken(digest);
  if (safeDigest) summary.digest = safeDigest;
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) => line.trim());
  if (frames.length > 0) summary.frames = frames;
  if (error.cause !== undefined && depth < 3) summary.cause = errorSummary(error.cause, depth + 1);
  return summary;
}

function safeToken(value: unknown): string | undefined {
  return typeof value === "string" && SAFE_TOKEN.test(value) ? value : undefined;
}
