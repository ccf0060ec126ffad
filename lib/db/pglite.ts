// The one way this app creates an embedded PGlite: with the PostgreSQL extensions the migrations use loaded, so a
// migration that runs `CREATE EXTENSION pg_trgm` (trigram indexes for substring search) works in memory, in a data
// directory, and in the tests' template alike. PGlite ships extensions as modules that must be named at creation.
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

export function createPglite(options: Omit<PGliteOptions, "extensions"> = {}): Promise<PGlite> {
  return PGlite.create({ ...options, extensions: { pg_trgm } });
}
