#!/usr/bin/env bash
# The performance benchmarks against the published app over HTTP, with their targets; writes bench/.out/report.md
# and puts it into docs/benchmarks.md between the bench:results markers.
#
#   bash bench/run.sh [--bases-small 120] [--bases-large 12000] [--runs 5] [--import-runs 1]
#
# Every output (published app, generated data, logs, report) goes under bench/.out/. The machines are noisy 2-core
# VMs: each figure is a median/p95 of repeated requests within this one run, never compared across runs.
set -euo pipefail
shopt -s inherit_errexit # a failure inside $(...) stops the script too

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
OUT="$BENCH/.out"
COMMAND="bash bench/run.sh${*:+ $*}"
BASES_SMALL=120
BASES_LARGE=12000
RUNS=5
IMPORT_RUNS=1
while (($# > 0)); do
  case $1 in
    --bases-small) BASES_SMALL=$2; shift 2 ;;
    --bases-large) BASES_LARGE=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --import-runs) IMPORT_RUNS=$2; shift 2 ;;
    *) echo "usage: bash bench/run.sh [--bases-small 120] [--bases-large 12000] [--runs 5] [--import-runs 1]" >&2; exit 2 ;;
  esac
done

# shellcheck source=bench/lib.sh
source "$BENCH/lib.sh"

YEARS=10
SEED=7
FIRST_YEAR=2016
LAST_YEAR=$((FIRST_YEAR + YEARS - 1))
RANGE="from=$FIRST_YEAR&to=$LAST_YEAR"
API_REQUESTS=50
PAGE_REQUESTS=30
WRK_PAIRS=3
IMPORT_TIMEOUT=600
REVIEWER_EMAIL=bench-reviewer@example.com
REVIEWER_PASSWORD=Amber-Lantern-2026
DATA="$OUT/data"
WORK="$OUT/work"

trap app_stop EXIT
trap 'exit 130' INT TERM # so that Ctrl-C or a kill also runs the EXIT trap and stops the app
mkdir -p "$OUT" "$DATA" "$WORK"
rm -rf "$OUT/logs" "$OUT/uploads"
: >"$OUT/rows.md"
: >"$OUT/notes.md"
note() { echo "- $*" >>"$OUT/notes.md"; }

ensure_tools
# Figures:Cache is new (being added to the app in parallel): without it "uncached" would silently mean cached.
if ! grep -rqE 'SectionName = "Figures"|Figures:Cache' "$ROOT/src/MieEvaluation.Web"; then
  note "This version of the app has no \`Figures:Cache\` setting yet: \`Figures__Cache=false\` had no effect, so the \"uncached\" rows were served from the exact cache after the first request."
fi

publish_app
dotnet build "$BENCH/MieEvaluation.DataGenerator" -c Release -v quiet -nologo >"$OUT/generator-build.log" 2>&1 \
  || { tail -n 30 "$OUT/generator-build.log" >&2; die "building the data generator"; }

# Regenerated every run (deterministic for the seed, and seconds even at 12,000 bases): never a stale file.
generate() {
  dotnet run -c Release --no-build --project "$BENCH/MieEvaluation.DataGenerator" -- --years "$YEARS" --seed "$SEED" "$@" >&2
}
SMALL_DB="$DATA/bases$BASES_SMALL.db"
LARGE_DB="$DATA/bases$BASES_LARGE.db"
REGISTRY_DB="$DATA/bases$BASES_LARGE-registry.db"
VALUES_CSV="$DATA/bases$BASES_LARGE-values.csv"
log "generating data"
generate --bases "$BASES_SMALL" --database "$SMALL_DB"
generate --bases "$BASES_LARGE" --database "$LARGE_DB"
generate --bases "$BASES_LARGE" --database "$REGISTRY_DB" --registry-only --csv "$VALUES_CSV"
CSV_ROWS=$(($(wc -l <"$VALUES_CSV") - 1))
# The databases the app changes (accounts, keys, markers, imports) are copies; the generated files stay pristine.
fresh_copy() { rm -f "$WORK/$2"*; cp "$1" "$WORK/$2"; echo "$WORK/$2"; }

