#!/usr/bin/env python3
"""Benchmark the distributed import: ``import_paths`` with ``--cluster local:1`` and
``local:2`` against the local worker processes (``--workers 1`` and ``2``), each into a
fresh SQLite archive, timed end to end (cluster or workers started, files hashed,
extracted, stored). Files: corpus/, and ../shared/seeds and ../shared/corpus-real when
that folder exists. Reports files/s and pages/s per run, and the load average before and
after each (the machine may be shared), to stdout and bench/results/cluster.json.

    python bench/cluster_benchmark.py                     # all four runs
    python bench/cluster_benchmark.py --runs local:2 plain:2
    python bench/cluster_benchmark.py --paths corpus/ --runs plain:2 local:2 local:2 plain:2
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from referat.archive import open_archive
from referat.archive.importer import import_paths

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
RUNS = ["plain:1", "local:1", "plain:2", "local:2"]


def files_to_import() -> list[str]:
    paths = [str(REPO / "corpus")]
    if (SHARED / "seeds").is_dir():
        paths += [str(SHARED / "seeds"), str(SHARED / "corpus-real")]
    return paths


def one_run(run: str, paths: list[str]) -> dict[str, object]:
    """One import into a fresh archive: ``plain:N`` (N local worker processes) or ``local:N`` (a Dask cluster)."""
    kind, count = run.split(":")
    options: dict[str, object] = {"workers": int(count)} if kind == "plain" else {"cluster": run}
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as folder, open_archive(os.path.join(folder, "bench.db")) as archive:
        summary = import_paths(archive, paths, **options)
    load_after = os.getloadavg()
    stored = summary.imported + summary.replaced
    return {
        "run": run,
        "files": summary.files,
        "stored": stored,
        "failed": summary.failed,
        "pages": summary.pages,
        "seconds": round(summary.seconds, 1),
        "files_per_second": round(stored / summary.seconds, 2),
        "pages_per_second": round(summary.pages / summary.seconds, 1),
        "failures": summary.failures,
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in load_after],
    }


def summary_failures(result: dict[str, object]) -> list[tuple[str, str]]:
    failures = result["failures"]
    assert isinstance(failures, list)
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", nargs="+", default=RUNS, help="plain:N and local:N runs, in this order")
    parser.add_argument("--paths", nargs="+", help="import these instead [default: corpus/ and ../shared]")
    parser.add_argument("--output", default=str(REPO / "bench" / "results" / "cluster.json"))
    args = parser.parse_args()
    paths = args.paths or files_to_import()
    print(f"importing {', '.join(paths)} on {os.cpu_count()} cores", flush=True)
    results = []
    for run in args.runs:
        result = one_run(run, paths)
        results.append(result)
        print(
            f"{run:8} {result['stored']:4} files {result['pages']:5} pages in {result['seconds']:6.1f} s:"
            f" {result['files_per_second']:5.2f} files/s {result['pages_per_second']:6.1f} pages/s"
            f"  (load {result['load_before'][0]:.1f} → {result['load_after'][0]:.1f})",
            flush=True,
        )
        for path, reason in summary_failures(result):
            print(f"         failed: {path}: {reason}", flush=True)
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps({"paths": paths, "runs": results}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
