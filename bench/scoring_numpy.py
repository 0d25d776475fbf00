"""The composite score of docs/formulas.md section 13 in NumPy, for bench/scoring.sh: the same computation written
independently, to time it against the app's and to check that both give the same totals.

    python3 bench/scoring_numpy.py DATABASE SCHEME.json YEAR RUNS > out.json

Prints {"load_ms", "results_ms", "robustness_ms", "bases", "totals": {code: total}} (times: median of repeated runs;
robustness draws its factors with NumPy's generator, so only its time compares, not its ranks).
"""
import json
import math
import sqlite3
import statistics
import sys
import time

import numpy as np

RI = {3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49}


def entry(text):
    parts = str(text).split("/")
    return float(parts[0]) / (float(parts[1]) if len(parts) == 2 else 1.0)


def weigh(weighting, given, entropy=None):
    if weighting == "equal":
        return np.full(len(given), 1.0 / len(given))
    if weighting == "entropy":
        return entropy()
    if isinstance(weighting, dict):
        matrix = np.array([[entry(e) for e in row] for row in weighting["ahp"]])
        values, vectors = np.linalg.eig(matrix)
        principal = np.argmax(values.real)
        vector = np.abs(vectors[:, principal].real)
        return vector / vector.sum()
    given = np.array(given, dtype=float)
    return given / given.sum()


def normalise(raw, groups, method, lower):
    """raw: [bases] with NaN; groups: list of index arrays. Scores per section 13.2."""
    scores = np.full(raw.shape, np.nan)
    for group in groups:
        x = raw[group]
        present = ~np.isnan(x)
        n = present.sum()
        if n == 0:
            continue
        values = x[present]
        if method == "minmax":
            low, high = values.min(), values.max()
            s = np.full(n, 50.0) if high == low else 100 * (((high - values) if lower else (values - low)) / (high - low))
        elif method == "zscore":
            mean, sigma = values.mean(), values.std()
            s = np.full(n, 50.0) if sigma == 0 else 50 + 10 * ((mean - values) if lower else (values - mean)) / sigma
        else:
            keyed = -values if lower else values
            order = np.argsort(keyed, kind="mergesort")
            ranks = np.empty(n)
            sorted_values = keyed[order]
            start = 0
            while start < n:
                end = start
                while end + 1 < n and sorted_values[end + 1] == sorted_values[start]:
                    end += 1
                ranks[order[start:end + 1]] = (start + end + 2) / 2
                start = end + 1
            s = np.full(n, 50.0) if n == 1 else 100 * ((ranks - 1) / (n - 1))
        out = np.full(len(group), np.nan)
        out[present] = s
        scores[group] = out
    return scores


