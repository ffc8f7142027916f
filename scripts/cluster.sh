#!/usr/bin/env bash
# A local riptide cluster on one PostgreSQL database: two API processes (no in-process worker) on
# ports 8001 and 8002, and two workers. Ctrl-C (or SIGTERM) stops all four; workers drain first.
# Environment: RIPTIDE_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), CONCURRENCY
# (per worker, default 16), and any other RIPTIDE_* setting.
set -euo pipefail
cd "$(dirname "$0")/.."
export RIPTIDE_DATABASE_URL="${RIPTIDE_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
export RIPTIDE_DATA_DIR="${RIPTIDE_DATA_DIR:-.riptide-cluster}"
concurrency="${CONCURRENCY:-16}"
riptide=(npx tsx src/cli/main.ts)
[ -f dist/cli/main.js ] && riptide=(node bin/riptide.js)

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait || true
}
trap stop INT TERM EXIT

for port in 8001 8002; do
  "${riptide[@]}" serve --port "$port" --no-worker & pids+=("$!")
done
for _ in 1 2; do
  "${riptide[@]}" worker --concurrency "$concurrency" & pids+=("$!")
done
echo "riptide cluster: APIs on http://127.0.0.1:8001 and :8002, 2 workers (pids ${pids[*]}); Ctrl-C stops it"
wait
