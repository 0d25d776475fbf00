#!/usr/bin/env bash
# Runs the app with demo accounts and generated data (SQLite, created, migrated and seeded on first start).
# The PDF and Word reports draw Chinese with a Chinese font from the system (Debian's fonts-wqy-microhei), embedded
# in every PDF; it is installed once, when missing. Extra arguments go to the app (e.g. --urls http://0.0.0.0:5138).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq fonts-wqy-microhei >/dev/null \
      || echo "Could not install fonts-wqy-microhei: the PDF and Word reports will be refused until a Chinese font is installed." >&2
  else
    echo "Install fonts-wqy-microhei (or set Reports:FontPath) for the PDF and Word reports." >&2
  fi
fi

exec dotnet run --project src/MieEvaluation.Web -- --demo "$@"
