#!/usr/bin/env bash
# The reports' speed and memory targets (issue 20) against the published app over HTTP: the national report at 120
# bases over ten years (its widest growth table, with a scheme's results) as PDF, Word and Excel, and a base's PDF;
# writes bench/.out/reports/report.md and puts it into docs/benchmarks.md between the bench:reports markers.
#
#   bash bench/reports.sh [--requests 10]
set -euo pipefail
shopt -s inherit_errexit

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
OUT="$BENCH/.out/reports"
COMMAND="bash bench/reports.sh${*:+ $*}"
REQUESTS=10
while (($# > 0)); do
  case $1 in
    --requests) REQUESTS=$2; shift 2 ;;
    *) echo "usage: bash bench/reports.sh [--requests 10]" >&2; exit 2 ;;
  esac
done

# shellcheck source=bench/lib.sh
source "$BENCH/lib.sh"

SCHEME="$ROOT/src/MieEvaluation.Web/Demo/demo-scheme.json"
DATA="$OUT/data"
WORK="$OUT/work"
trap app_stop EXIT
trap 'exit 130' INT TERM
mkdir -p "$OUT" "$DATA" "$WORK"
rm -rf "$OUT/logs"
: >"$OUT/rows.md"

ensure_tools
[[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]] || { apt-get update -qq && apt-get install -y -qq fonts-wqy-microhei >/dev/null; }
publish_app
dotnet build "$BENCH/MieEvaluation.DataGenerator" -c Release -v quiet -nologo >"$OUT/generator-build.log" 2>&1 \
  || { tail -n 30 "$OUT/generator-build.log" >&2; die "building the data generator"; }

dotnet run -c Release --no-build --project "$BENCH/MieEvaluation.DataGenerator" -- --years 10 --seed 7 --bases 120 --database "$DATA/bases120.db" >&2
db="$WORK/bases120.db"; rm -f "$db"*; cp "$DATA/bases120.db" "$db"
app_start "reports-120" "$db"
app_wait_health 900
token=$(api_token "$ADMIN_EMAIL" "$ADMIN_PASSWORD")
status=$(curl -sS -o "$WORK/saved.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  --data-binary "@$SCHEME" "$APP_URL/api/v1/evaluation/schemes")
[[ "$status" == 201 || "$status" == 200 ]] || die "saving the scheme answered $status: $(cat "$WORK/saved.json")"
base=$(sqlite3 "$db" "select Code from Bases order by Code limit 1" 2>/dev/null || python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select Code from Bases order by Code limit 1').fetchone()[0])" "$db")
query="from=2016&to=2025&lang=zh-CN"

measure() { # measure NAME URL TARGET_MS
  local name=$1 url=$2 target=$3
  time_requests 2 "$url" "$WORK/warm.ms" -H "Authorization: Bearer $token"
  time_requests "$REQUESTS" "$url" "$OUT/$name.ms" -H "Authorization: Bearer $token"
  curl -sS -f -H "Authorization: Bearer $token" -o "$WORK/$name.file" "$url"
  read -r p50 p95 n < <(stats "$OUT/$name.ms")
  local size; size=$(stat -c %s "$WORK/$name.file")
  log "$name: p50 $p50 ms (p95 $p95), $size bytes"
  row "\`GET ${url#"$APP_URL"}\`" "120 bases, 10 years" "p50 **$p50 ms**, p95 $p95 ms ($n requests); $((size / 1024)) KiB" "≤ $target ms" "$(verdict "$p50" '<=' "$target")"
}

measure national-pdf "$APP_URL/api/v1/reports/national.pdf?$query" 2000
measure national-docx "$APP_URL/api/v1/reports/national.docx?$query" 2000
measure national-xlsx "$APP_URL/api/v1/reports/national.xlsx?$query" 1000
measure base-pdf "$APP_URL/api/v1/reports/bases/$base.pdf?lang=zh-CN" 2000
after_first=$(app_peak_mb)

# Memory bounded: the peak stays where it was after the first rounds while the same reports are made again and again.
for _ in 1 2 3; do
  time_requests "$REQUESTS" "$APP_URL/api/v1/reports/national.pdf?$query" "$WORK/again.ms" -H "Authorization: Bearer $token"
  time_requests "$REQUESTS" "$APP_URL/api/v1/reports/national.docx?$query" "$WORK/again.ms" -H "Authorization: Bearer $token"
done
after_all=$(app_peak_mb)
pages=$(pdfinfo "$WORK/national-pdf.file" 2>/dev/null | awk '/^Pages:/ { print $2 }')
app_stop
log "peak resident memory: $after_first MB after the measured requests, $after_all MB after $((6 * REQUESTS)) more"
row "Peak resident memory of the app (VmHWM)" "after the rows above, then after $((6 * REQUESTS)) more PDF and Word reports" \
  "**$after_first MB**, then **$after_all MB**" "bounded: within 50 MB of the first rounds" "$(verdict "$after_all" '<=' "$((after_first + 50))")"

{
  echo "### Results of \`bench/reports.sh\` ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "**Command:** \`$COMMAND\` (commit $(git -C "$ROOT" rev-parse --short HEAD)). **Machine:** $(machine_line)."
  echo "A generated database of 120 bases with ten years of values (seed 7) and the demo's scheme; the national report"
  echo "for 2016–2025 in Chinese (its growth table has 24 columns, set on landscape pages; ${pages:-?} PDF pages), base $base's"
  echo "report; the published app, \`ASPNETCORE_ENVIRONMENT=Production\`, on loopback; times are curl's time to the first byte,"
  echo "an upper bound of the server's time (the file is written at once when made)."
  echo
  echo "| What | Size | Measured | Target | Verdict |"
  echo "|---|---|---|---|---|"
  cat "$OUT/rows.md"
} >"$OUT/report.md"
/usr/bin/python3 "$BENCH/put-section.py" "$ROOT/docs/benchmarks.md" reports "$OUT/report.md"
log "done: $OUT/report.md (and docs/benchmarks.md)"
