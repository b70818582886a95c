#!/usr/bin/env python3
"""afterglow's benchmark driver: one command, one size, one run, one report.

For a generated export of the given size it measures, in this order and one thing at a time:
  floors      reading the zip; reading it and zstd-compressing the same bytes; simdjson alone on
              the same JSON; the importer's own read+parse into a sink that stores nothing
  baselines   what people do today: python3 json.load of the same file (time, RSS); grep and rg
              over a Markdown dump of the same conversations, for the same queries
  import      `afterglow import` wall time, CPU time and peak RSS (indexes included); the phases:
              read/parse (the probe above), index (`afterglow reindex` of the same archive),
              store (what remains)
  sizes       the archive (store, original sources, FTS5) and the Xapian folder (as written and
              compacted), against the conversations JSON and the zip
  search      p50/p95/p99 per engine, warm and cold, over a fixed query set (English, Chinese of
              2-6 characters, field filters), in-process with the command's own options
  show/book   `afterglow show` of the largest conversation from a cold page cache; `afterglow book`
  export      `afterglow export --format markdown` of everything, against the book just measured
Every timing is repeated --runs times and the median kept; the load average is recorded beside.
Prints a Markdown table and writes the JSON (--json-out). Python 3 standard library only.

  python3 bench/run_benchmarks.py --build-dir build --size 600MB
  python3 bench/run_benchmarks.py --build-dir build --conversations 20000 --skip-baselines
  python3 bench/run_benchmarks.py --build-dir build --conversations 30 --runs 1 --check  # smoke
"""

import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# The fixed query set: the generator's vocabulary (bench/README.md, "Words to search for"),
# common to rare, in both languages, and the field filters people use.
QUERIES = {
    "english": [
        "time", "plan", "simple step", "recipe", "garden", "Python", "budget", "Asimov",
        "psychohistory", "Foundation Trantor", '"step by step"', "dream OR garden",
    ],
    "chinese": [
        "时间", "工作", "压力", "方法", "计划", "梦想", "菜谱", "工作压力", "学习计划",
        "科幻小说", "阿西莫夫", "心理史学", "内存泄漏", "机器人三定律",
    ],
    "fields": [
        "recipe model:gpt-4o", "role:user 工作", "date:2024 garden", "has:code Python",
        "title:dream", "after:2025 计划", "model:gpt-5* budget", "plan -time",
    ],
}

# Every key the JSON report must fill, for --check (the smoke test).
REQUIRED = {
    "machine": ["cores", "load_before", "load_after"],
    "corpus": ["conversations", "messages", "json_bytes", "zip_bytes"],
    "floors": ["zip_read_seconds", "zip_read_zstd_seconds", "zstd_bytes",
               "simdjson_load_seconds", "simdjson_parse_seconds", "simdjson_peak_rss_mb",
               "read_parse_seconds", "read_parse_peak_rss_mb"],
    "baselines": ["json_load_seconds", "json_load_peak_rss_mb", "grep_ms", "rg_ms"],
    "import": ["wall_seconds", "cpu_seconds", "peak_rss_mb", "mb_per_second",
               "read_parse_seconds", "store_seconds", "index_seconds", "reindex_peak_rss_mb",
               "xapian_alone_seconds", "xapian_alone_cpu_seconds", "fts5_alone_seconds",
               "fts5_alone_cpu_seconds"],
    "sizes": ["archive_bytes", "store_bytes", "sources_bytes", "fts5_bytes", "xapian_bytes",
              "xapian_compacted_bytes", "store_plus_sources_over_zip", "xapian_compacted_over_zip"],
    "search": ["xapian_warm", "xapian_warm_facets", "xapian_cold", "fts5_warm", "fts5_cold"],
    "show": ["conversation", "messages", "cold_seconds"],
    "book": ["seconds", "conversations"],
    "export": ["markdown_seconds", "markdown_over_book"],
}


def log(message):
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def parse_size(text):
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|KiB|MiB|GiB)?", text.strip())
    if not match:
        raise SystemExit(f"--size {text}: not a size (e.g. 600MB)")
    unit = {"B": 1, None: 1, "KB": 1e3, "MB": 1e6, "GB": 1e9, "KiB": 1024, "MiB": 1024**2,
            "GiB": 1024**3}[match.group(2)]
    return int(float(match.group(1)) * unit)


