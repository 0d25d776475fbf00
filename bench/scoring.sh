#!/usr/bin/env bash
# The evaluation's speed targets (issue 19) against the published app over HTTP, beside the same computation in NumPy
# (bench/scoring_numpy.py, Debian's python3-numpy) on the same database; writes bench/.out/scoring/report.md and puts
# it into docs/benchmarks.md between the bench:scoring markers.
#
#   bash bench/scoring.sh [--requests 20] [--runs 1000]
set -euo pipefail
shopt -s inherit_errexit

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
OUT="$BENCH/.out/scoring"
COMMAND="bash bench/scoring.sh${*:+ $*}"
REQUESTS=20
RUNS=1000
while (($# > 0)); do
  case $1 in
    --requests) REQUESTS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    *) echo "usage: bash bench/scoring.sh [--requests 20] [--runs 1000]" >&2; exit 2 ;;
  esac
done

# shellcheck source=bench/lib.sh
source "$BENCH/lib.sh"

SCHEME="$ROOT/src/MieEvaluation.Web/Demo/demo-scheme.json"
YEAR=2025
DATA="$OUT/data"
WORK="$OUT/work"
trap app_stop EXIT
trap 'exit 130' INT TERM
mkdir -p "$OUT" "$DATA" "$WORK"
rm -rf "$OUT/logs"
: >"$OUT/rows.md"

ensure_tools
if ! /usr/bin/python3 -c 'import numpy' 2>/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-numpy >/dev/null
fi
publish_app
dotnet build "$BENCH/MieEvaluation.DataGenerator" -c Release -v quiet -nologo >"$OUT/generator-build.log" 2>&1 \
  || { tail -n 30 "$OUT/generator-build.log" >&2; die "building the data generator"; }

for size in 120 12000; do
  dotnet run -c Release --no-build --project "$BENCH/MieEvaluation.DataGenerator" -- --years 10 --seed 7 --bases "$size" --database "$DATA/bases$size.db" >&2
  db="$WORK/bases$size.db"; rm -f "$db"*; cp "$DATA/bases$size.db" "$db"
  app_start "scoring-$size" "$db"
  app_wait_health 900
  token=$(api_token "$ADMIN_EMAIL" "$ADMIN_PASSWORD")
  status=$(curl -sS -o "$WORK/saved.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data-binary "@$SCHEME" "$APP_URL/api/v1/evaluation/schemes")
  [[ "$status" == 201 || "$status" == 200 ]] || die "saving the scheme answered $status: $(cat "$WORK/saved.json")"
  results="$APP_URL/api/v1/evaluation/schemes/mie-illustration/results?year=$YEAR"
  robustness="$APP_URL/api/v1/evaluation/schemes/mie-illustration/robustness?year=$YEAR&runs=$RUNS"
  time_requests 5 "$results" "$WORK/warm.ms" -H "Authorization: Bearer $token"
  time_requests "$REQUESTS" "$results" "$OUT/results-$size.ms" -H "Authorization: Bearer $token"
  curl -sS -f -H "Authorization: Bearer $token" "$results" >"$WORK/app-results-$size.json"
  time_requests 1 "$robustness" "$WORK/warm.ms" -H "Authorization: Bearer $token"
  time_requests 5 "$robustness" "$OUT/robustness-$size.ms" -H "Authorization: Bearer $token"
  app_stop
  read -r results_p50 results_p95 n < <(stats "$OUT/results-$size.ms")
  read -r robustness_p50 _ robustness_n < <(stats "$OUT/robustness-$size.ms")
  log "$size bases: results p50 $results_p50 ms (p95 $results_p95), robustness p50 $robustness_p50 ms"

  /usr/bin/python3 "$BENCH/scoring_numpy.py" "$db" "$SCHEME" "$YEAR" "$RUNS" >"$WORK/numpy-$size.json"
  read -r numpy_load numpy_results numpy_robustness difference counted < <(/usr/bin/python3 - "$WORK/numpy-$size.json" "$WORK/app-results-$size.json" <<'PY'
import json, sys
numpy, app = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
ours = {r["base_code"]: r["total"] for r in app["results"]}
pairs = [(t, ours.get(c)) for c, t in numpy["totals"].items()]
both = [(a, b) for a, b in pairs if a is not None and b is not None]
disagree = sum(1 for a, b in pairs if (a is None) != (b is None))
print(numpy["load_ms"], numpy["results_ms"], numpy["robustness_ms"], max((abs(a - b) for a, b in both), default=0.0) if not disagree else f"{disagree}-undefined-differ", len(both))
PY
)
  log "$size bases: NumPy load $numpy_load ms, results $numpy_results ms, robustness $numpy_robustness ms; max |total difference| $difference over $counted bases"
  target_results=$([[ $size == 120 ]] && echo 20 || echo 500)
  target_robustness=$([[ $size == 120 ]] && echo 200 || echo 10000)
  row "Results, \`GET …/results?year=$YEAR\`, uncached, server time ≤ curl time_starttransfer" "$size bases" \
    "p50 **$results_p50 ms**, p95 $results_p95 ms ($n requests); NumPy: computation $numpy_results ms (+ $numpy_load ms reading SQLite); totals agree within $difference ($counted bases)" \
    "≤ $target_results ms" "$(verdict "$results_p50" '<=' "$target_results")"
  row "Robustness, \`GET …/robustness?year=$YEAR&runs=$RUNS\`" "$size bases" \
    "p50 **$robustness_p50 ms** ($robustness_n requests); NumPy: $numpy_robustness ms (median of 3, computation only)" \
    "≤ $target_robustness ms" "$(verdict "$robustness_p50" '<=' "$target_robustness")"
done

{
  echo "### Results of \`bench/scoring.sh\` ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "**Command:** \`$COMMAND\` (commit $(git -C "$ROOT" rev-parse --short HEAD)). **Machine:** $(machine_line), NumPy $(/usr/bin/python3 -c 'import numpy; print(numpy.__version__)')."
  echo "The demo's scheme (\`src/MieEvaluation.Web/Demo/demo-scheme.json\`: 4 dimensions, 14 items, AHP and entropy weights) on data"
  echo "year $YEAR of the generated databases; the published app, \`ASPNETCORE_ENVIRONMENT=Production\`, on loopback."
  echo
  echo "| What | Size | Measured | Target | Verdict |"
  echo "|---|---|---|---|---|"
  cat "$OUT/rows.md"
} >"$OUT/report.md"
/usr/bin/python3 "$BENCH/put-section.py" "$ROOT/docs/benchmarks.md" scoring "$OUT/report.md"
log "done: $OUT/report.md (and docs/benchmarks.md)"