# a. The national table, uncached: p50/p95 of time_starttransfer over API_REQUESTS requests, after 20 unmeasured ones
#    (the JIT's optimised code replaces the first-call code after ~30 calls; a server's steady state is what counts).
national_api() {
  local size=$1 target=$2 token
  token=$(api_token "$ADMIN_EMAIL" "$ADMIN_PASSWORD")
  expect_status 200 "$APP_URL/api/v1/figures/national?$RANGE" -H "Authorization: Bearer $token"
  time_requests 20 "$APP_URL/api/v1/figures/national?$RANGE" "$WORK/warm-up.ms" -H "Authorization: Bearer $token"
  time_requests "$API_REQUESTS" "$APP_URL/api/v1/figures/national?$RANGE" "$OUT/national-$size.ms" -H "Authorization: Bearer $token"
  read -r p50 p95 n < <(stats "$OUT/national-$size.ms")
  log "national table, $size bases, uncached: p50 $p50 ms, p95 $p95 ms ($n requests)"
  row "National table API, uncached (\`Figures__Cache=false\`), server time ≤ curl time_starttransfer" "$size bases" \
    "p50 $p50 ms, p95 **$p95 ms** ($n requests)" "p95 ≤ $target ms" "$(verdict "$p95" '<=' "$target")"
}

# b. wrk on /health, then /dashboard, in the same app; the ratio dashboard/health against the target.
wrk_rps() {
  local url=$1 cookie=$2 name=$3 output non2xx
  wrk -t2 -c4 -d2s -H "Cookie: $cookie" "$url" >/dev/null # warm-up: JIT and pools, not measured
  output=$(wrk -t2 -c4 -d10s -H "Cookie: $cookie" "$url")
  echo "$output" >"$OUT/wrk-$name.txt"
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$output")
  [[ -z "$non2xx" ]] || die "wrk $url: $non2xx non-2xx answers (see $OUT/wrk-$name.txt)"
  awk '/Requests\/sec:/ { print $2 }' <<<"$output"
}
dashboard_ratio() {
  local cache=$1 target=$2 cookie health dashboard i
  cookie=$(cookie_header "$WORK/small.jar")
  # A redirect to the login page would make wrk measure the login page: the dashboard must answer 200 first.
  expect_status 200 "$APP_URL/dashboard" -H "Cookie: $cookie"
  # Alternating pairs, so that the machine's drift affects both endpoints alike; the median pair's ratio counts.
  : >"$OUT/wrk-ratios-$cache.txt"
  for ((i = 1; i <= WRK_PAIRS; i++)); do
    health=$(wrk_rps "$APP_URL/health" "$cookie" "health-cache-$cache-$i")
    dashboard=$(wrk_rps "$APP_URL/dashboard" "$cookie" "dashboard-cache-$cache-$i")
    python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f} {sys.argv[1]} {sys.argv[2]}')" "$dashboard" "$health" >>"$OUT/wrk-ratios-$cache.txt"
  done
  read -r ratio dashboard health < <(sort -n "$OUT/wrk-ratios-$cache.txt" | awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }')
  log "wrk, cache $cache: /dashboard $dashboard req/s, /health $health req/s, median ratio $ratio ($(cut -d ' ' -f 1 "$OUT/wrk-ratios-$cache.txt" | tr '\n' ' '))"
  row "Dashboard throughput ÷ /health throughput (wrk -t2 -c4 -d10s, signed in), \`Figures__Cache=$cache\`" "$BASES_SMALL bases" \
    "median of $WRK_PAIRS pairs **$ratio** ($dashboard vs $health req/s; all: $(cut -d ' ' -f 1 "$OUT/wrk-ratios-$cache.txt" | paste -sd ' '))" "≥ $target" "$(verdict "$ratio" '>=' "$target")"
}

log "== $BASES_SMALL bases: national table uncached, dashboard throughput"
db=$(fresh_copy "$SMALL_DB" small.db)
app_start small-nocache "$db" Figures__Cache=false
app_wait_health 300
login "$WORK/small.jar" "$ADMIN_EMAIL" "$ADMIN_PASSWORD"
national_api "$BASES_SMALL" 5
dashboard_ratio false 0.3
app_stop
app_start small-cache "$db" Figures__Cache=true
app_wait_health 300
dashboard_ratio true 0.8
app_stop

log "== $BASES_LARGE bases: national table uncached, growth export, base page, cold start"
db=$(fresh_copy "$LARGE_DB" large.db)
app_start large-nocache "$db" Figures__Cache=false
app_wait_health 900
login "$WORK/large.jar" "$ADMIN_EMAIL" "$ADMIN_PASSWORD"
national_api "$BASES_LARGE" 100
app_stop

