#!/usr/bin/env python3
"""Before and after, in the same run: two builds of afterglow measured alternately, so that the
load of a shared machine falls on both alike.

  python3 bench/compare_builds.py --before OLD_BUILD --after NEW_BUILD --export export.zip \
      [--runs 3] [--search-before ARCHIVE --search-after ARCHIVE --queries queries.txt
       [--search-flags-before FLAGS] [--search-flags-after FLAGS]]

Import: each round imports the export into a fresh archive with each build (wall time, CPU, peak
RSS from GNU time). Search: each round runs each build's afterglow-search-latency probe (warm,
three passes over the queries) on the archive given for it: an index format change needs an
archive indexed by each build; --search-flags-* pass options to one side's probe (e.g.
"--facets"). Prints a Markdown table of medians, the after/before ratio, each query's median
time on both sides, and every run with the load average it started at.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path


def timed(argv):
    """Runs argv under GNU time; returns (wall s, CPU s, peak RSS MB, stdout)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        done = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", report.name, *argv],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            sys.exit(f"compare_builds: {argv[0]} failed: {done.stderr.strip()[-400:]}")
        wall, user, system, rss_kb = report.read().split()[-4:]
    return float(wall), float(user) + float(system), int(rss_kb) / 1024, done.stdout


def percentile(values, p):
    values = sorted(values)
    k = (len(values) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", required=True, type=Path, help="build folder of the old tree")
    parser.add_argument("--after", required=True, type=Path, help="build folder of the new tree")
    parser.add_argument("--export", type=Path, help="export to import with each build")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--search-before", type=Path, help="archive indexed by the old build")
    parser.add_argument("--search-after", type=Path, help="archive indexed by the new build")
    parser.add_argument("--queries", type=Path, help="queries, one per line")
    parser.add_argument("--search-flags-before", default="",
                        help="extra options for the old build's search probe")
    parser.add_argument("--search-flags-after", default="",
                        help="extra options for the new build's search probe")
    parser.add_argument("--work-dir", type=Path, default=Path("/tmp/afterglow-compare"))
    args = parser.parse_args()

    builds = {"before": args.before, "after": args.after}
    rows = {name: [] for name in builds}
    searches = {name: [] for name in builds}
    per_query = {name: {} for name in builds}
    args.work_dir.mkdir(parents=True, exist_ok=True)
    for round_ in range(1, args.runs + 1):
        for name, build in builds.items():
            load = os.getloadavg()[0]
            if args.export:
                archive_dir = args.work_dir / name
                shutil.rmtree(archive_dir, ignore_errors=True)
                archive_dir.mkdir()
                wall, cpu, rss, _ = timed([build / "cli" / "afterglow", "--archive",
                                           archive_dir / "a.afterglow", "import", args.export])
                rows[name].append({"round": round_, "load": load, "wall": wall, "cpu": cpu,
                                   "rss_mb": rss})
                print(f"[compare] import {name} round {round_}: {wall:.2f} s wall, "
                      f"{cpu:.2f} s CPU, {rss:.0f} MB, load {load:.2f}", file=sys.stderr)
            archive = args.search_before if name == "before" else args.search_after
            if archive and args.queries:
                load = os.getloadavg()[0]
                flags = args.search_flags_before if name == "before" else args.search_flags_after
                out = subprocess.run([build / "bench" / "afterglow-search-latency", "--archive",
                                      archive, "--queries", args.queries, "--engine", "xapian",
                                      "--mode", "warm", "--runs", "3", *flags.split()],
                                     stdout=subprocess.PIPE, text=True, check=True).stdout
                queries = json.loads(out)["queries"]
                for q in queries:
                    per_query[name].setdefault(q["query"], []).extend(q["ms"])
                ms = [m for q in queries for m in q["ms"]]
                searches[name].append({"round": round_, "load": load, "p50": percentile(ms, 50),
                                       "p95": percentile(ms, 95), "p99": percentile(ms, 99)})
                print(f"[compare] search {name} round {round_}: p50 {percentile(ms, 50):.1f} ms, "
                      f"p95 {percentile(ms, 95):.1f} ms, load {load:.2f}", file=sys.stderr)

    def med(items, key):
        return statistics.median(item[key] for item in items)

    print("| | before | after | after ÷ before |")
    print("|---|---|---|---|")
    if args.export:
        for key, label, unit in (("wall", "import wall, median", "s"),
                                 ("cpu", "import CPU, median", "s"),
                                 ("rss_mb", "import peak RSS, median", "MB")):
            b, a = med(rows["before"], key), med(rows["after"], key)
            print(f"| {label} | {b:.2f} {unit} | {a:.2f} {unit} | {a / b:.2f} |")
    if searches["before"]:
        for key in ("p50", "p95", "p99"):
            b, a = med(searches["before"], key), med(searches["after"], key)
            print(f"| Xapian search {key} warm, median | {b:.1f} ms | {a:.1f} ms | {a / b:.2f} |")
    print()
    if per_query["before"]:
        print("| query | before, median | after, median |")
        print("|---|---|---|")
        for query, times in per_query["before"].items():
            after = per_query["after"].get(query, [float("nan")])
            print(f"| {query} | {statistics.median(times):.2f} ms | "
                  f"{statistics.median(after):.2f} ms |")
        print()
    for name in builds:
        for r in rows[name]:
            print(f"- import {name}, round {r['round']} (load {r['load']:.2f}): {r['wall']:.2f} s "
                  f"wall, {r['cpu']:.2f} s CPU, {r['rss_mb']:.0f} MB")
        for s in searches[name]:
            print(f"- search {name}, round {s['round']} (load {s['load']:.2f}): p50 {s['p50']:.1f} "
                  f"ms, p95 {s['p95']:.1f} ms, p99 {s['p99']:.1f} ms")


if __name__ == "__main__":
    main()
