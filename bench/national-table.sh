#!/usr/bin/env bash
# The national-table benchmark (issue 4): BenchmarkDotNet, short job, 120 and 12,000 bases × 10 years × 12 indicators
# on SQLite. The databases are generated once into $TMPDIR/mie-bench. Results: bench/results/.
set -euo pipefail
cd "$(dirname "$0")/MieEvaluation.Benchmarks"
dotnet run -c Release -- --filter '*NationalTableBenchmark*' --job short --artifacts ../results "$@"
