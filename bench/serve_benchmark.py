#!/usr/bin/env python3
"""Benchmark ``referat serve``: the search page's server time on the synthetic archive.

uvicorn serves the web application (referat.web) over the archive in a thread of this
process; an HTTP client asks for pages over a real socket, one at a time, as one reader
would. The server time is the application's own ``Server-Timing`` header (request in to
response headers out: the search with facets, rendering the page); the client time adds
HTTP and the socket; the server CPU time (the header's ``cpu;dur``, all the server's threads)
is the page's own work, which other work sharing the cores does not inflate. Pages
measured, each query ``--rounds`` times after one warm-up:

- ``search``: the search page for archive_benchmark's QUERIES (words, compounds,
  inflections, several words, aa/å, a typo) -- facets are always counted on this page;
- ``facet``: the same page narrowed as a click on a facet narrows it (a body, a year, a
  section kind, an actor: archive_benchmark's FILTERED);
- ``page2``: the second page of hits of the first ten queries;
- ``item``: the item page of each query's first hit.

The archive is the one ``bench/archive_benchmark.py`` builds (``--sections``, the same
seed and mix; build it first), or ``--archive PATH``. Results are printed and written to
bench/results/serve.json. Goal (issue 13): search page p95 < 50 ms at 1 000 000 sections.

    python bench/archive_benchmark.py --skip-import        # builds the 100 000-section archive
    python bench/serve_benchmark.py
    python bench/serve_benchmark.py --sections 1000000 --rounds 5
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import socket
import threading
import time
from urllib.parse import urlencode

import httpx
import uvicorn
from archive_benchmark import FILTERED, QUERIES, REPO, percentiles  # noqa: I001 (bench/ is the script's folder)

from referat.web.app import create_app

_SERVER_TIME = re.compile(r"app;dur=([\d.]+)")
_SERVER_CPU = re.compile(r"cpu;dur=([\d.]+)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _filter_params(filters) -> dict[str, str]:
    """archive_benchmark's SearchFilters as the search page's parameters (a year for a date range)."""
    params = {}
    for name in ("body", "actor", "section", "kind"):
        if getattr(filters, name):
            params[name] = getattr(filters, name)
    if filters.date_from or filters.date_to:
        params["year"] = (filters.date_from or filters.date_to)[:4]
    return params


def measure(archive: str, rounds: int, public: bool) -> dict:
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(archive, public=public), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    base = f"http://127.0.0.1:{port}"
    server_ms: dict[str, list[float]] = {"search": [], "facet": [], "page2": [], "item": []}
    client_ms: dict[str, list[float]] = {name: [] for name in server_ms}
    cpu_ms: dict[str, list[float]] = {name: [] for name in server_ms}
    worst: dict[str, dict[str, float]] = {name: {} for name in server_ms}
    first_items: dict[str, str] = {}
    with httpx.Client(base_url=base, timeout=60) as client:

        def get(kind: str, label: str, path: str) -> str:
            start = time.perf_counter()
            response = client.get(path)
            elapsed = (time.perf_counter() - start) * 1000
            if response.status_code != 200:
                raise SystemExit(f"{path}: HTTP {response.status_code}")
            took = float(_SERVER_TIME.search(response.headers["server-timing"]).group(1))
            server_ms[kind].append(took)
            if cpu := _SERVER_CPU.search(response.headers["server-timing"]):
                cpu_ms[kind].append(float(cpu.group(1)))
            client_ms[kind].append(elapsed)
            worst[kind][label] = max(worst[kind].get(label, 0.0), took)
            return response.text

        pages = [("search", query, "/?" + urlencode({"q": query})) for query in QUERIES]
        pages += [
            ("facet", f"{query} {params}", "/?" + urlencode({"q": query, **params}))
            for query, filters in FILTERED
            if (params := _filter_params(filters))
        ]
        pages += [("page2", query, "/?" + urlencode({"q": query, "side": 2})) for query in QUERIES[:10]]
        for kind, label, path in pages:  # warm the page cache once, as a running server would be
            text = get(kind, label, path)
            if kind == "search" and (found := re.search(r'<a href="(/item/[^"]+)"', text)):
                first_items[label] = found.group(1)
        for values in (*server_ms.values(), *client_ms.values(), *cpu_ms.values()):
            values.clear()
        for _ in range(rounds):
            for kind, label, path in pages:
                get(kind, label, path)
            for label, path in first_items.items():
                get("item", label, path)
    server.should_exit = True
    thread.join(timeout=10)
    results = {}
    for kind in server_ms:
        results[kind] = {
            "server": percentiles(server_ms[kind]),
            "client": percentiles(client_ms[kind]),
            # the server's CPU time (all threads): its own work, without waiting for a core
            "server_cpu": percentiles(cpu_ms[kind]) if cpu_ms[kind] else None,
            "slowest_server_ms": {
                label: round(ms, 1) for label, ms in sorted(worst[kind].items(), key=lambda pair: -pair[1])[:5]
            },
        }
        server, client = results[kind]["server"], results[kind]["client"]
        label = ("public " if public else "") + kind
        print(
            f"{label:6}: server p50 {server['p50_ms']:.1f} ms, p95 {server['p95_ms']:.1f} ms,"
            f" max {server['max_ms']:.1f} ms; client p95 {client['p95_ms']:.1f} ms ({server['runs']} pages)"
            + (
                f"; server CPU p50 {results[kind]['server_cpu']['p50_ms']:.1f} ms,"
                f" p95 {results[kind]['server_cpu']['p95_ms']:.1f} ms"
                if results[kind]["server_cpu"]
                else ""
            )
        )
        print(f"  slowest: {results[kind]['slowest_server_ms']}")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sections", type=int, default=100_000, help="which synthetic archive (as archive_benchmark)")
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--mix", type=float, default=0.3)
    parser.add_argument("--archive", help="measure this archive instead")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    archive = args.archive or os.path.join(
        REPO, "bench", "generated", f"archive-{args.sections}-seed{args.seed}-mix{args.mix:g}.db"
    )
    if not os.path.exists(archive):
        raise SystemExit(f"{archive}: no archive; build it with python bench/archive_benchmark.py --skip-import")
    from referat.archive import open_archive

    with open_archive(archive, create=False, readonly=True, notice=print) as opened:  # upgraded once if older
        counts = opened.counts()
    print(f"{archive}: {counts['sections']} sections, {counts['items']} items, {counts['passages']} passages")
    report = {
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "archive": archive,
        "counts": counts,
        "pages": measure(archive, args.rounds, public=False),
        "public": measure(archive, max(1, args.rounds // 2), public=True),
        "goal": "search page server time p95 < 50 ms at 1 000 000 sections",
    }
    os.makedirs(os.path.join(REPO, "bench", "results"), exist_ok=True)
    name = "serve.json" if args.archive is None and args.sections == 100_000 else f"serve-{counts['sections']}.json"
    with open(os.path.join(REPO, "bench", "results", name), "w", encoding="utf-8") as handle:
        json.dump(report, handle, ensure_ascii=False, indent=2)
    print(f"written bench/results/{name}")


if __name__ == "__main__":
    main()