def load_average():
    try:
        return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]
    except OSError:
        return list(os.getloadavg())


def median(values):
    return statistics.median(values) if values else None


def percentile(values, p):
    """Nearest-rank percentile: the value below which p% of the samples fall."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))  # ceil without floats
    return ordered[int(rank) - 1]


class Measured:
    def __init__(self, wall, cpu, rss_mb, stdout):
        self.wall, self.cpu, self.rss_mb, self.stdout = wall, cpu, rss_mb, stdout


def run(argv, *, stdout=subprocess.PIPE, env=None, shell=False, cwd=None):
    """Runs a command under /usr/bin/time -v when it exists (peak RSS, CPU); the wall time is
    taken here. Raises with the command's stderr when it fails."""
    timer = shutil.which("time", path="/usr/bin:/bin") if not shell else None
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        command = argv
        if timer:
            command = [timer, "-v", "-o", report.name] + list(argv)
        start = time.perf_counter()
        done = subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, env=env,
                              shell=shell, cwd=cwd)
        wall = time.perf_counter() - start
        if done.returncode != 0:
            shown = argv if isinstance(argv, str) else " ".join(str(a) for a in argv)
            raise RuntimeError(f"{shown}: exit {done.returncode}\n{done.stderr.decode()[-2000:]}")
        cpu, rss = None, None
        if timer:
            text = report.read()
            user = re.search(r"User time \(seconds\): ([\d.]+)", text)
            system = re.search(r"System time \(seconds\): ([\d.]+)", text)
            peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
            if user and system:
                cpu = float(user.group(1)) + float(system.group(1))
            if peak:
                rss = int(peak.group(1)) / 1024
    out = done.stdout.decode("utf-8", "replace") if done.stdout is not None else ""
    return Measured(wall, cpu, rss, out)


def repeat(times, fn):
    """Runs fn() `times` times; returns the list of results."""
    return [fn() for _ in range(times)]


