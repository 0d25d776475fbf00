#!/usr/bin/env bash
# The costs of issue 18's defences, against the published app over HTTP; writes bench/.out/security/report.md and puts
# it into docs/benchmarks.md between the bench:security markers.
#
#   bash bench/security.sh [--requests 300] [--attempts 40]
#
# 1. The session check on every request (SessionValidator): /health with and without a session cookie, in
#    alternating blocks. Authentication runs on every request, /health included, and /health renders nothing that
#    depends on the user: the difference is reading the cookie plus the check.
# 2. Sign-in answers for a known and an unknown e-mail (wrong password both), alternating; the counts of failures are
#    emptied before each attempt so that none is delayed.
# 3. Peak memory of one import at the largest allowed upload (Import:MaxFileBytes, 64 MiB), each in a fresh process:
#    a valid file (dry run, then committed), the widest allowed lines, and one 60 MB line (refused before parsing).
set -euo pipefail
shopt -s inherit_errexit

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
OUT="$BENCH/.out/security"
COMMAND="bash bench/security.sh${*:+ $*}"
REQUESTS=300
ATTEMPTS=40
while (($# > 0)); do
  case $1 in
    --requests) REQUESTS=$2; shift 2 ;;
    --attempts) ATTEMPTS=$2; shift 2 ;;
    *) echo "usage: bash bench/security.sh [--requests 300] [--attempts 40]" >&2; exit 2 ;;
  esac
done

# shellcheck source=bench/lib.sh
source "$BENCH/lib.sh"

REVIEWER_EMAIL=bench-reviewer@example.com
REVIEWER_PASSWORD=Amber-Lantern-2026
MAX_BYTES=$((64 * 1024 * 1024))
DATA="$OUT/data"
WORK="$OUT/work"
trap app_stop EXIT
trap 'exit 130' INT TERM
mkdir -p "$OUT" "$DATA" "$WORK"
rm -rf "$OUT/logs"
: >"$OUT/rows.md"
median() { sort -n "$1" | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] }'; }

ensure_tools
publish_app
dotnet build "$BENCH/MieEvaluation.DataGenerator" -c Release -v quiet -nologo >"$OUT/generator-build.log" 2>&1 \
  || { tail -n 30 "$OUT/generator-build.log" >&2; die "building the data generator"; }
