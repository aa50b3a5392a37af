#!/usr/bin/env python3
"""Medians over the rounds of a comparison in bench/run.sh, so that one lucky round cannot make a figure.

  summarize.py ratio LABEL OP TARGET NUM/DEN...   each round's ratio NUM/DEN, their median, and whether
                                                  the median meets OP TARGET (OP: >= or <=; TARGET "-": none)
  summarize.py latency LABEL LIMIT_MS WRK_P99...  wrk's p99 of each round ("684.00us", "12.83ms", "1.02s"),
                                                  their median, and whether it is under LIMIT_MS
"""
import statistics
import sys


def verdict(value, op, target):
    if target == "-":
        return ""
    t = float(target)
    ok = value >= t if op == ">=" else value <= t
    return "  target %s %s: %s" % (op, target, "met" if ok else "NOT met")


def milliseconds(text):
    for suffix, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if text.endswith(suffix):
            return float(text[: -len(suffix)]) * factor
    raise ValueError("not a wrk latency: " + text)


def main(argv):
    kind, label = argv[1], argv[2]
    if kind == "ratio":
        op, target, pairs = argv[3], argv[4], argv[5:]
        ratios = []
        for pair in pairs:
            num, den = (float(x) for x in pair.split("/"))
            ratios.append(num / den if den else float("nan"))
        median = statistics.median(ratios)
        rounds = ", ".join("%.2f" % r for r in ratios)
        print("%-58s median %.2f (rounds: %s)%s" % (label, median, rounds, verdict(median, op, target)))
    elif kind == "latency":
        limit, values = argv[3], argv[4:]
        ms = [milliseconds(v) for v in values]
        median = statistics.median(ms)
        rounds = ", ".join("%.2f" % v for v in ms)
        print("%-58s median %.2f ms (rounds: %s)%s" % (label, median, rounds, verdict(median, "<=", limit)))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
