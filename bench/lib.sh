# Shared functions for bench/run.sh and bench/security.sh: tools, the app's life cycle, sign-in, timings and the report's rows.
# Sourced, not run. Expects OUT (absolute folder for every output) and ROOT (the repository) to be set by the caller.

log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# Installs only what is missing (we are root on Debian); apt-get update only when an install is needed.
ensure_tools() {
  local missing=() tool
  for tool in wrk hyperfine sqlite3 python3 curl; do
    command -v "$tool" >/dev/null || missing+=("$tool")
  done
  if ((${#missing[@]} > 0)); then
    log "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# A free loopback port: the kernel picks it (bind to port 0), so runs never collide on a fixed port.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

now() { echo "$EPOCHREALTIME"; }
elapsed_ms() { python3 -c "import sys; print(round((float(sys.argv[2]) - float(sys.argv[1])) * 1000, 1))" "$1" "$2"; }

# ReadyToRun: precompiled code, so a start does not wait for the JIT (docs/operations.md publishes the same way).
# Into $OUT/app, where app_start runs it.
publish_app() {
  log "publishing the app, ReadyToRun (the unpublished Release build serves empty compressed static files)"
  dotnet publish "$ROOT/src/MieEvaluation.Web" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$OUT/app" -v quiet -nologo >"$OUT/publish.log" 2>&1 \
    || { tail -n 30 "$OUT/publish.log" >&2; die "dotnet publish"; }
}

# The administrator every bench app is started with (MIE_ADMIN_*); its password must not contain the e-mail's name.
ADMIN_EMAIL=bench-admin@example.com
ADMIN_PASSWORD=Quiet-Harbour-2026

# One line for a report: the CPU, cores, memory, system and .NET SDK this run had.
machine_line() {
  echo "$(awk -F ': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(nproc) cores, $(awk '/^MemTotal:/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME"), .NET SDK $(dotnet --version)"
}

APP_PID=""
APP_URL=""
APP_NAME=""

# app_start NAME DB [VAR=value...]: starts the published app on DB (absolute path) with the bench settings and
# the extra environment given; sets APP_PID, APP_URL and APP_STARTED (the time just before the process started).
# Does not wait: call app_wait_health (or poll something else, as the cold start does).
app_start() {
  local name=$1 db=$2
  shift 2
  local port
  port=$(free_port)
  APP_URL="http://127.0.0.1:$port"
  APP_NAME=$name
  mkdir -p "$OUT/logs" "$OUT/uploads"
  APP_STARTED=$(now)
  # The content root is the current folder: start inside the published folder so appsettings.json and wwwroot load.
  (
    cd "$OUT/app"
    exec env ASPNETCORE_ENVIRONMENT=Production \
      Database__SqlitePath="$db" \
      Security__HttpsOnly=false \
      Security__ImportsPerMinute=1000 \
      Security__LoginAttemptsPerMinute=1000 \
      Import__MaxFileBytes=2000000000 \
      Import__UploadFolder="$OUT/uploads" \
      LogFiles__Path="$OUT/logs/$name-.log" \
      MIE_ADMIN_EMAIL="$ADMIN_EMAIL" MIE_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
      "$@" \
      dotnet MieEvaluation.Web.dll --urls "$APP_URL"
  ) >>"$OUT/logs/$name.console.log" 2>&1 &
  APP_PID=$!
  log "app '$name' started (pid $APP_PID, $APP_URL, db $(basename "$db"), $*)"
}

# Polls /health until 200; fails with the console log's tail when the app exits or the time-out passes.
app_wait_health() {
  local timeout=${1:-300} deadline=$((SECONDS + ${1:-300}))
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$APP_URL/health" || true)" == 200 ]]; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      tail -n 20 "$OUT/logs/$APP_NAME.console.log" >&2 || true
      die "the app exited before /health answered"
    fi
    ((SECONDS < deadline)) || die "/health did not answer 200 within ${timeout} s"
    sleep 0.1
  done
}

# SIGTERM and wait (the app finishes its requests); SIGKILL only if it has not stopped after 60 s.
app_stop() {
  [[ -n "$APP_PID" ]] || return 0
  if kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    local waited=0
    while kill -0 "$APP_PID" 2>/dev/null && ((waited < 600)); do
      sleep 0.1
      waited=$((waited + 1))
    done
    if kill -0 "$APP_PID" 2>/dev/null; then
      log "app $APP_PID ignored SIGTERM for 60 s: SIGKILL"
      kill -KILL "$APP_PID" 2>/dev/null || true
    fi
  fi
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

# VmHWM (peak resident memory) of the app in MB.
app_peak_mb() { awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status"; }

# api_token EMAIL PASSWORD: a bearer token from POST /api/v1/tokens.
api_token() {
  local body
  body=$(curl -sS -f -X POST "$APP_URL/api/v1/tokens" -H 'Content-Type: application/json' \
    -d "{\"email\": \"$1\", \"password\": \"$2\", \"name\": \"bench\", \"days\": 1}") || die "POST /api/v1/tokens failed for $1"
  python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])' <<<"$body"
}

# The anti-forgery token of the form on PAGE, using (and filling) the cookie JAR.
form_token() {
  curl -sS -f -c "$2" -b "$2" "$APP_URL$1" \
    | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | head -n 1 | sed -E 's/.*value="([^"]*)".*/\1/'
}

# login JAR EMAIL PASSWORD: a cookie session through the login form (anti-forgery token from the form and its cookie).
login() {
  local jar=$1 token status
  rm -f "$jar"
  token=$(form_token /account/login "$jar")
  [[ -n "$token" ]] || die "no anti-forgery token in /account/login"
  status=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" \
    --data-urlencode "Email=$2" --data-urlencode "Password=$3" --data-urlencode "__RequestVerificationToken=$token" \
    "$APP_URL/account/login")
  [[ "$status" == 302* ]] || die "login as $2 answered '$status' (expected a redirect)"
}

# The cookie header for wrk and curl from a curl cookie jar (HttpOnly cookies are the lines marked #HttpOnly_).
cookie_header() {
  awk -F '\t' 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$1"
}

# create_user JAR EMAIL PASSWORD ROLE: an account through the administrators' form (signed in as administrator in JAR).
create_user() {
  local jar=$1 token status
  token=$(form_token /admin/users/new "$jar")
  [[ -n "$token" ]] || die "no anti-forgery token in /admin/users/new"
  status=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
    --data-urlencode "Email=$2" --data-urlencode "DisplayName=Bench $4" --data-urlencode "Password=$3" \
    --data-urlencode "Roles=$4" --data-urlencode "__RequestVerificationToken=$token" "$APP_URL/admin/users/new")
  [[ "$status" == 302 ]] || die "creating $2 ($4) answered $status (expected a redirect to the list)"
}