def evict(path):
    """Drops one file (or every file of a folder) from the page cache, and nothing else."""
    path = Path(path)
    files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
    for file in files:
        try:
            fd = os.open(file, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


class Bench:
    def __init__(self, args):
        self.args = args
        self.build = Path(args.build_dir).resolve()
        self.afterglow = self.build / "cli" / "afterglow"
        self.probe = lambda name: self.build / "bench" / name
        label = f"seed{args.seed}-" + (f"{args.conversations}c" if args.conversations
                                       else f"{args.size}")
        self.work = Path(args.work_dir) / label
        self.work.mkdir(parents=True, exist_ok=True)
        self.zip = self.work / "export.zip"
        self.json = self.work / "conversations.json"
        self.archive = self.work / "archive.afterglow"
        self.report = {"command": " ".join([Path(sys.argv[0]).name] + sys.argv[1:]),
                       "runs": args.runs}

    # --- corpus ------------------------------------------------------------------------------
    def generate(self):
        stamp = self.work / "generated.json"
        corpus = json.loads(stamp.read_text()) if stamp.exists() else {}
        if (corpus.get("chinese_share") != self.args.chinese_share or not self.zip.exists()
                or not self.json.exists()):
            log("generating the export")
            how = (["--conversations", str(self.args.conversations)] if self.args.conversations
                   else ["--size", self.args.size])
            done = subprocess.run(
                [self.build / "bench" / "afterglow-genexport", "--seed", str(self.args.seed),
                 *how, "--chinese-share", str(self.args.chinese_share),
                 "--out", self.zip, "--json-only", self.json],
                stderr=subprocess.PIPE, check=True)
            text = done.stderr.decode()
            conversations = re.search(r"(\d+) conversations", text)
            messages = re.search(r"(\d+) messages", text)
            corpus = {"conversations": int(conversations.group(1)) if conversations else None,
                      "messages": int(messages.group(1)) if messages else None,
                      "generator": text.strip(),
                      "chinese_share": self.args.chinese_share,
                      "cjk_character_share": cjk_character_share(self.json)}
            stamp.write_text(json.dumps(corpus))
        corpus["json_bytes"] = self.json.stat().st_size
        corpus["zip_bytes"] = self.zip.stat().st_size
        self.report["corpus"] = corpus

    # --- floors ------------------------------------------------------------------------------
    def floors(self):
        runs = self.args.runs
        f = {}
        log("floor: reading the zip")
        member = "conversations.json"
        read = repeat(runs, lambda: run(f"unzip -p '{self.zip}' {member} > /dev/null",
                                        shell=True))
        f["zip_read_seconds"] = median([m.wall for m in read])
        log("floor: reading the zip and zstd-compressing the bytes")
        packed = self.work / "floor.zst"
        both = repeat(runs, lambda: run(
            f"unzip -p '{self.zip}' {member} | zstd -q -3 --long=27 -T1 -c > '{packed}'",
            shell=True))
        f["zip_read_zstd_seconds"] = median([m.wall for m in both])
        f["zstd_bytes"] = packed.stat().st_size
        packed.unlink()
        log("floor: simdjson alone")
        parsed = repeat(runs, lambda: run([self.probe("afterglow-parse-floor"), self.json]))
        inner = [json.loads(m.stdout) for m in parsed]
        f["simdjson_load_seconds"] = median([i["load_seconds"] for i in inner])
        f["simdjson_parse_seconds"] = median([i["parse_seconds"] for i in inner])
        f["simdjson_peak_rss_mb"] = median([m.rss_mb for m in parsed if m.rss_mb])
        log("floor: the importer's read+parse, nothing stored")
        rp = repeat(runs, lambda: run([self.probe("afterglow-read-parse"), self.zip]))
        f["read_parse_seconds"] = median([m.wall for m in rp])
        f["read_parse_peak_rss_mb"] = median([m.rss_mb for m in rp if m.rss_mb])
        self.report["floors"] = f

    # --- what people do today ----------------------------------------------------------------
    def baselines(self):
        b = {}
        if self.args.skip_baselines:
            self.report["baselines"] = {k: None for k in REQUIRED["baselines"]} | {"skipped": True}
            return
        log("baseline: python3 json.load")
        loads = repeat(self.args.runs, lambda: run(
            [sys.executable, "-c", "import json,sys; json.load(open(sys.argv[1], 'rb'))",
             self.json]))
        b["json_load_seconds"] = median([m.wall for m in loads])
        b["json_load_peak_rss_mb"] = median([m.rss_mb for m in loads if m.rss_mb])
        dump = self.work / "conversations.md"
        if not dump.exists():
            log("baseline: writing the Markdown dump")
            subprocess.run([sys.executable, HERE / "markdown_dump.py", self.json, dump],
                           check=True)
        b["markdown_bytes"] = dump.stat().st_size
        for tool in ("grep", "rg"):
            exe = shutil.which(tool)
            if not exe:
                b[f"{tool}_ms"] = None
                continue
            log(f"baseline: {tool} over the Markdown dump")
            times = []
            for query in all_queries():
                needle = grep_needle(query)
                argv = ([exe, "-c", "-F", "-i", "--", needle, str(dump)] if tool == "grep" else
                        [exe, "-c", "-F", "-i", "--no-mmap", "--", needle, str(dump)])
                for _ in range(self.args.runs):
                    start = time.perf_counter()
                    subprocess.run(argv, stdout=subprocess.DEVNULL)
                    times.append((time.perf_counter() - start) * 1000)
            b[f"{tool}_ms"] = latency_summary(times)
        self.report["baselines"] = b

    # --- import ------------------------------------------------------------------------------
    def remove_archive(self):
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(self.archive) + suffix).unlink(missing_ok=True)
        shutil.rmtree(str(self.archive) + ".xapian", ignore_errors=True)

    def drop_indexes(self):
        """Removes both indexes, so that `reindex` does what an import's index phase does: fill
        them from nothing (a rebuild over existing ones would also pay for deleting rows)."""
        shutil.rmtree(str(self.archive) + ".xapian", ignore_errors=True)
        with sqlite3.connect(self.archive) as db:
            db.executescript("DROP TABLE IF EXISTS search_text; "
                             "DROP TABLE IF EXISTS search_message; "
                             "DROP TABLE IF EXISTS search_state;")

    def afterglow_cmd(self, *args):
        return [self.afterglow, "--archive", self.archive, *args]

    def import_(self):
        log("import (indexes included)")
        measured = []
        for _ in range(self.args.runs):
            self.remove_archive()
            measured.append(run(self.afterglow_cmd("import", "--json", self.zip)))
        i = {"wall_seconds": median([m.wall for m in measured]),
             "wall_seconds_all": [m.wall for m in measured],
             "cpu_seconds": median([m.cpu for m in measured if m.cpu is not None]),
             "peak_rss_mb": median([m.rss_mb for m in measured if m.rss_mb])}
        i["summary"] = json.loads(measured[-1].stdout.strip().splitlines()[-1])
        i["mb_per_second"] = self.json.stat().st_size / 1e6 / i["wall_seconds"]
        i["cores_used"] = i["cpu_seconds"] / i["wall_seconds"] if i["cpu_seconds"] else None
        log("reindex (the index phase alone)")
        reindex = []
        for _ in range(self.args.runs):
            self.drop_indexes()
            reindex.append(run(self.afterglow_cmd("reindex")))
        i["index_seconds"] = median([m.wall for m in reindex])
        i["reindex_peak_rss_mb"] = median([m.rss_mb for m in reindex if m.rss_mb])
        # Each engine alone (afterglow-index-phase), CPU included: which one bounds the index
        # phase, and how many cores the Xapian shards keep busy.
        for engine in ("xapian", "fts5"):
            alone = []
            for _ in range(self.args.runs):
                scratch = self.work / f"index-phase-{engine}"
                out = run([self.probe("afterglow-index-phase"), "--archive", self.archive,
                           "--engine", engine, "--work", scratch]).stdout
                alone.append(json.loads(out))
                shutil.rmtree(scratch, ignore_errors=True)
            i[f"{engine}_alone_seconds"] = median([a["seconds"] for a in alone])
            i[f"{engine}_alone_cpu_seconds"] = median([a["cpu_seconds"] for a in alone])
        i["read_parse_seconds"] = self.report["floors"]["read_parse_seconds"]
        # The phases overlap when the import is pipelined; "store" is what the import costs
        # beyond reading, parsing and indexing done one after the other.
        i["store_seconds"] = max(0.0, i["wall_seconds"] - i["read_parse_seconds"]
                                 - i["index_seconds"])
        i["phases_sum_seconds"] = i["read_parse_seconds"] + i["store_seconds"] + i["index_seconds"]
        self.report["import"] = i

    # --- sizes -------------------------------------------------------------------------------
    def sizes(self):
        log("sizes")
        s = {}
        s["archive_bytes"] = self.archive.stat().st_size
        wal = Path(str(self.archive) + "-wal")
        s["wal_bytes"] = wal.stat().st_size if wal.exists() else 0
        with sqlite3.connect(f"file:{self.archive}?mode=ro", uri=True) as db:
            pages = dict(db.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"))
            s["sources_bytes"] = sum(v for k, v in pages.items()
                                     if k in ("blob_chunks", "blobs")
                                     or k.startswith("sqlite_autoindex_blobs"))
            s["fts5_bytes"] = sum(v for k, v in pages.items() if k.startswith("search_")
                                  or k.startswith("sqlite_autoindex_search_"))
            page_size = db.execute("PRAGMA page_size").fetchone()[0]
            s["free_bytes"] = db.execute("PRAGMA freelist_count").fetchone()[0] * page_size
        s["store_bytes"] = s["archive_bytes"] - s["sources_bytes"] - s["fts5_bytes"]
        xapian = Path(str(self.archive) + ".xapian")
        s["xapian_bytes"] = folder_bytes(xapian)
        compacted = self.work / "xapian-compacted"
        shutil.rmtree(compacted, ignore_errors=True)
        run([self.probe("afterglow-xapian-compact"), xapian, compacted])
        s["xapian_compacted_bytes"] = folder_bytes(compacted)
        shutil.rmtree(compacted, ignore_errors=True)
        corpus = self.report["corpus"]
        for key in ("store_bytes", "sources_bytes", "fts5_bytes", "xapian_bytes",
                    "xapian_compacted_bytes", "archive_bytes"):
            s[key.replace("_bytes", "_over_json")] = s[key] / corpus["json_bytes"]
            s[key.replace("_bytes", "_over_zip")] = s[key] / corpus["zip_bytes"]
        s["store_plus_sources_over_zip"] = (s["store_bytes"] + s["sources_bytes"]) / corpus[
            "zip_bytes"]
        self.report["sizes"] = s

    # --- search ------------------------------------------------------------------------------
    def search(self):
        queries = self.work / "queries.txt"
        queries.write_text("\n".join(all_queries()) + "\n")
        out = {}
        # The text output counts no facets; `search --json` and `serve` do (the _facets row).
        for engine, mode, facets in (("xapian", "warm", False), ("xapian", "warm", True),
                                     ("xapian", "cold", False), ("fts5", "warm", False),
                                     ("fts5", "cold", False)):
            log(f"search: {engine} {mode}" + (" with facets" if facets else ""))
            measured = run([self.probe("afterglow-search-latency"), "--archive", self.archive,
                            "--queries", queries, "--engine", engine, "--mode", mode,
                            "--runs", str(max(self.args.runs, 3) if mode == "warm"
                                          else self.args.runs)]
                           + (["--facets"] if facets else []))
            data = json.loads(measured.stdout)
            times = [t for q in data["queries"] for t in q["ms"]]
            summary = latency_summary(times)
            summary["by_kind"] = {
                kind: latency_summary([t for q in data["queries"] if q["query"] in words
                                       for t in q["ms"]])
                for kind, words in QUERIES.items()}
            summary["slowest"] = sorted(
                ({"query": q["query"], "median_ms": median(q["ms"]), "total": q["total"]}
                 for q in data["queries"]), key=lambda q: -q["median_ms"])[:3]
            summary["hits"] = {q["query"]: q["total"] for q in data["queries"]}
            out[f"{engine}_{mode}" + ("_facets" if facets else "")] = summary
        self.report["search"] = out

    # --- show and book -----------------------------------------------------------------------
    def show(self):
        log("show: the largest conversation, cold")
        with sqlite3.connect(f"file:{self.archive}?mode=ro", uri=True) as db:
            row = db.execute(
                "SELECT c.external_id, count(*) FROM conversations c JOIN nodes n "
                "ON n.conversation_id = c.id GROUP BY c.id ORDER BY count(*) DESC LIMIT 1"
            ).fetchone()
        times = []
        for _ in range(self.args.runs):
            evict(self.archive)
            evict(self.afterglow)
            times.append(run(self.afterglow_cmd("show", "--all", row[0]),
                             stdout=subprocess.DEVNULL).wall)
        warm = repeat(self.args.runs, lambda: run(self.afterglow_cmd("show", "--all", row[0]),
                                                  stdout=subprocess.DEVNULL).wall)
        self.report["show"] = {"conversation": row[0], "messages": row[1],
                               "cold_seconds": median(times), "warm_seconds": median(warm)}

    def book(self):
        log("book")
        out = self.work / "book"
        times, rss = [], []
        try:
            for _ in range(self.args.runs):
                shutil.rmtree(out, ignore_errors=True)
                m = run(self.afterglow_cmd("book", "--out", out, "--quiet"))
                times.append(m.wall)
                if m.rss_mb:
                    rss.append(m.rss_mb)
            pages = sum(1 for _ in out.rglob("*.html"))
            self.report["book"] = {"seconds": median(times), "peak_rss_mb": median(rss),
                                   "conversations": self.report["corpus"]["conversations"],
                                   "html_files": pages, "bytes": folder_bytes(out)}
        except RuntimeError as error:
            self.report["book"] = {"seconds": None, "conversations": None, "error": str(error)}
        shutil.rmtree(out, ignore_errors=True)

    def export(self):
        """Markdown of everything, which the issue of open formats holds to 2x the book's time."""
        log("export")
        out = self.work / "markdown"
        times, rss = [], []
        try:
            for _ in range(self.args.runs):
                shutil.rmtree(out, ignore_errors=True)
                m = run(self.afterglow_cmd("export", "--format", "markdown", "--out", out,
                                           "--quiet"))
                times.append(m.wall)
                if m.rss_mb:
                    rss.append(m.rss_mb)
            book = self.report["book"].get("seconds")
            seconds = median(times)
            self.report["export"] = {
                "markdown_seconds": seconds, "peak_rss_mb": median(rss),
                "notes": sum(1 for _ in out.glob("*.md")), "bytes": folder_bytes(out),
                "markdown_over_book": seconds / book if book else None}
        except RuntimeError as error:
            self.report["export"] = {"markdown_seconds": None, "markdown_over_book": None,
                                     "error": str(error)}
        shutil.rmtree(out, ignore_errors=True)

    # --- the whole run -----------------------------------------------------------------------
    def run_all(self):
        self.report["machine"] = {"cores": os.cpu_count(), "load_before": load_average(),
                                  "timer": shutil.which("time", path="/usr/bin:/bin")}
        self.generate()
        self.floors()
        self.baselines()
        self.import_()
        self.sizes()
        self.search()
        self.show()
        self.book()
        self.export()
        self.report["machine"]["load_after"] = load_average()
        if not self.args.keep:
            self.remove_archive()
        return self.report


CJK_RAW = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")
ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def is_cjk(code):
    return 0x2E80 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF or 0xF900 <= code <= 0xFAFF


def cjk_character_share(path):
    """Share of the JSON's characters (an escape counted as the one it stands for) that are CJK."""
    cjk = total = 0
    with open(path, encoding="utf-8") as f:
        while chunk := f.read(1 << 24):
            escapes = ESCAPE.findall(chunk)
            cjk += len(CJK_RAW.findall(chunk)) + sum(is_cjk(int(e, 16)) for e in escapes)
            total += len(chunk) - 5 * len(escapes)
    return round(cjk / total, 4) if total else 0.0


def all_queries():
    return [q for kind in QUERIES.values() for q in kind]


def grep_needle(query):
    """What a person would grep for: the query's first plain word or phrase."""
    phrase = re.search(r'"([^"]+)"', query)
    if phrase:
        return phrase.group(1)
    for token in query.split():
        if ":" in token or token.startswith("-") or token in ("OR", "AND"):
            continue
        return token
    return query


def latency_summary(times):
    return {"n": len(times), "p50_ms": percentile(times, 50), "p95_ms": percentile(times, 95),
            "p99_ms": percentile(times, 99), "max_ms": max(times) if times else None}


def folder_bytes(path):
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())


