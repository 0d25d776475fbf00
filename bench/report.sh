#!/usr/bin/env bash
# Writes bench/.out/report.md from the rows and notes that bench/run.sh collected, and puts it into
# docs/benchmarks.md between the lines <!-- bench:results:start --> and <!-- bench:results:end --> (added under the
# title when missing; nothing else in the file changes).
#   bash bench/report.sh "<the command that ran>" <CSV rows>
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
OUT="$BENCH/.out"
COMMAND=$1
CSV_ROWS=$2

cpu=$(awk -F ': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
ram=$(awk '/^MemTotal:/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
os=$(. /etc/os-release && echo "$PRETTY_NAME")
runtime=$(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ { v = $2 } END { print v }')

{
  echo "### Results of \`bench/run.sh\` ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "**Command:** \`$COMMAND\` (commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src || echo ', with uncommitted changes in src/'))."
  echo
  echo "**Machine:** $cpu, $(nproc) cores, $ram, $os; .NET SDK $(dotnet --version), ASP.NET Core runtime $runtime; sqlite3 $(sqlite3 --version | cut -d ' ' -f 1)."
  echo
  echo "**Data:** bench/MieEvaluation.DataGenerator, seed 7, 10 years from 2016, 12 indicators, ~3 % of values missing, bases"
  echo "reporting from their batch year (a quarter 2016, the rest 2017), on top of the 120 real bases the seeder adds (no values)."
  echo "The import file has $CSV_ROWS value rows."
  echo
  echo "| What | Size | Measured | Target | Verdict |"
  echo "|---|---|---|---|---|"
  cat "$OUT/rows.md"
  echo
  echo "How: the published app (\`dotnet publish -c Release -r linux-x64 -p:PublishReadyToRun=true\`) on loopback, \`ASPNETCORE_ENVIRONMENT=Production\`, a fresh copy"
  echo "of the generated SQLite file per scenario. Request times are curl's \`time_starttransfer\` on one kept-alive"
  echo "connection (an upper bound of the server's time); percentiles are nearest-rank. wrk gets a 2 s warm-up first and must"
  echo "see no non-2xx answer. The import is one timed \`curl --data-binary\` (upload included); peak memory is \`VmHWM\` from"
  echo "\`/proc/<pid>/status\`. Cold start: from just before \`dotnet MieEvaluation.Web.dll\` starts to the first 200, polled every 20 ms."
  if [[ -s "$OUT/notes.md" ]]; then
    echo
    echo "**Notes:**"
    echo
    cat "$OUT/notes.md"
  fi
} >"$OUT/report.md"

python3 "$BENCH/put-section.py" "$ROOT/docs/benchmarks.md" results "$OUT/report.md"
