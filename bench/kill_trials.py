"""Kill `referat import` with SIGKILL at random moments, many times, and check the archive.

The loop and the checks are tests/crash_trials.py, shared with tests/test_crash_safety.py
(which runs 20 kills with a fixed seed in CI). Each trial runs `python -m referat import`
on a folder of generated Danish minutes (TXT, PDF, DOCX), the five corpus documents and
one PDF that fails, kills the whole process group (the parent and its workers) at a
seeded-random moment, and checks: `PRAGMA integrity_check`, foreign keys, both FTS
indexes, the schema at a whole migration, no orphan rows, every stored document whole
(its rows in every table equal a reference import's), nothing stored earlier lost or
stored again. Killed runs are resumed by the next trial; a chain ends with a run that
is not killed, which must import exactly the missing files and leave the archive equal
to the reference.

Usage:
    python bench/kill_trials.py                      # 100 kills, workers 1 and 2 by turns
    python bench/kill_trials.py --trials 300 --seed 7 --workers 2
    python bench/kill_trials.py --keep /tmp/kills    # keep the archives and each run's output

Needs reportlab (the test extra) for the generated PDFs. Linux (reads SQLite's locks
through fcntl and process groups through /proc). Exit status 1 when any check failed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from crash_trials import reference_import, run_trials, write_documents  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=100, help="SIGKILLs that must land [default: 100]")
    parser.add_argument("--seed", type=int, default=20260226, help="seeds the documents and the kill moments")
    parser.add_argument(
        "--workers",
        default="1,2",
        help="worker processes, one number or several taken by turns per chain [default: 1,2]",
    )
    parser.add_argument(
        "--documents",
        type=int,
        default=18,
        help="generated minutes, besides the 5 corpus files and 1 broken PDF [default: 18]",
    )
    parser.add_argument(
        "--kills-per-chain", type=int, default=4, help="kills before a chain's run that is not killed [default: 4]"
    )
    parser.add_argument(
        "--mid-store",
        type=int,
        default=20,
        help="of the kills, how many must land while a document is stored [default: 20]",
    )
    parser.add_argument(
        "--keep", metavar="DIR", help="work in DIR and keep it (archives, logs) instead of a temporary folder"
    )
    options = parser.parse_args(argv)
    workers = [int(n) for n in options.workers.split(",")]

    with tempfile.TemporaryDirectory(prefix="referat-kills-") as temporary:
        root = Path(options.keep or temporary)
        root.mkdir(parents=True, exist_ok=True)
        start = time.monotonic()
        folder = write_documents(root / "docs", options.documents, seed=options.seed)[0].parent
        reference = reference_import(folder, root / "reference.db", workers=workers[0])
        print(
            f"reference import: {len(reference.state.documents)} documents, {reference.failed} failed,"
            f" of {reference.files} files;"
            f" {reference.seconds:.2f} s, first document stored at {reference.first_store:.2f} s",
            flush=True,
        )
        totals = run_trials(
            folder,
            root / "trials",
            reference,
            kills=options.trials,
            seed=options.seed,
            workers=workers,
            kills_per_chain=options.kills_per_chain,
            max_trials=3 * options.trials + 10,
            mid_store=options.mid_store,
            report=lambda trial: print(trial.line(), flush=True),
        )
        print()
        print(totals.summary())
        print(f"{time.monotonic() - start:.0f} s")
        problems = totals.problems()
        for problem in problems[:50]:
            print(problem)
        if options.keep:
            print(f"archives and each run's stdout/stderr kept in {root}")
    return 1 if problems or len(totals.kills) < options.trials or totals.landed("mid-store") < options.mid_store else 0


if __name__ == "__main__":
    sys.exit(main())