# --- the report ------------------------------------------------------------------------------
def fmt(value, digits=2):
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def mb(value):
    return "–" if value is None else f"{value / 1e6:.1f} MB"


def markdown(r):
    c, f, b, i, s = r["corpus"], r["floors"], r["baselines"], r["import"], r["sizes"]
    json_mb = c["json_bytes"] / 1e6
    lines = [
        f"`{r['command']}` — {c['conversations']} conversations, {c['messages']} messages, "
        f"JSON {mb(c['json_bytes'])}, zip {mb(c['zip_bytes'])}; medians of {r['runs']} run(s); "
        f"load average {r['machine']['load_before'][0]:.2f} before, "
        f"{r['machine']['load_after'][0]:.2f} after ({r['machine']['cores']} cores)",
        "",
        "| what | time | MB/s of JSON | peak RSS | vs. import |",
        "|---|---|---|---|---|",
    ]

    def row(name, seconds, rss=None):
        rate = json_mb / seconds if seconds else None
        ratio = seconds / i["wall_seconds"] if seconds else None
        lines.append(f"| {name} | {fmt(seconds)} s | {fmt(rate, 1)} | "
                     f"{fmt(rss, 0) + ' MB' if rss else '–'} | {fmt(ratio)}× |")

    row("**afterglow import** (both indexes)", i["wall_seconds"], i["peak_rss_mb"])
    row("  read/parse (importer, nothing stored)", i["read_parse_seconds"],
        f["read_parse_peak_rss_mb"])
    row("  store (import − read/parse − index)", i["store_seconds"])
    row("  index (`afterglow reindex` into empty indexes)", i["index_seconds"],
        i["reindex_peak_rss_mb"])
    row("    Xapian alone (`afterglow-index-phase`)", i["xapian_alone_seconds"])
    row("    FTS5 alone (`afterglow-index-phase`)", i["fts5_alone_seconds"])
    row("floor: unzip -p", f["zip_read_seconds"])
    row("floor: unzip -p \\| zstd -3 --long=27", f["zip_read_zstd_seconds"])
    row("floor: simdjson DOM parse (file in memory)", f["simdjson_parse_seconds"],
        f["simdjson_peak_rss_mb"])
    row("today: python3 json.load", b.get("json_load_seconds"), b.get("json_load_peak_rss_mb"))
    lines.append("")
    lines.append(f"Import CPU {fmt(i['cpu_seconds'])} s over {fmt(i['wall_seconds'])} s wall = "
                 f"{fmt(i['cores_used'])} cores busy. Index CPU alone: Xapian "
                 f"{fmt(i['xapian_alone_cpu_seconds'])} s, FTS5 {fmt(i['fts5_alone_cpu_seconds'])} s.")
    lines += ["", "| stored | bytes | / JSON | / zip |", "|---|---|---|---|"]
    for name, key in (("store (archive less sources and FTS5)", "store"),
                      ("original sources (byte-exact)", "sources"), ("FTS5 (in the archive)",
                                                                      "fts5"),
                      ("archive file", "archive"), ("Xapian as written", "xapian"),
                      ("Xapian compacted", "xapian_compacted")):
        lines.append(f"| {name} | {mb(s[key + '_bytes'])} | {fmt(s[key + '_over_json'])} | "
                     f"{fmt(s[key + '_over_zip'])} |")
    lines.append(f"| store + sources | | | {fmt(s['store_plus_sources_over_zip'])} |")
    lines += ["", "| search (ms) | p50 | p95 | p99 | max |", "|---|---|---|---|---|"]
    for key, value in r["search"].items():
        lines.append(f"| {key.replace('_', ' ')} | {fmt(value['p50_ms'])} | "
                     f"{fmt(value['p95_ms'])} | {fmt(value['p99_ms'])} | "
                     f"{fmt(value['max_ms'])} |")
    for tool in ("grep", "rg"):
        t = b.get(f"{tool}_ms")
        if t:
            lines.append(f"| {tool} -F -i over the Markdown dump ({mb(b['markdown_bytes'])}) | "
                         f"{fmt(t['p50_ms'])} | {fmt(t['p95_ms'])} | {fmt(t['p99_ms'])} | "
                         f"{fmt(t['max_ms'])} |")
    sh, bk = r["show"], r["book"]
    lines += ["", f"show of the largest conversation ({sh['messages']} nodes): "
                  f"{fmt(sh['cold_seconds'], 3)} s cold, {fmt(sh['warm_seconds'], 3)} s warm. "
                  f"book of {fmt(bk.get('conversations'))} conversations: "
                  f"{fmt(bk.get('seconds'))} s" + (f" ({bk['error'].splitlines()[0]})"
                                                   if bk.get("error") else "") + "."]
    ex = r["export"]
    lines.append(f"export --format markdown of everything: {fmt(ex.get('markdown_seconds'))} s, "
                 f"{fmt(ex.get('markdown_over_book'))}× the book" +
                 (f" ({ex['error'].splitlines()[0]})" if ex.get("error") else "") + ".")
    return "\n".join(lines)