generate() { dotnet run -c Release --no-build --project "$BENCH/MieEvaluation.DataGenerator" -- --years 10 --seed 7 "$@" >&2; }
log "generating data"
generate --bases 120 --database "$DATA/bases120.db"
# 16,000 bases give a little more than 64 MiB of values; the file is cut at the last whole line under the limit.
generate --bases 16000 --database "$DATA/registry.db" --registry-only --csv "$DATA/values-full.csv"
head -c "$MAX_BYTES" "$DATA/values-full.csv" | sed '$d' >"$DATA/values.csv"
VALUES=$(($(wc -l <"$DATA/values.csv") - 1))
# The widest lines the limits allow: 100,000 characters in 11 cells of at most 10,000 (each line then refused for its
# column count, as an attacker's would be), as many as fit under the limit.
python3 - "$DATA/wide.csv" "$MAX_BYTES" <<'PY'
import sys
path, limit = sys.argv[1], int(sys.argv[2])
head = "base_code,year,indicator_code,value\n"
line = ",".join(["G000001", "2016", "patents_granted"] + ["9" * 9_998] * 10)[:100_000] + "\n"
with open(path, "w") as f:
    f.write(head)
    f.write(line * ((limit - len(head)) // len(line)))
PY
python3 -c "import sys; open(sys.argv[1], 'w').write('base_code,year,indicator_code,value\n' + 'x' * 60_000_000 + '\n')" "$DATA/one-line.csv"

# 1. The session check.
db="$WORK/small.db"; rm -f "$db"*; cp "$DATA/bases120.db" "$db"
app_start session "$db"
app_wait_health 300
login "$WORK/admin.jar" "$ADMIN_EMAIL" "$ADMIN_PASSWORD"
cookie=$(cookie_header "$WORK/admin.jar")
time_requests 50 "$APP_URL/health" "$WORK/warm.ms" -H "Cookie: $cookie" # JIT and pools, not measured
time_requests 50 "$APP_URL/health" "$WORK/warm.ms"
: >"$OUT/with.ms"; : >"$OUT/without.ms"
for ((block = 0; block < 6; block++)); do
  time_requests $((REQUESTS / 6)) "$APP_URL/health" "$WORK/block.ms" -H "Cookie: $cookie"
  cat "$WORK/block.ms" >>"$OUT/with.ms"
  time_requests $((REQUESTS / 6)) "$APP_URL/health" "$WORK/block.ms"
  cat "$WORK/block.ms" >>"$OUT/without.ms"
done
with=$(median "$OUT/with.ms"); without=$(median "$OUT/without.ms")
cost=$(python3 -c "import sys; print(f'{float(sys.argv[1]) - float(sys.argv[2]):.2f}')" "$with" "$without")
log "session check: with cookie $with ms, without $without ms"
row "Session check on every request: \`GET /health\` with a session cookie − without (p50 of $REQUESTS each, alternating blocks)" \
  "120 bases" "$with ms − $without ms = **$cost ms** per request" "(measured, no target)" "—"

# 2. Known and unknown e-mail, wrong password.
login_attempt() { # EMAIL → time_starttransfer in ms and the status
  local token
  token=$(form_token /account/login "$WORK/anon.jar")
  sqlite3 "$db" 'DELETE FROM SignInThrottles'
  curl -sS -o /dev/null -w '%{http_code} %{time_starttransfer}\n' -c "$WORK/anon.jar" -b "$WORK/anon.jar" \
    --data-urlencode "Email=$1" --data-urlencode "Password=Not-the-password-1" --data-urlencode "__RequestVerificationToken=$token" \
    "$APP_URL/account/login"
}
: >"$OUT/known.raw"; : >"$OUT/unknown.raw"
for ((i = 0; i < 5; i++)); do login_attempt "$ADMIN_EMAIL" >/dev/null; login_attempt "warm-$i@example.com" >/dev/null; done
for ((i = 0; i < ATTEMPTS; i++)); do
  login_attempt "$ADMIN_EMAIL" >>"$OUT/known.raw"
  login_attempt "nobody-$i@example.com" >>"$OUT/unknown.raw"
done
awk '$1 != 200 { bad = 1 } END { exit bad }' "$OUT/known.raw" "$OUT/unknown.raw" || die "a sign-in attempt was not answered 200"
awk '{ printf "%.3f\n", $2 * 1000 }' "$OUT/known.raw" >"$OUT/known.ms"
awk '{ printf "%.3f\n", $2 * 1000 }' "$OUT/unknown.raw" >"$OUT/unknown.ms"
known=$(median "$OUT/known.ms"); unknown=$(median "$OUT/unknown.ms")
ratio=$(python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}')" "$unknown" "$known")
log "wrong password: known e-mail $known ms, unknown $unknown ms"
row "Sign-in with a wrong password, \`POST /account/login\` (median of $ATTEMPTS each, alternating)" "—" \
  "known e-mail $known ms, unknown e-mail $unknown ms: unknown ÷ known = **$ratio**" "same answer and time (ratio ≈ 1)" \
  "$(python3 -c "import sys; r = float(sys.argv[1]); print('**met**' if 0.8 <= r <= 1.25 else '**missed**')" "$ratio")"
app_stop

# 3. One import at the largest allowed upload, each in a fresh process on a fresh copy of the registry.
import_peak() { # NAME FILE QUERY → sets code and peak
  local name=$1 file=$2 query=$3 before token
  db="$WORK/import.db"; rm -f "$db"*; cp "$DATA/registry.db" "$db"
  app_start "import-$name" "$db" Import__MaxFileBytes="$MAX_BYTES"
  app_wait_health 900
  login "$WORK/import.jar" "$ADMIN_EMAIL" "$ADMIN_PASSWORD"
  create_user "$WORK/import.jar" "$REVIEWER_EMAIL" "$REVIEWER_PASSWORD" Reviewer
  token=$(api_token "$REVIEWER_EMAIL" "$REVIEWER_PASSWORD")
  before=$(app_peak_mb)
  code=$(curl -sS -o "$OUT/import-$name.json" -w '%{http_code}' --max-time 1800 -X POST -H "Authorization: Bearer $token" \
    -H 'Content-Type: text/csv' --data-binary "@$file" "$APP_URL/api/v1/values/import?$query")
  peak=$(app_peak_mb)
  log "import $name: HTTP $code, peak $peak MB (before: $before MB)"
  row "Import peak memory (VmHWM), $4" "$(($(stat -c %s "$file") / 1048576)) MiB" "**$peak MB** (before the import: $before MB; HTTP $code)" "≤ 300 MB (issue 14)" "$(verdict "$peak" '<=' 300)"
  app_stop
}
import_peak dry-run "$DATA/values.csv" "dryRun=true" "valid file of $VALUES values, dry run"
import_peak commit "$DATA/values.csv" "approve=true" "valid file of $VALUES values, committed and approved"
import_peak wide "$DATA/wide.csv" "dryRun=true" "the widest allowed lines (100,000 characters, 13 cells), dry run"
import_peak one-line "$DATA/one-line.csv" "dryRun=true" "one line of 60 MB (refused before parsing), dry run"

{
  echo "### Results of \`bench/security.sh\` ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "**Command:** \`$COMMAND\` (commit $(git -C "$ROOT" rev-parse --short HEAD)). **Machine:** $(machine_line)."
  echo "The published app, \`ASPNETCORE_ENVIRONMENT=Production\`, on loopback; times are curl's \`time_starttransfer\`."
  echo
  echo "| What | Size | Measured | Target | Verdict |"
  echo "|---|---|---|---|---|"
  cat "$OUT/rows.md"
} >"$OUT/report.md"
python3 "$BENCH/put-section.py" "$ROOT/docs/benchmarks.md" security "$OUT/report.md"
log "done: $OUT/report.md (and docs/benchmarks.md)"
