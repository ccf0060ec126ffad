#!/usr/bin/env bash
# Loads N synthetic contacts into a fresh PostgreSQL database and prints the time it took.
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
npm run --silent db:seed:bulk -- --contacts "$n"
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
printf 'bench seed-bulk: %s contacts, wall time %d.%03d s (including start-up and the demo seed)\n' "$n" $((ms / 1000)) $((ms % 1000))
psql "$DATABASE_URL" -tAc 'SELECT '"'"'rows: contacts '"'"' || (SELECT count(*) FROM "Contact") || '"'"', roles '"'"' || (SELECT count(*) FROM "ContactRole") || '"'"', subscriptions '"'"' || (SELECT count(*) FROM "Subscription") || '"'"', database size '"'"' || pg_size_pretty(pg_database_size(current_database()))'