def check(report):
    """The smoke test's assertion: every section and every required key is present and set."""
    missing = []
    for section, keys in REQUIRED.items():
        if section not in report:
            missing.append(section)
            continue
        for key in keys:
            value = report[section].get(key)
            if section == "baselines" and report[section].get("skipped"):
                continue
            if key == "rg_ms" and value is None and not shutil.which("rg"):
                continue  # rg is optional; grep is always there
            if value is None:
                missing.append(f"{section}.{key}")
    for key, value in report.get("search", {}).items():
        if not value.get("n") or value.get("p95_ms") is None:
            missing.append(f"search.{key}.p95_ms")
    return missing


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build-dir", required=True, help="a build of afterglow (Release)")
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--size", help="bytes of conversation JSON, e.g. 600MB")
    size.add_argument("--conversations", type=int, help="exactly this many conversations")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--chinese-share", type=float, default=0.45,
                        help="share of conversations written in Chinese (the generator's knob)")
    parser.add_argument("--runs", type=int, default=3, help="repetitions; medians are reported")
    parser.add_argument("--work-dir", default="/tmp/afterglow-bench",
                        help="where exports and archives go (never the repository)")
    parser.add_argument("--json-out", help="write the JSON report here")
    parser.add_argument("--md-out", help="write the Markdown table here")
    parser.add_argument("--skip-baselines", action="store_true",
                        help="no json.load / grep (search-only runs at a size measured before)")
    parser.add_argument("--keep", action="store_true", help="keep the archive afterwards")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 unless the JSON report is complete (the smoke test)")
    args = parser.parse_args()
    if args.size:
        parse_size(args.size)

    report = Bench(args).run_all()
    table = markdown(report)
    print(table)
    print()
    print(json.dumps(report, ensure_ascii=False))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(report, ensure_ascii=False, indent=1))
    if args.md_out:
        Path(args.md_out).write_text(table + "\n")
    if args.check:
        missing = check(report)
        if missing:
            print("incomplete report: " + ", ".join(missing), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