# d. First request reported apart (it computes; later ones may be served from the cache, the production setting).
page_timings() {
  local what=$1 path=$2 target=$3 cookie first
  cookie=$(cookie_header "$WORK/large.jar")
  time_requests 1 "$APP_URL$path" "$OUT/first-$what.ms" -H "Cookie: $cookie"
  first=$(awk '{ printf "%.1f", $1 }' "$OUT/first-$what.ms")
  time_requests "$PAGE_REQUESTS" "$APP_URL$path" "$OUT/$what.ms" -H "Cookie: $cookie"
  read -r p50 p95 n < <(stats "$OUT/$what.ms")
  log "$what: first $first ms, then p50 $p50 ms, p95 $p95 ms"
  row "$what (\`GET $path\`, signed in, cache on)" "$BASES_LARGE bases" \
    "first $first ms; then p50 $p50 ms, p95 **$p95 ms** ($n requests)" "≤ $target ms" "$(verdict "$p95" '<=' "$target")"
}
app_start large-cache "$db" Figures__Cache=true
app_wait_health 900
page_timings "Growth CSV export" "/export/growth.csv?$RANGE" 200
page_timings "Base page" "/bases/G$(printf '%06d' $((BASES_LARGE / 2)))" 20
app_stop

# e. Cold start of the already migrated database: process start to the first 200 of /dashboard with the cookie of
# an earlier run (the data-protection keys live in the database); if the cookie is refused, the national API instead.
cold_start_ms() {
  local cookie=$1 token=$2 deadline=$((SECONDS + 600)) code
  # First /health, to tell the start-up itself from the first page's work in the report.
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 600 "$APP_URL/health" || true)" == 200 ]]; do
    kill -0 "$APP_PID" 2>/dev/null || die "the app exited during the cold start"
    ((SECONDS < deadline)) || { echo "did not finish"; return 0; }
    sleep 0.02
  done
  elapsed_ms "$APP_STARTED" "$(now)" >>"$OUT/cold-start-health.ms"
  while :; do
    if [[ -n "$cookie" ]]; then
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 600 -H "Cookie: $cookie" "$APP_URL/dashboard" || true)
    else
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 600 -H "Authorization: Bearer $token" "$APP_URL/api/v1/figures/national?$RANGE" || true)
    fi
    [[ "$code" == 200 ]] && { elapsed_ms "$APP_STARTED" "$(now)"; return 0; }
    [[ "$code" == 302 || "$code" == 401 ]] && { echo refused; return 0; }
    kill -0 "$APP_PID" 2>/dev/null || die "the app exited during the cold start"
    ((SECONDS < deadline)) || { echo "did not finish"; return 0; }
    sleep 0.02
  done
}
cookie=$(cookie_header "$WORK/large.jar")
app_start large-token "$db"
app_wait_health 900
token=$(api_token "$ADMIN_EMAIL" "$ADMIN_PASSWORD")
app_stop
: >"$OUT/cold-start.ms"
: >"$OUT/cold-start-health.ms"
cold_what="first 200 of \`/dashboard\` (cookie from an earlier process)"
for ((i = 1; i <= RUNS; i++)); do
  app_start "cold-$i" "$db"
  ms=$(cold_start_ms "$cookie" "$token")
  if [[ "$ms" == refused ]]; then
    note "Cold start: the earlier process's cookie was refused after a restart; measured to the first 200 of the national API with a token instead."
    cold_what="first 200 of \`/api/v1/figures/national\` (token; the cookie was refused after a restart)"
    cookie=""
    sed -i '$d' "$OUT/cold-start-health.ms" # this start is measured again below
    app_stop
    app_start "cold-$i" "$db"
    ms=$(cold_start_ms "" "$token")
  fi
  app_stop
  log "cold start $i: $ms ms"
  [[ "$ms" =~ ^[0-9.]+$ ]] || { ms_cold="did not finish"; break; }
  echo "$ms" >>"$OUT/cold-start.ms"
done
if [[ -z "${ms_cold:-}" ]]; then
  read -r p50 p95 n < <(stats "$OUT/cold-start.ms")
  row "Cold start: process start to $cold_what" "$BASES_LARGE bases" "median **$p50 ms** (max $(sort -n "$OUT/cold-start.ms" | tail -n 1) ms, $n start(s)); of which to the first 200 of \`/health\`: median $(stats "$OUT/cold-start-health.ms" | cut -d ' ' -f 1) ms" "≤ 2000 ms" "$(verdict "$p50" '<=' 2000)"
else
  row "Cold start: process start to $cold_what" "$BASES_LARGE bases" "did not finish in 600 s" "≤ 2000 ms" "**missed**"
fi

