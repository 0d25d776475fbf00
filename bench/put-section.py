"""Puts a report into docs/benchmarks.md between <!-- bench:NAME:start --> and <!-- bench:NAME:end -->.

    python3 bench/put-section.py docs/benchmarks.md NAME report.md

The markers are added under the title when missing; nothing else in the file changes.
"""
import sys

docs, name, report_path = sys.argv[1], sys.argv[2], sys.argv[3]
report = open(report_path, encoding="utf-8").read().rstrip("\n")
start, end = f"<!-- bench:{name}:start -->", f"<!-- bench:{name}:end -->"
text = open(docs, encoding="utf-8").read()
if start not in text or end not in text:
    title, _, rest = text.partition("\n")
    text = f"{title}\n\n{start}\n{end}\n{rest}"
before, _, tail = text.partition(start)
_, _, after = tail.partition(end)
open(docs, "w", encoding="utf-8").write(f"{before}{start}\n{report}\n{end}{after}")
