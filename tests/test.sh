#!/usr/bin/env bash
# Runs every test of the solution: unit, integration (real SQLite files through the real app) and browser tests
# (Playwright in Chromium against the app on a real port). Installs what the tests need when it is missing, so a fresh machine needs nothing else.
# Ends with one line "N passed, N failed, N skipped" summed over all test projects.
set -uo pipefail
cd "$(dirname "$0")/.."

# The browser tests drive Debian's Chromium (Playwright cannot download its own browser here); CJK fonts make the
# Chinese pages render in screenshots. Installed once, when missing.
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi 'wenquanyi\|wqy'; then
  apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null \
    || echo "Could not install chromium: the browser tests will fail." >&2
fi

# The analysts' readers check the exports and reports independently (pandas, openpyxl, python-docx, jsonschema; Debian's python3).
if ! /usr/bin/python3 -c 'import pandas, openpyxl, jsonschema, docx' 2>/dev/null; then
  apt-get update -qq && apt-get install -y -qq python3-pandas python3-openpyxl python3-jsonschema python3-docx >/dev/null \
    || echo "Could not install the python readers: the analysts' tests will fail." >&2
fi

# The reports are read back by poppler (pdftotext, pdfinfo, pdffonts) and opened by LibreOffice headless, as an office without Microsoft Office opens them.
if [ ! -x /usr/bin/pdftotext ] || [ ! -x /usr/bin/soffice ] || ! dpkg -s libreoffice-calc-nogui >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui >/dev/null \
    || echo "Could not install poppler-utils and LibreOffice: the report tests will fail." >&2
fi

# The deployment test runs nginx in front of two app instances (docs/deploy-linux.md), with Debian's nginx.
if [ ! -x /usr/sbin/nginx ]; then
  apt-get update -qq && apt-get install -y -qq nginx >/dev/null \
    || echo "Could not install nginx: the deployment test will fail." >&2
fi

results="TestResults"
rm -rf "$results"

dotnet test MieEvaluation.sln --configuration Release --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*' "$trx")
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get total) - $(get executed)))
done

echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
