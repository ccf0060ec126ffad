#!/usr/bin/env bash
# Loads N synthetic contacts with their history into a fresh PostgreSQL database and prints the time it took, the
# rows per table and the size on disk. SEED_BULK_ARGS=--verify also checks the audit chain (not timed separately).
#   bash bench/seed-bulk.sh [N=1000000] [server URL without database=postgresql://postgres@127.0.0.1:5432]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
server=${2:-postgresql://postgres@127.0.0.1:5432}
db=tillit_bench_$$
psql "$server/postgres" -qc "CREATE DATABASE $db"
trap 'psql "$server/postgres" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"' EXIT
export DATABASE_URL="$server/$db"
npm run --silent db:migrate
start=$(date +%s%N)
npm run --silent db:seed:bulk -- --contacts "$n" ${SEED_BULK_ARGS:-}
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
printf 'bench seed-bulk: %s contacts, wall time %d.%03d s (including start-up and the demo seed)\n' "$n" $((ms / 1000)) $((ms % 1000))
# Rows per table and the database's size on disk (the seed prints its own counts too; these are read afterwards).
psql "$DATABASE_URL" -tA <<'SQL'
SELECT 'rows: ' || string_agg(t || ' ' || n, ', ' ORDER BY o) FROM (VALUES
  (1, 'organisations', (SELECT count(*) FROM "Organisation")),
  (2, 'contacts', (SELECT count(*) FROM "Contact")),
  (3, 'roles', (SELECT count(*) FROM "ContactRole")),
  (4, 'legal bases', (SELECT count(*) FROM "ContactLegalBasis")),
  (5, 'subscriptions', (SELECT count(*) FROM "Subscription")),
  (6, 'subscription changes', (SELECT count(*) FROM "SubscriptionChange")),
  (7, 'suppressions', (SELECT count(*) FROM "Suppression")),
  (8, 'privacy requests', (SELECT count(*) FROM "PrivacyRequest")),
  (9, 'mailings', (SELECT count(*) FROM "Mailing")),
  (10, 'deliveries', (SELECT count(*) FROM "Delivery")),
  (11, 'audit events', (SELECT count(*) FROM "AuditEvent"))) AS x(o, t, n);
SELECT 'database size ' || pg_size_pretty(pg_database_size(current_database())) || '; largest: ' ||
  string_agg(relname || ' ' || pg_size_pretty(pg_total_relation_size(c.oid)), ', ' ORDER BY pg_total_relation_size(c.oid) DESC)
FROM (SELECT oid, relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace
      ORDER BY pg_total_relation_size(oid) DESC LIMIT 5) c;
SQL
