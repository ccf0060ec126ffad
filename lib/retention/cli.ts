// `npm run retention:dry-run [-- --as-of YYYY-MM-DD]`: what the retention job would delete and why, deleting nothing.
// On the embedded database stop `npm run dev` first (one process owns a PGlite directory).
import { getConfig } from "@/lib/env/config";
import { getPolicy } from "@/lib/policy/current-policy";
import { printRetentionDryRun } from "./print-retention-dry-run";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const at = args.indexOf("--as-of");
  const asOfText = at >= 0 ? args[at + 1] : undefined;
  if (asOfText !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOfText)) {
    console.error("--as-of takes a day, YYYY-MM-DD (for example --as-of 2027-01-31).");
    return 2;
  }
  const config = getConfig();
  getPolicy();
  const { createDb } = await import("@/lib/db/client");
  const { db, close } = await createDb(config.database);
  try {
    // A day means the end of it: what is due on that day is included.
    const asOf = asOfText ? new Date(`${asOfText}T23:59:59Z`) : new Date();
    await printRetentionDryRun({ db, suppressionKey: config.suppressionKey, asOf, print: (l) => console.log(l) });
    return 0;
  } finally {
    await close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
