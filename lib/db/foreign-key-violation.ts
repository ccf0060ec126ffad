// Whether a database error is a foreign-key violation, from Prisma's model API (P2003) or from raw SQL (P2010 with
// PostgreSQL's SQLSTATE 23503, as the driver adapters report it): a row a statement refers to was deleted by another
// transaction between this one's read and its write (an erasure beside a mailing's expansion).
export function isForeignKeyViolation(e: unknown): boolean {
  const err = e as { code?: unknown; meta?: { code?: unknown; driverAdapterError?: { cause?: { kind?: unknown } } } };
  if (err?.code === "P2003") return true;
  if (err?.meta?.code === "23503") return true;
  return err?.meta?.driverAdapterError?.cause?.kind === "ForeignKeyConstraintViolation";
}
