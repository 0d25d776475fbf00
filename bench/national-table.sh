#!/usr/bin/env bash
# The national-table benchmark (issue 4): BenchmarkDotNet, short job, 120 and 12,000 bases × 10 years × 12 indicators
# on SQLite. The databases are generated once into $TMPDIR/mie-bench (by bench/MieEvaluation.DataGenerator).
# Results: bench/results/.
# `bash bench/national-table.sh --quick N [--sql]` is the quick sanity check instead (15 timings, no BenchmarkDotNet).
set -euo pipefail
cd "$(dirname "$0")/MieEvaluation.Benchmarks"
if [[ "${1:-}" == "--quick" ]]; then
  exec dotnet run -c Release -- "$@"
fi
dotnet run -c Release -- --filter '*NationalTableBenchmark*' --job short --artifacts ../results "$@"
