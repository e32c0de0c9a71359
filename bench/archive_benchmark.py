#!/usr/bin/env python3
"""Benchmark the archive: import throughput, and search latency at >= 100 000 sections.

1. **Import** -- ``import_paths`` (what ``referat import`` runs: worker processes,
   one transaction per document) into a fresh archive, timed end to end including
   worker start-up, for (a) ``corpus/`` and (b) everything available: corpus/, the
   generated 220-page PDF in bench/generated/, and ``../shared/seeds`` and
   ``../shared/corpus-real`` when that folder exists. Reports documents/s and pages/s.

2. **Search** -- a synthetic archive built from those documents with the library's own
   insert path (``store_document``, one transaction per document): each copy gets
   another body (30 Danish committees and councils), a random meeting date 2008-2026,
   its sections' sentences shuffled, with probability ``--mix`` one sentence borrowed
   from another document, and numbers changed, until there are at least ``--sections``
   sections. With the default mix a word occurs in about the same share of passages as
   in the real documents; ``--mix 2`` (1-3 borrowed sentences in every section) spreads
   every word over a third of the archive, a stress case for common words. Then a fixed
   list of queries (single words, compounds, inflected forms, two- and three-word
   queries, names with aa/å, a typo) runs ``--rounds`` times each, and so do eight
   searches with filters (dates, body, section kind, meeting kind, actor), and the first
   ten queries with ``--public`` and with facets; p50/p95/max are reported per kind, in wall time and in CPU
   time (the search's own work, all threads, without waiting for a core). Goal: p95 < 20 ms.

3. **PostgreSQL** (``--postgresql [URL]``) -- the same synthetic archives (the same
   templates, seed, mix and sections, stored through the same ``store_document``: the
   PostgreSQL archive's own insert path, pg_store.py) as databases
   ``referat_bench_<sections>_seed<seed>_mix<mix>`` on the server at URL, or, without a
   URL, on a throwaway server the benchmark starts as the tests do (tests/pg_server.py:
   initdb into ``GENERATED/postgresql``, a unix socket there, no TCP port; the memory
   settings of PG_SETTINGS), kept for the next run and stopped at the end. The same
   searches; the CPU time is the benchmark process's only (the server's work is in the
   wall time, its p95 the goal's). ``--no-sqlite`` measures PostgreSQL alone. At 100 000
   sections the two archives hold the same numbers of documents, meetings, items,
   sections and passages (checked by the build's counts).

Results are printed (the search latencies of every size side by side, against issue 14's
goals at 1M sections: p95 < 20 ms plain, filtered and public, < 30 ms with facets; PostgreSQL
< 30 ms for each) and written to bench/results/archive.json. The synthetic archives are kept in
``--generated`` (default bench/generated/, git-ignored, created when missing; ~0.55 GB at
100 000 sections, ~5.4 GB at 1 000 000, which took 62 min to build on 2 shared cores) and reused
when their parameters match (an archive of an older schema is upgraded by referat's
migrations, as a user's would be); ``--rebuild`` forces new ones.

    python bench/archive_benchmark.py                              # 100k and 1M sections
    python bench/archive_benchmark.py --sections 100000 --skip-import
    python bench/archive_benchmark.py --generated /data/bench      # archives kept elsewhere
    python bench/archive_benchmark.py --search-only some.db        # search latency only
    python bench/archive_benchmark.py --skip-import --postgresql   # SQLite and PostgreSQL side by side
    python bench/archive_benchmark.py --skip-import --postgresql postgresql://me@db/postgres --no-sqlite
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import platform
import random
import re
import statistics
import subprocess
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(REPO), "shared")

from referat.archive import SearchFilters, open_archive  # noqa: E402
from referat.archive.importer import discover, import_paths  # noqa: E402
from referat.archive.pg_connection import is_postgres_url  # noqa: E402
from referat.archive.pg_schema import PG_MIGRATIONS  # noqa: E402
from referat.archive.schema import MIGRATIONS  # noqa: E402
from referat.extract import ExtractionError, extract_file  # noqa: E402
from referat.models import Document  # noqa: E402

BODIES = [
    "Aarhus Byråd",
    "Ballerup Byråd",
    "Syddjurs Byråd",
    "Odense Byråd",
    "Aalborg Byråd",
    "Københavns Borgerrepræsentation",
    "Sundheds- og Forebyggelsesudvalget",
    "Psykiatri- og Socialudvalget",
    "Ældre- og Sundhedsudvalget",
    "Økonomiudvalget",
    "Teknik- og Miljøudvalget",
    "Børne- og Ungdomsudvalget",
    "Kultur- og Fritidsudvalget",
    "Beskæftigelsesudvalget",
    "Regionsrådet i Region Midtjylland",
    "Regionsrådet i Region Hovedstaden",
    "Forretningsudvalget",
    "Plan- og Boligudvalget",
    "Task Force for Børne- og Ungdomspsykiatri",
    "Task Force for Kræft- og Psykiatriområdet",
    "Nationalt råd for psykiatri",
    "Klima- og Energiudvalget",
    "Social- og Arbejdsmarkedsudvalget",
    "Skoleudvalget",
    "Udvalget for Plan, Udvikling og Kultur",
    "Hjortshøj-Egaa Sogneråd",
    "Danske Regioners bestyrelse",
    "KL's Sundheds- og Ældreudvalg",
    "Sundhedskoordinationsudvalget",
    "Det Regionale Udviklingsudvalg",
]

QUERIES = [
    "aftale",
    "psykiatri",
    "økonomiaftalen",
    "ventetider",
    "budget",
    "regnskab 2024",
    "sundhedsreform",
    "kapacitet",
    "børne- og ungdomspsykiatrien",
    "udmøntning af midler",
    "akutpladser",
    "godkendt",
    "taget til efterretning",
    "Aarhus",
    "Århus",
    "kommunernes landsforening",
    "danske regioner",
    "tvang",
    "socialpsykiatrien",
    "kræftplan",
    "sengepladser",
    "overførsel af driftsmidler",
    "ejendom",
    "personalesag",
    "høringssvar",
    "kvalitetsstandarder",
    "forebyggelse ulighed",
    "aftaler",
    "beslutninger",
    "indstilling",
    "medarbejdere",
    "sygehus",
    "digitalisering",
    "tidlig indsats",
    "mistrivsel",
    "styrelsen",
    "handleplan",
    "rammer for opfølgning",
    "psykiatriplan",
    "budgetforlig",
]
FILTERED = [
    ("psykiatri", SearchFilters(date_from="2015-01-01", date_to="2020-12-31")),
    ("aftale", SearchFilters(body="byråd")),
    ("godkendt", SearchFilters(section="decision")),
    ("ventetider", SearchFilters(kind="referat", date_from="2020-01-01")),
    ("budget", SearchFilters(date_from="2024-06-15")),
    ("kapacitet", SearchFilters(actor="KL")),
    ("psykiatri", SearchFilters(section="recommendation", date_from="2018-01-01")),
    ("danske regioner", SearchFilters(body="udvalg", date_to="2019-12-31")),
]


def source_files() -> tuple[list[str], list[str]]:
    corpus = discover([os.path.join(REPO, "corpus")])
    everything = list(corpus)
    everything += sorted(glob.glob(os.path.join(REPO, "bench", "generated", "*.pdf")))
    if os.path.isdir(SHARED):
        everything += discover([os.path.join(SHARED, "seeds"), os.path.join(SHARED, "corpus-real")])
    return corpus, everything


def bench_import(files: list[str], label: str, workers: int | None) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "import.db")
        with open_archive(path) as archive:
            start = time.perf_counter()
            summary = import_paths(archive, files, workers=workers)
            seconds = time.perf_counter() - start
            counts = archive.counts()
            archive.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        archive_bytes = os.path.getsize(path)  # (issue 14's planning: storage per page and per section)
    imported = summary.imported + summary.replaced
    result = {
        "set": label,
        "files": summary.files,
        "imported": imported,
        "failed": summary.failed,
        "skipped_duplicates": summary.skipped,
        "pages": summary.pages,
        "seconds": round(seconds, 3),
        "documents_per_second": round(imported / seconds, 2),
        "pages_per_second": round(summary.pages / seconds, 1),
        "sections": counts["sections"],
        "passages": counts["passages"],
        "archive_bytes": archive_bytes,
        "bytes_per_page": round(archive_bytes / max(1, summary.pages)),
        "sections_per_page": round(counts["sections"] / max(1, summary.pages), 3),
        "workers": workers or os.cpu_count(),
        "failures": [f"{os.path.relpath(p, REPO)}: {r}" for p, r in summary.failures],
    }
    print(
        f"import {label}: {imported} documents, {summary.pages} pages in {seconds:.2f} s → "
        f"{result['documents_per_second']} documents/s, {result['pages_per_second']} pages/s "
        f"({summary.failed} failed, {summary.skipped} duplicates skipped, {result['workers']} workers);"
        f" {counts['sections']} sections, archive {archive_bytes / 1e6:.1f} MB ({result['bytes_per_page']} bytes/page)"
    )
    return result


def templates(files: list[str]) -> list[Document]:
    found = []
    for path in files:
        try:
            document = extract_file(path)
        except ExtractionError:
            continue
        except Exception as error:  # an extractor bug in one file must not stop a 50-minute build
            print(f"template skipped, {os.path.relpath(path, REPO)}: {type(error).__name__}: {error}", flush=True)
            continue
        if sum(len(item.sections) for meeting in document.meetings for item in meeting.items):
            found.append(document)
    return found


_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_NUMBER = re.compile(r"\b\d{1,3}\b")


def vary(document: Document, index: int, pool: list[str], rng: random.Random, mix: float) -> Document:
    data = document.model_dump(mode="json")

    def rewrite(text: str) -> str:
        sentences = [s for s in _SENTENCE.split(text) if s.strip()]
        rng.shuffle(sentences)
        if mix >= 1:
            sentences += rng.sample(pool, k=min(len(pool), rng.randint(1, 3)))
        elif rng.random() < mix:
            sentences.append(rng.choice(pool))
        text = " ".join(sentences)
        return _NUMBER.sub(lambda m: str(rng.randint(1, 999)) if rng.random() < 0.5 else m.group(), text)

    def walk(items: list[dict]) -> None:
        for item in items:
            for section in item["sections"]:
                section["text"] = rewrite(section["text"])
            walk(item["subitems"])

    for meeting in data["meetings"]:
        meeting["body"] = rng.choice(BODIES)
        meeting["date"] = f"{rng.randint(2008, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        walk(meeting["items"])
    name = os.path.basename(document.source.path)
    data["source"]["path"] = f"synthetic/{index:06d}-{name}"
    data["source"]["sha256"] = hashlib.sha256(f"synthetic {index} {name}".encode()).hexdigest()
    return Document.model_validate(data)


def build_synthetic(path: str, files: list[str], sections: int, seed: int, mix: float) -> dict:
    """Store the synthetic documents in the archive at ``path`` (an SQLite file or a
    ``postgresql://`` URL) through ``store_document``, the library's own insert path on
    either backend; the documents are the same for the same seed, mix and template files."""
    rng = random.Random(seed)
    bases = templates(files)
    pool = [
        s
        for d in bases
        for m in d.meetings
        for i in m.items
        for sec in i.sections
        for s in _SENTENCE.split(sec.text)
        if len(s) > 30
    ]
    start = time.perf_counter()
    stored = documents = 0
    # (as an import run does: each folder's attachment files linked once, at the end)
    with open_archive(path) as archive, archive.attachments_linked_at_end():
        while stored < sections:
            base = bases[documents % len(bases)]
            document = vary(base, documents, pool, rng, mix)
            archive.store_document(document)
            stored += sum(
                len(item.sections) for meeting in document.meetings for item in meeting.items
            )  # top-level; close enough
            documents += 1
        counts = archive.counts()
        if is_postgres_url(path):
            # As a long-lived database would be after autovacuum: the GIN index's pending
            # list merged into the index, the planner's statistics taken.
            archive.connection.execute("VACUUM ANALYZE")
        else:
            archive.connection.execute("PRAGMA optimize")
            # Merge every full-text index into one b-tree, as a long-lived archive would be after its merges.
            for (table,) in archive.connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'"
            ).fetchall():
                archive.connection.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
    seconds = time.perf_counter() - start
    print(
        f"built {path}: {counts['documents']} documents, {counts['sections']} sections, {counts['passages']} passages "
        f"in {seconds:.0f} s ({counts['sections'] / seconds:.0f} sections/s through store_document)"
    )
    return {
        "documents": counts["documents"],
        "sections": counts["sections"],
        "items": counts["items"],
        "passages": counts["passages"],
        "build_seconds": round(seconds, 1),
        "templates": len(bases),
        "seed": seed,
        "mix": mix,
        "schema": _schema(path),
        "load_average_after_build": [round(x, 2) for x in os.getloadavg()],
    }


def _schema(path: str) -> int:
    """The schema version this referat writes for the archive at ``path``."""
    return len(PG_MIGRATIONS) if is_postgres_url(path) else len(MIGRATIONS)


def percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)
    pick = lambda q: ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]  # noqa: E731
    return {
        "runs": len(ordered),
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(pick(0.95), 2),
        "max_ms": round(ordered[-1], 2),
    }


def bench_search(path: str, rounds: int) -> dict:
    results = {}
    timings: dict[str, list[float]] = {"plain": [], "filtered": [], "facets": [], "public": []}
    cpu: dict[str, list[float]] = {name: [] for name in timings}
    worst: dict[str, dict[str, float]] = {name: {} for name in timings}

    server_ticks: dict[str, int] = dict.fromkeys(timings, 0)

    def timed(kind: str, label: str, query: str, **options):
        # Wall time is what a user waits. CPU time is the search's own work: it leaves out
        # waiting for a core (the benchmark usually shares its two) and adds up both threads
        # of a faceted search (the facets are counted on a second thread).
        start, start_cpu, start_server = time.perf_counter(), time.process_time(), server_cpu()
        result = archive.search(query, limit=20, **options)
        elapsed = (time.perf_counter() - start) * 1000
        timings[kind].append(elapsed)
        cpu[kind].append((time.process_time() - start_cpu) * 1000)
        server_ticks[kind] += server_cpu() - start_server
        worst[kind][label] = max(worst[kind].get(label, 0), elapsed)
        return result

    def server_cpu() -> int:
        # A PostgreSQL server on this machine: its backend's CPU (user + system, in clock
        # ticks, /proc), summed per kind of search: too coarse for one search, not for 200.
        if backend is None:
            return 0
        try:
            with open(f"/proc/{backend}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            return int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            return 0

    with open_archive(path, create=False) as archive:
        backend = None
        if is_postgres_url(path):
            backend = archive.connection.execute("SELECT pg_backend_pid()").fetchone()[0]
            if not os.access(f"/proc/{backend}/stat", os.R_OK):
                backend = None  # (a server elsewhere, or one whose /proc this user cannot read)
        for query in QUERIES:  # warm the page cache once, as a running service would be
            archive.search(query)
        hits, totals, bounded = {}, {}, set()
        for _ in range(rounds):
            for query in QUERIES:
                result = timed("plain", query, query)
                hits[query] = len(result.hits)
                if getattr(result, "ranked_among", None):  # only the newest matches were ranked
                    bounded.add(query)
            for query, filters in FILTERED:
                label = f"{query} {' '.join(f'{k}={v}' for k, v in vars(filters).items() if v)}"
                timed("filtered", label, query, filters=filters)
            for query in QUERIES[:10]:  # --public: closed items' passages left out
                timed("public", query, query, filters=SearchFilters(public=True))
            for query in QUERIES[:10]:
                result = timed("facets", query, query, facets=True)
                totals[query] = result.total
                if getattr(result, "estimated", False):
                    totals[query] = f"~{result.total}"
    for name, samples in timings.items():
        results[name] = percentiles(samples)
        results[name].update({f"cpu_{key}": value for key, value in percentiles(cpu[name]).items() if key != "runs"})
        if backend is not None:
            ticks_ms = 1000 / os.sysconf("SC_CLK_TCK")
            results[name]["server_cpu_mean_ms"] = round(server_ticks[name] * ticks_ms / len(samples), 2)
            results[name]["cpu_mean_ms"] = round(statistics.mean(cpu[name]), 2)
        results[name]["slowest_ms"] = {
            q: round(ms, 1) for q, ms in sorted(worst[name].items(), key=lambda p: -p[1])[:5]
        }
    results["matching_passages_of_faceted_queries"] = totals
    results["queries_without_hits"] = [q for q, n in hits.items() if n == 0]
    results["plain_queries_ranked_in_a_window"] = sorted(bounded)
    for name in timings:
        r = results[name]
        print(
            f"search {name:8}: p50 {r['p50_ms']:.2f} ms, p95 {r['p95_ms']:.2f} ms,"
            f" max {r['max_ms']:.1f} ms ({r['runs']} runs);"
            f" CPU p50 {r['cpu_p50_ms']:.2f} ms, p95 {r['cpu_p95_ms']:.2f} ms"
            + (f"; server CPU mean {r['server_cpu_mean_ms']:.1f} ms" if "server_cpu_mean_ms" in r else "")
        )
        print(f"  slowest: {r['slowest_ms']}")
    return results


# Issue 14's targets at 1 000 000 sections (p95, ms): SQLite's, and PostgreSQL's for every kind.
GOALS = {"plain": 20, "filtered": 20, "facets": 30, "public": 20}
PG_GOAL = 30


def synthetic_archive(args: argparse.Namespace, sections: int, files: list[str]) -> str:
    """The synthetic archive of ``sections`` in ``args.generated``, built unless one built
    with the same parameters and schema is there."""
    synthetic = os.path.join(args.generated, f"archive-{sections}-seed{args.seed}-mix{args.mix:g}.db")
    params = synthetic + ".params.json"
    rebuild = args.rebuild
    if not rebuild and os.path.exists(params) and os.path.exists(synthetic):
        with open(params) as handle:
            built = json.load(handle)
        if built.get("schema", 1) > len(MIGRATIONS):
            print(f"{synthetic}: built with schema {built['schema']}, newer than this referat's: rebuilding")
            rebuild = True
        elif built.get("schema", 1) < len(MIGRATIONS):
            # An older archive is upgraded as referat upgrades a user's (schema.py's
            # migrations), not rebuilt: the 1M-section archive takes an hour to build.
            start = time.perf_counter()
            open_archive(synthetic, create=False, notice=print).close()
            seconds = time.perf_counter() - start
            print(f"{synthetic}: upgraded from schema {built.get('schema', 1)} in {seconds:.1f} s")
            built["migrated_from"], built["schema"] = built.get("schema", 1), len(MIGRATIONS)
            built["migration_seconds"] = round(seconds, 1)
            with open(params, "w") as handle:
                json.dump(built, handle, indent=2)
    if rebuild or not os.path.exists(synthetic) or not os.path.exists(params):
        for suffix in ("", "-wal", "-shm", ".params.json"):
            if os.path.exists(synthetic + suffix):
                os.remove(synthetic + suffix)
        built = build_synthetic(synthetic, files, sections, args.seed, args.mix)
        with open(params, "w") as handle:
            json.dump(built, handle, indent=2)
    return synthetic


# The benchmark's own server (--postgresql without a URL): memory sizes for a machine of
# 23 GB shared with other work, as a server of its own would be set up rather than
# PostgreSQL's defaults for a small machine (128 MB of shared buffers). fsync is off (as for
# the tests' server): a benchmark's data need not survive a power cut, and reading is not
# affected by it.
PG_SETTINGS = (
    "shared_buffers=2GB",
    "effective_cache_size=8GB",
    "work_mem=32MB",
    "maintenance_work_mem=1GB",
    "max_wal_size=8GB",
    "checkpoint_timeout=30min",
)


class PostgresArchives:
    """The synthetic archives as PostgreSQL databases, one per size on one server: the
    server at ``url`` (any database of it; the benchmark creates its own), or one the
    benchmark starts (tests/pg_server.py: initdb into ``folder``, a unix socket there, no
    TCP port), kept there for the next run and stopped at the end. A database's parameters
    (the build's, as the SQLite archives' .params.json) are its comment."""

    def __init__(self, url: str | None, folder: str) -> None:
        self.server = None
        if url:
            self.base = url
        else:
            import sys
            from pathlib import Path

            sys.path.insert(0, os.path.join(REPO, "tests"))
            from pg_server import Server, why_not

            reason = why_not()
            if reason:
                raise SystemExit(f"--postgresql: cannot start a server: {reason}")
            os.makedirs(folder, exist_ok=True)
            self.server = Server(Path(folder))
            self.server.start(*PG_SETTINGS)
            self.base = self.server.url()
        import psycopg

        self.admin = psycopg.connect(self.base, autocommit=True)
        self.version = self.admin.execute("SHOW server_version").fetchone()[0]

    def url(self, database: str) -> str:
        """The URL of ``database`` on this server."""
        import urllib.parse

        return urllib.parse.urlsplit(self.base)._replace(path="/" + database).geturl()

    def params(self, database: str) -> dict | None:
        row = self.admin.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s", (database,)
        ).fetchone()
        if row is None:
            return None
        return json.loads(row[0]) if row[0] else {}

    def set_params(self, database: str, built: dict) -> None:
        comment = json.dumps(built).replace("'", "''")
        self.admin.execute(f"COMMENT ON DATABASE \"{database}\" IS '{comment}'")

    def size(self, database: str) -> int:
        return int(self.admin.execute("SELECT pg_database_size(%s)", (database,)).fetchone()[0])

    def close(self) -> None:
        self.admin.close()
        if self.server is not None:
            self.server.stop()


def synthetic_postgres(
    args: argparse.Namespace, sections: int, files: list[str], pg: PostgresArchives
) -> tuple[str, str]:
    """The synthetic archive of ``sections`` as a database on ``pg``'s server (its URL and
    name), built (with build_synthetic, as the SQLite file) unless one built with the same
    parameters is there."""
    database = f"referat_bench_{sections}_seed{args.seed}_mix{args.mix:g}".replace(".", "_")
    url = pg.url(database)
    built = pg.params(database)
    if built is not None and not args.rebuild and built.get("schema", 1) <= len(PG_MIGRATIONS) and built:
        if built.get("schema", 1) < len(PG_MIGRATIONS):  # upgraded as a user's archive would be
            start = time.perf_counter()
            open_archive(url, create=False, notice=print).close()
            built["migrated_from"], built["schema"] = built.get("schema", 1), len(PG_MIGRATIONS)
            built["migration_seconds"] = round(time.perf_counter() - start, 1)
            pg.set_params(database, built)
        return url, database
    if built is not None:
        pg.admin.execute(f'DROP DATABASE "{database}"')
    pg.admin.execute(f"CREATE DATABASE \"{database}\" ENCODING 'UTF8' TEMPLATE template0")
    built = build_synthetic(url, files, sections, args.seed, args.mix)
    pg.set_params(database, built)
    return url, database


def side_by_side(by_size: dict[str, dict]) -> None:
    """Print p50/p95/max of each kind of search, one column group per archive size."""
    sizes = list(by_size)
    header = f"{'search':9}" + "".join(f" | {size + ' sections':>28}" for size in sizes)
    print()
    print(header)
    print(f"{'':9}" + "".join(f" | {'p50':>10}{'p95':>9}{'max':>9}" for _ in sizes))
    print("-" * len(header))
    for name in GOALS:
        found = [by_size[size][name] for size in sizes]
        cells = "".join(f" | {r['p50_ms']:10.1f}{r['p95_ms']:9.1f}{r['max_ms']:9.1f}" for r in found)
        print(f"{name:9}{cells}   (goal p95 < {GOALS[name]} ms; PostgreSQL < {PG_GOAL} ms)")


def measure(report: dict, label: str, archive: str, built: dict, rounds: int) -> None:
    """Search latency on one synthetic archive into ``report`` under ``label``."""
    load = os.getloadavg()
    print(f"searching {label}: {built['sections']} sections, load average {load[0]:.1f}")
    result = bench_search(archive, rounds)
    result["load_average"] = {"before": [round(x, 2) for x in load], "after": [round(x, 2) for x in os.getloadavg()]}
    report["search_by_sections"][label] = result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sections",
        type=int,
        nargs="+",
        default=[100_000, 1_000_000],
        help="synthetic archive sizes, reported side by side (default 100000 1000000; the 1M archive took"
        " 62 min and 5.4 GB to build once here)",
    )
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument(
        "--mix", type=float, default=0.3, help="share of sections given a borrowed sentence (>= 1: 1-3 in each)"
    )
    parser.add_argument(
        "--generated",
        default=os.path.join(REPO, "bench", "generated"),
        help="folder for the synthetic archives (created when missing; default bench/generated)",
    )
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument(
        "--postgresql",
        nargs="?",
        const="",
        metavar="URL",
        help="measure PostgreSQL too: the same synthetic archives as databases on the server at URL, or, without"
        " a URL, on a server the benchmark starts with its data in GENERATED/postgresql (stopped at the end)",
    )
    parser.add_argument("--no-sqlite", action="store_true", help="with --postgresql: measure PostgreSQL only")
    parser.add_argument("--build-only", action="store_true", help="build the synthetic archives, measure nothing")
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument(
        "--search-only",
        metavar="ARCHIVE",
        help="only measure search latency on this existing archive (a file or a postgresql:// URL)",
    )
    args = parser.parse_args()
    if args.search_only:
        bench_search(args.search_only, args.rounds)
        return

    corpus, everything = source_files()
    report: dict = {
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "git": subprocess.run(
            ["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True, text=True
        ).stdout.strip(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "sqlite": __import__("sqlite3").sqlite_version,
    }
    if not args.skip_import:
        report["import"] = [
            bench_import(corpus, "corpus/", args.workers),
            bench_import(everything, "all available", args.workers),
        ]

    # A fresh clone has no bench/generated (git-ignored): SQLite cannot create a file in a
    # missing folder ("unable to open database file").
    os.makedirs(args.generated, exist_ok=True)
    report["synthetic_archives"], report["search_by_sections"] = {}, {}
    pg = None
    if args.postgresql is not None:
        pg = PostgresArchives(args.postgresql or None, os.path.join(args.generated, "postgresql"))
    try:
        if pg is not None:
            report["postgresql"] = pg.version
        for sections in args.sections:
            if not args.no_sqlite:
                synthetic = synthetic_archive(args, sections, everything)
                with open(synthetic + ".params.json") as handle:
                    built = {**json.load(handle), "file_mb": round(os.path.getsize(synthetic) / 1e6, 1)}
                report["synthetic_archives"][str(sections)] = built
                if not args.build_only:
                    measure(report, str(sections), synthetic, built, args.rounds)
            if pg is not None:
                url, database = synthetic_postgres(args, sections, everything, pg)
                built = {**(pg.params(database) or {}), "database_mb": round(pg.size(database) / 1e6, 1)}
                report["synthetic_archives"][f"postgresql {sections}"] = built
                if not args.build_only:
                    measure(report, f"postgresql {sections}", url, built, args.rounds)
    finally:
        if pg is not None:
            pg.close()
    if args.build_only:
        print(json.dumps(report["synthetic_archives"], indent=2))
        return
    side_by_side(report["search_by_sections"])
    report["goal"] = {name: f"p95 < {ms} ms (PostgreSQL < {PG_GOAL} ms)" for name, ms in GOALS.items()}
    report["goal_met"] = {
        size: all(
            found[name]["p95_ms"] < (PG_GOAL if size.startswith("postgresql") else ms) for name, ms in GOALS.items()
        )
        for size, found in report["search_by_sections"].items()
    }
    os.makedirs(os.path.join(REPO, "bench", "results"), exist_ok=True)
    name = "archive.json" if args.mix == 0.3 else f"archive-mix{args.mix:g}.json"
    with open(os.path.join(REPO, "bench", "results", name), "w", encoding="utf-8") as handle:
        json.dump(report, handle, ensure_ascii=False, indent=2)
    print(f"written bench/results/{name}")


if __name__ == "__main__":
    main()