# c. The import: the app on the registry alone, the long CSV as the raw text/csv body, as a reviewer approving at once.
# post_csv FILE JSON MAX_SECONDS: sets code, seconds (curl's total, upload included) and curl_rc.
post_csv() {
  local result
  set +e
  result=$(curl -sS -X POST --max-time "$3" -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' \
    --data-binary "@$1" -o "$2" -w '%{http_code} %{time_total}' "$APP_URL/api/v1/values/import?approve=true")
  curl_rc=$?
  set -e
  read -r code seconds <<<"$result"
}
import_once() {
  local run=$1 db before after rate total=0 written=0 how="one request" target="≥ 100,000 values/s"
  db=$(fresh_copy "$REGISTRY_DB" import.db)
  app_start "import-$run" "$db"
  app_wait_health 900
  login "$WORK/import.jar" "$ADMIN_EMAIL" "$ADMIN_PASSWORD"
  create_user "$WORK/import.jar" "$REVIEWER_EMAIL" "$REVIEWER_PASSWORD" Reviewer
  token=$(api_token "$REVIEWER_EMAIL" "$REVIEWER_PASSWORD")
  before=$(app_peak_mb)
  log "importing $CSV_ROWS values (time-out $IMPORT_TIMEOUT s)"
  post_csv "$VALUES_CSV" "$OUT/import-$run.json" "$IMPORT_TIMEOUT"
  if [[ "$code" == 200 ]]; then
    total=$seconds
    written=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["newValues"])' "$OUT/import-$run.json")
    code=""
  fi
  after=$(app_peak_mb)
  seconds=$(awk -v s="$total" 'BEGIN { printf "%.1f", s }')
  local what="Import of $CSV_ROWS values (\`POST /api/v1/values/import?approve=true\`, raw CSV body, $how)"
  if ((curl_rc == 28)); then
    row "$what" "$BASES_LARGE bases" "did not finish in $IMPORT_TIMEOUT s" "$target" "**missed**"
  elif [[ -n "$code" ]]; then
    note "Import answered $code: $(head -c 600 "$OUT/import-$run.json")"
    row "$what" "$BASES_LARGE bases" "failed: HTTP $code (see notes)" "$target" "**missed**"
  else
    [[ "$written" == "$CSV_ROWS" ]] || note "Import reported $written new values for $CSV_ROWS CSV rows."
    rate=$(python3 -c "import sys; print(round(int(sys.argv[1]) / float(sys.argv[2])))" "$CSV_ROWS" "$seconds")
    echo "$seconds" >>"$OUT/import.s"
    log "import: $seconds s, $rate values/s, peak $after MB (baseline $before MB)"
    row "$what" "$BASES_LARGE bases" \
      "$seconds s = **$rate values/s**; sqlite3 .import of the same file (median of 3): SQLITE_S s (app ÷ sqlite3 = RATIO×)" "$target" "$(verdict "$rate" '>=' 100000)"
  fi
  row "Import, the app's peak memory (VmHWM after the import)" "$BASES_LARGE bases" "**$after MB** (before the import: $before MB)" "≤ 300 MB" "$(verdict "$after" '<=' 300)"
  app_stop
}
log "== import of $CSV_ROWS values into $BASES_LARGE registered bases"
rm -f "$OUT/import.s"
for ((i = 1; i <= IMPORT_RUNS; i++)); do
  import_once "$i"
done

# The floor for the import: sqlite3 reading the same CSV into a bare table (no checks, no index) in a fresh file;
# hyperfine runs it 3 times, recreating the file before each, and gives the median.
SQLITE_DB="$WORK/sqlite-import.db"
hyperfine --runs 3 --style basic --export-json "$OUT/sqlite-import.json" \
  --prepare "rm -f '$SQLITE_DB' && sqlite3 '$SQLITE_DB' 'CREATE TABLE t(base_code TEXT, year INT, indicator_code TEXT, value REAL);'" \
  "sqlite3 '$SQLITE_DB' -cmd '.mode csv' '.import --skip 1 $VALUES_CSV t'" >"$OUT/sqlite-import.txt"
sqlite_s=$(python3 -c 'import json, sys; print(round(json.load(open(sys.argv[1]))["results"][0]["median"], 2))' "$OUT/sqlite-import.json")
[[ "$(sqlite3 "$SQLITE_DB" 'SELECT COUNT(*) FROM t')" == "$CSV_ROWS" ]] || die "sqlite3 .import did not load $CSV_ROWS rows"
log "sqlite3 .import: median $sqlite_s s"
if [[ -s "$OUT/import.s" ]]; then
  app_s=$(sort -n "$OUT/import.s" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  ratio=$(python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.1f}')" "$app_s" "$sqlite_s")
  sed -i "s/SQLITE_S s (app ÷ sqlite3 = RATIO×)/$sqlite_s s (app ÷ sqlite3 = $ratio×)/" "$OUT/rows.md"
fi

bash "$BENCH/report.sh" "$COMMAND" "$CSV_ROWS"
log "done: $OUT/report.md (and docs/benchmarks.md)"
