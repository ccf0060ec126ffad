#!/usr/bin/env bash
# Backup and a tested restore, in one go (docs/operations.md, "Backups"):
#   1. pg_dump -Fc of the source database, taken in a snapshot that stays open, so the row counts below are of exactly
#      the data in the dump even while the application writes;
#   2. pg_restore into a new database beside it on the same server (<source>_restore_check_<pid>);
#   3. the readiness checks of /api/health/ready against the copy (scripts/check-restored-database.ts): the database
#      answers, every migration in prisma/migrations is applied and unchanged; the worker heartbeat is only printed;
#   4. row counts of the main tables, source (in the dump's snapshot) against the copy;
#   5. drops the copy (also on failure), and exits non-zero on any failure.
#
#   bash scripts/backup-restore-check.sh postgresql://user@host:5432/tillit [dump-file]
#
# Without dump-file the dump goes to a temporary file that is deleted at the end; with it the dump is kept there (the
# backup itself, now known to restore). Run from the repository root, with the release being deployed checked out:
# the migration check compares with this folder's prisma/migrations. Needs pg_dump, pg_restore and psql of the
# server's major version or newer, and a role that may create databases.
set -euo pipefail

SRC="${1:-}"
if [[ ! "$SRC" =~ ^postgres(ql)?:// ]]; then
  echo "Usage: bash scripts/backup-restore-check.sh <postgresql://… source database> [dump-file]" >&2
  exit 2
fi
cd "$(dirname "$0")/.."

KEEP_DUMP="${2:-}"
DUMP="${KEEP_DUMP:-$(mktemp -t tillit-backup.XXXXXX.dump)}"
base="${SRC%%\?*}"
query="${SRC#"$base"}"
SRC_DB="${base##*/}"
COPY="${SRC_DB}_restore_check_$$"
COPY_URL="${base%/*}/${COPY}${query}"
COPY_CREATED=0
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -A -t)

# The main tables: the register, its history and the mailings, plus the migrations record and pg-boss's jobs.
TABLES=(Organisation Contact ContactRole ContactLegalBasis Subscription SubscriptionChange ChoiceEvidence Suppression
  AuditEvent PrivacyRequest Mailing Delivery StaffUser _prisma_migrations pgboss.job)

count_sql() {
  local t="$1" rel
  if [[ "$t" == *.* ]]; then rel="${t%%.*}.\"${t#*.}\""; else rel="public.\"$t\""; fi
  # A table the database does not have counts as "absent" (on both sides alike, it compares equal).
  echo "SELECT CASE WHEN to_regclass('$rel') IS NULL THEN 'absent' ELSE (xpath('/row/c/text()', query_to_xml('SELECT count(*) AS c FROM $rel', false, true, '')))[1]::text END;"
}

cleanup() {
  local rc=$?
  if [[ -n "${SNAP_PID_SAVED:-}" ]]; then
    exec {SNAP_IN}>&- 2>/dev/null || true
    wait "$SNAP_PID_SAVED" 2>/dev/null || true
  fi
  if [[ "$COPY_CREATED" == 1 ]]; then
    if "${PSQL[@]}" "$SRC" -c "DROP DATABASE IF EXISTS \"$COPY\" WITH (FORCE)"; then
      echo "dropped the copy $COPY"
    else
      echo "FAIL: could not drop the copy $COPY; drop it by hand" >&2
      rc=1
    fi
  fi
  [[ -z "$KEEP_DUMP" ]] && rm -f "$DUMP"
  exit "$rc"
}
trap cleanup EXIT

started=$(date +%s)
# A session on the source that holds one snapshot open for the dump and the counts.
coproc SNAP { "${PSQL[@]}" "$SRC"; }
SNAP_IN=${SNAP[1]}
SNAP_OUT=${SNAP[0]}
SNAP_PID_SAVED=$SNAP_PID
echo "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY; SELECT pg_export_snapshot();" >&"$SNAP_IN"
read -r -t 30 SNAPSHOT <&"$SNAP_OUT"
[[ -n "$SNAPSHOT" ]] || { echo "FAIL: no snapshot from the source" >&2; exit 1; }

echo "dump: pg_dump -Fc $SRC_DB (snapshot $SNAPSHOT) -> $DUMP"
pg_dump -Fc --snapshot="$SNAPSHOT" -f "$DUMP" "$SRC"
echo "  $(du -h "$DUMP" | cut -f1) in $(($(date +%s) - started)) s"

declare -A SRC_COUNT
for t in "${TABLES[@]}"; do
  count_sql "$t" >&"$SNAP_IN"
  read -r -t 600 SRC_COUNT[$t] <&"$SNAP_OUT"
done
echo "COMMIT;" >&"$SNAP_IN"
exec {SNAP_IN}>&-
wait "$SNAP_PID_SAVED" || true
unset SNAP_PID_SAVED

echo "restore: pg_restore into $COPY"
t0=$(date +%s)
"${PSQL[@]}" "$SRC" -c "CREATE DATABASE \"$COPY\""
COPY_CREATED=1
pg_restore --exit-on-error --no-owner --no-privileges -d "$COPY_URL" "$DUMP"
echo "  restored in $(($(date +%s) - t0)) s"

failed=0
echo "check: readiness of the copy"
if ! node_modules/.bin/tsx --import ./lib/node/server-only-hook.mjs scripts/check-restored-database.ts "$COPY_URL"; then
  failed=1
fi

echo "check: rows per table, source (dump's snapshot) vs copy"
for t in "${TABLES[@]}"; do
  copy_count=$(count_sql "$t" | "${PSQL[@]}" "$COPY_URL")
  if [[ "${SRC_COUNT[$t]}" == "$copy_count" ]]; then
    printf '  %-20s %12s  ok\n' "$t" "$copy_count"
  else
    printf '  %-20s source %s, copy %s  MISMATCH\n' "$t" "${SRC_COUNT[$t]}" "$copy_count"
    failed=1
  fi
done

if [[ "$failed" == 0 ]]; then
  echo "PASS: the dump restores, migrations check, row counts match ($(($(date +%s) - started)) s in all)"
else
  echo "FAIL: see above" >&2
  exit 1
fi
