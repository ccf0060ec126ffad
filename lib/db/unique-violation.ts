// Whether a database error is a unique-key violation, from Prisma's model API (P2002) or from raw SQL (P2010 with
// PostgreSQL's SQLSTATE 23505, as the driver adapters report it), so a use-case can turn a lost race into its answer.
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: unknown; meta?: { code?: unknown; driverAdapterError?: { cause?: { kind?: unknown } } } };
  if (err?.code === "P2002") return true;
  if (err?.meta?.code === "23505") return true;
  return err?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}