def main():
    database, scheme_path, year, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    scheme = json.load(open(scheme_path, encoding="utf-8"))
    items = [(d, i) for d in scheme["dimensions"] for i in d["items"]]
    span = max([i.get("growth_span", 1) for _, i in items if i["measure"] == "growth"] or [0])

    started = time.perf_counter()
    connection = sqlite3.connect(database)
    bases = connection.execute("SELECT Id, Code, Type FROM Bases WHERE IsActive = 1 AND BatchYear <= ? ORDER BY Code", (year,)).fetchall()
    index = {b[0]: k for k, b in enumerate(bases)}
    codes = {row[0]: row[1] for row in connection.execute("SELECT Id, Code FROM Indicators")}
    wanted = sorted({i["indicator"] for _, i in items})
    years = list(range(year - span, year + 1))
    cube = {(c, y): np.full(len(bases), np.nan) for c in wanted for y in years}
    for base_id, y, indicator_id, value in connection.execute(
            "SELECT s.BaseId, s.Year, v.IndicatorId, v.Value FROM IndicatorValues v JOIN Submissions s ON s.Id = v.SubmissionId "
            "WHERE s.Status = 'Approved' AND s.Year BETWEEN ? AND ? AND v.Value IS NOT NULL", (year - span, year)):
        code = codes[indicator_id]
        if code in wanted and base_id in index:
            cube[(code, y)][index[base_id]] = value / 10000.0  # fixed point, 4 decimals (ADR 0008)
    load_ms = (time.perf_counter() - started) * 1000

    types = np.array([b[2] for b in bases])
    groups = [np.flatnonzero(types == t) for t in np.unique(types)] if scheme.get("peer_group", "type") == "type" else [np.arange(len(bases))]

    def raw_values():
        out = []
        for _, item in items:
            if item["measure"] == "growth":
                start, end = cube[(item["indicator"], year - item.get("growth_span", 1))], cube[(item["indicator"], year)]
                with np.errstate(invalid="ignore", divide="ignore"):
                    rate = np.where((start > 0) & (end >= 0), (end / start) ** (1.0 / item.get("growth_span", 1)) - 1, np.nan)
                out.append(rate)
            else:
                x = cube[(item["indicator"], year)]
                transform = item.get("transform", "none")
                with np.errstate(invalid="ignore", divide="ignore"):
                    out.append(np.where(x > -1, np.log1p(x), np.nan) if transform == "log1p" else np.where(x >= 0, np.sqrt(x), np.nan) if transform == "sqrt" else x)
        return np.array(out)

    def prepare(method=None):
        """Raw values, scores and the nominal shares: what every robustness run shares."""
        raw = raw_values()
        scores = np.array([normalise(raw[k], groups, method or scheme.get("normalisation", "minmax"), item.get("direction") == "lower")
                           for k, (_, item) in enumerate(items)])
        first, shares_i = 0, []
        for dimension in scheme["dimensions"]:
            count = len(dimension["items"])

            def entropy(first=first, count=count):
                minmax = np.array([normalise(raw[first + k], groups, "minmax", items[first + k][1].get("direction") == "lower") for k in range(count)])
                complete = ~np.isnan(minmax).any(axis=0)
                n = complete.sum()
                d = np.zeros(count)
                if n >= 2:
                    for k in range(count):
                        column = minmax[k, complete]
                        total = column.sum()
                        if total > 0:
                            p = column[column > 0] / total
                            d[k] = 1 + (p * np.log(p)).sum() / math.log(n)
                return np.full(count, 1.0 / count) if d.sum() <= 0 else d / d.sum()

            shares_i.append(weigh(dimension.get("weighting", "given"), [i.get("weight", 1) for i in dimension["items"]], entropy))
            first += count
        shares_d = weigh(scheme.get("dimension_weighting", "given"), [d.get("weight", 1) for d in scheme["dimensions"]])
        return scores, shares_d, shares_i

    def totals_and_ranks(scores, shares_d, shares_i):
        defined = ~np.isnan(scores)
        filled = np.nan_to_num(scores)
        missing = np.zeros(len(bases))
        weighted = np.zeros(len(bases))
        defined_share = np.zeros(len(bases))
        first = 0
        for d, dimension in enumerate(scheme["dimensions"]):
            count = len(dimension["items"])
            w = np.asarray(shares_i[d])[:, None]
            block, mask = filled[first:first + count], defined[first:first + count]
            share = (w * mask).sum(axis=0)
            missing += shares_d[d] * (w * ~mask).sum(axis=0)
            with np.errstate(invalid="ignore", divide="ignore"):
                score = (w * block).sum(axis=0) / share
            has = share > 0
            weighted += np.where(has, shares_d[d] * np.nan_to_num(score), 0)
            defined_share += np.where(has, shares_d[d], 0)
            first += count
        with np.errstate(invalid="ignore", divide="ignore"):
            totals = np.where((defined_share > 0) & (missing <= scheme.get("max_missing_weight", 0.25) + 1e-12), weighted / defined_share, np.nan)
        ranks = np.full(len(bases), -1)
        for group in groups:
            t = totals[group]
            ok = ~np.isnan(t)
            descending = np.sort(t[ok])[::-1]
            ranks[group[ok]] = 1 + np.searchsorted(-descending, -t[ok], side="left")
        return totals, ranks

    def compute():
        return totals_and_ranks(*prepare())

    times = []
    for _ in range(7):
        started = time.perf_counter()
        totals, _ = compute()
        times.append((time.perf_counter() - started) * 1000)
    generator = np.random.default_rng(1)

    def shake(shares):
        factors = generator.uniform(0.75, 1.25, len(shares))
        shaken = np.asarray(shares) * factors
        return shaken / shaken.sum()

    robustness = []
    for _ in range(3):
        started = time.perf_counter()
        # Prepared once, as the app does: the scores do not change between runs, only the shares.
        all_ranks = np.empty((runs, len(bases)))
        scores, shares_d, shares_i = prepare()
        for run in range(runs):
            _, ranks = totals_and_ranks(scores, shake(shares_d), [shake(s) for s in shares_i])
            all_ranks[run] = ranks
        np.percentile(all_ranks, [5, 50, 95], axis=0)
        robustness.append((time.perf_counter() - started) * 1000)
    print(json.dumps({
        "load_ms": round(load_ms, 1), "results_ms": round(statistics.median(times), 2), "robustness_ms": round(statistics.median(robustness), 1),
        "bases": len(bases), "totals": {bases[k][1]: (None if math.isnan(t) else t) for k, t in enumerate(totals)},
    }))


if __name__ == "__main__":
    main()
