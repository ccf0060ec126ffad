// Runs once when the server starts: a wrong configuration or an edited, already-applied migration stops start-up
// here, with a message naming the variable or the file, instead of failing later on some request.
export async function register() {
  const { isNodeServerStart, getConfig } = await import("@/lib/env/config");
  if (!isNodeServerStart()) return;
  getConfig();
  const { assertMigrationsIntact } = await import("@/lib/db/assert-migrations-intact");
  await assertMigrationsIntact();
}