# expect_status CODE URL [curl args...]: fails loudly unless one GET answers CODE.
expect_status() {
  local want=$1 url=$2 got
  shift 2
  got=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 600 "$@" "$url")
  [[ "$got" == "$want" ]] || die "GET $url answered $got, expected $want"
}

# time_requests N URL OUTFILE [curl args...]: N sequential GETs on one kept-alive connection (one curl process);
# writes one time_starttransfer in ms per line. Fails unless every answer is 200. time_starttransfer is measured on
# loopback from the request's start to the first byte of the answer: an upper bound of the server's time.
time_requests() {
  local n=$1 url=$2 out=$3 args=() i
  shift 3
  for ((i = 0; i < n; i++)); do
    args+=(-o /dev/null "$url")
  done
  curl -sS --max-time 1800 -w '%{http_code} %{time_starttransfer}\n' "$@" "${args[@]}" >"$out.raw"
  if awk '$1 != 200 { bad = 1 } END { exit !bad }' "$out.raw"; then
    die "GET $url: not every answer was 200 ($(sort "$out.raw" | awk '{ print $1 }' | uniq -c | tr '\n' ' '))"
  fi
  awk '{ printf "%.3f\n", $2 * 1000 }' "$out.raw" >"$out"
}

# stats FILE: "p50 p95 n" in ms of the numbers in FILE (nearest-rank percentiles).
stats() {
  python3 - "$1" <<'PY'
import math, sys
xs = sorted(float(l) for l in open(sys.argv[1]) if l.strip())
rank = lambda p: xs[max(0, math.ceil(p / 100 * len(xs)) - 1)]
print(f"{rank(50):.1f} {rank(95):.1f} {len(xs)}")
PY
}

# row WHAT SIZE MEASURED TARGET VERDICT: one line of the report's table.
row() { printf '| %s | %s | %s | %s | %s |\n' "$@" >>"$OUT/rows.md"; }

# verdict VALUE OP LIMIT: "met" or "**missed**" (OP is <= or >=); "did not finish" stays as it is.
verdict() {
  [[ "$1" =~ ^[0-9.]+$ ]] || { echo "**missed**"; return; }
  if python3 -c "import sys; v, l = float(sys.argv[1]), float(sys.argv[3]); sys.exit(0 if (v <= l if sys.argv[2] == '<=' else v >= l) else 1)" "$1" "$2" "$3"; then
    echo met
  else
    echo "**missed**"
  fi
}
