"""How the commands show archive results: text for a terminal, CSV, and the import
progress bar (rich). The archive library returns data; only this module and cli.py
print it.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import json
import os
import re
import shlex
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

from referat.archive.types import SearchResult

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from referat.archive.importer import ImportSummary
    from referat.archive.watches import Watch, WatchRun
    from referat.extract.diagnosis import UnreadLine

Style = Callable[[str], str]
_MARKED = re.compile(r"«([^»]*)»")


def item_label(number: str, title: str) -> str:
    """ "punkt 3 Title", or the title alone for an item printed without a number (the
    paragraphs of a 1940s book that numbers none)."""
    return f"punkt {number} {title}" if number else title


def display_path(path: str) -> str:
    """A stored (absolute) path relative to the working folder when it lies below it.

    Example:
        >>> display_path(os.path.join(os.getcwd(), "corpus", "a.pdf"))
        'corpus/a.pdf'
    """
    relative = os.path.relpath(path) if os.path.isabs(path) else path
    return path if relative.startswith("..") else relative


def _plain(text: str) -> str:
    return text


def render_search(result: SearchResult, bold: Style | None = None) -> str:
    """Hits as text: body, date, item; the snippet with hits marked; file, page and item key."""
    bold = bold or _plain
    lines: list[str] = []
    for word, suggested in result.suggestions.items():  # before the hits: the reason there may be none
        lines.append(f"no '{word}' in the archive" + (f"; did you mean {' · '.join(suggested)}?" if suggested else ""))
    if result.did_you_mean:
        lines.append(f"try: referat search {shlex.quote(result.did_you_mean)}")
    if not result.hits:
        lines.append("no hits")
    for hit in result.hits:
        when = hit.date or "undated"
        heading = f"{hit.rank:>3}. {hit.body or '(no body)'} · {when} · {item_label(hit.number, hit.title)}".rstrip()
        lines.append(heading)
        label = hit.section + (f" · {hit.actor}" if hit.actor else "")
        text = _MARKED.sub(
            lambda match: bold(match.group(1)) if bold is not _plain else f"«{match.group(1)}»", hit.snippet
        )
        lines.append(f"     [{label}] {text}")
        page = f" p. {hit.page}" if hit.page else ""
        lines.append(f"     {display_path(hit.path)}{page} · referat show {hit.item}")
        if hit.attachment_of:
            lines.append(f"     bilag to: {hit.attachment_of_title} · referat show {hit.attachment_of}")
    if result.ranked_among is not None:  # issue 14: a common word is ranked among the newest matches only
        newest = f"{result.ranked_among:,}"
        lines.append(f"(best of the {newest} newest matching items; add words or filters to see older ones)")
    if result.facets:
        lines.append("")
        # Above FACET_SAMPLE matches the counts come from a sample (store.py): say so.
        lines.append(
            f"about {result.total} matching passages (counted in a sample)"
            if result.estimated
            else f"{result.total} matching passages"
        )
        for name, counts in result.facets.items():
            shown = ", ".join(f"{key} {count}" for key, count in list(counts.items())[:10]) or "—"
            lines.append(f"  {name}: {shown}")
    return "\n".join(lines)


def render_watches(watches: list[Watch]) -> str:
    """``watch list``: each saved search, its filters and when it last ran."""
    if not watches:
        return "no saved searches (add one with `referat watch add NAME QUERY`)"
    lines = []
    for watch in watches:
        filters = "".join(f" {option}" for option in _filter_options(watch))
        lines.append(f"{watch.name}: {shlex.quote(watch.query)}{filters}")
        lines.append(f"     last run {watch.last_run_at or 'never'}")
    return "\n".join(lines)


# The option of a yes/no filter of a watch, as `watch add` takes it.
_SWITCHES = {
    ("decided", True): "--decided",
    ("decided", False): "--undecided",
    ("amount", True): "--with-amount",
    ("amount", False): "--without-amount",
    ("public", True): "--public",
}


def _filter_options(watch: Watch) -> list[str]:
    """The options of ``watch add`` that give ``watch`` its filters."""
    from referat.archive.watches import stored_filters

    renamed = {"date_from": "from", "date_to": "to"}
    return [
        _SWITCHES.get((key, value)) or f"--{renamed.get(key, key)} {shlex.quote(str(value))}"
        for key, value in stored_filters(watch.filters).items()
    ]


def render_watch_runs(runs: list[WatchRun]) -> str:
    """``watch run``: per saved search, its new hits as ``search`` prints them (or that there are none)."""
    lines = []
    for run in runs:
        count = f"{len(run.hits)} new hit(s)" + (" (the newest; more matched)" if run.truncated else "")
        lines.append(f"== {run.watch.name}: {count}" if run.hits else f"== {run.watch.name}: no new hits")
        if run.hits:
            lines.append(render_search(SearchResult(hits=run.hits)))
    return "\n".join(lines) if lines else "no saved searches (add one with `referat watch add NAME QUERY`)"


def render_statements(actor: str, rows: list[dict[str, Any]]) -> str:
    """who-said output: meeting by meeting, what the actor said or which stance it took."""
    statements = sum(1 for row in rows if row["type"] == "statement")
    positions = len(rows) - statements
    lines = [f"{actor}: {statements} statement(s), {positions} position(s)"]
    last_meeting = last_item = None
    for row in rows:
        meeting = (row["date"], row["body"], row["path"])
        if meeting != last_meeting:
            lines.append(f"{row['date'] or 'undated'} · {row['body'] or '(no body)'} · {display_path(row['path'])}")
            last_meeting, last_item = meeting, None
        if row["item"] != last_item:  # an item's statements under one heading
            lines.append(f"  {item_label(row['number'], row['title'])}  (referat show {row['item']})")
            last_item = row["item"]
        if row["type"] == "statement":
            page = f" (p. {row['page']})" if row["page"] else ""
            lines.append(f"    {row['as_printed']} ({row['verb']}): {row['text']}{page}")
        else:
            lines.append(f"    {row['as_printed']} — {row['stance']}: {row['text']}")
    return "\n".join(lines)


def danish_amount(value: float) -> str:
    """A value in DKK as the minutes write it.

    Example:
        >>> danish_amount(175_000_000), danish_amount(2_400_000_000), danish_amount(75_000)
        ('175 mio. kr.', '2,4 mia. kr.', '75.000 kr.')
    """
    for size, unit in ((1e9, "mia."), (1e6, "mio.")):
        if value >= size:
            number = f"{value / size:.1f}".rstrip("0").rstrip(".").replace(".", ",")
            return f"{number} {unit} kr."
    return f"{value:,.0f}".replace(",", ".") + " kr."


_QUALIFIER_WORDS = {"approx": "ca. ", "at_least": "over ", "at_most": "op til "}


def render_amounts(rows: list[dict[str, Any]]) -> str:
    """amounts output: one amount a line, largest first, under its meeting and item."""
    if not rows:
        return "no amounts match"
    lines = []
    for row in rows:
        year = f" (for {row['year']})" if row["year"] else ""
        decided = ", ".join(outcome or "decided" for outcome in row["decisions"])
        lines.append(
            f"{_QUALIFIER_WORDS.get(row['qualifier'] or '', '')}{danish_amount(row['value'])}{year} · "
            f"{row['date'] or 'undated'} · {row['body'] or '(no body)'}"
        )
        lines.append(
            f"  {item_label(row['number'], row['title'])}"
            + (f"  [{decided}]" if decided else "")
            + f"  (referat show {row['item']})"
        )
        lines.append(f"  as printed: {' '.join(row['text'].split())} · {display_path(row['path'])}")
    return "\n".join(lines)


def render_actors(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "no actors yet (statements and positions come from the enrichment step)"
    width = max(len(row["actor"]) for row in rows)
    lines = [f"{'actor':<{width}}  statements  positions  meetings"]
    for row in rows:
        lines.append(f"{row['actor']:<{width}}  {row['statements']:>10}  {row['positions']:>9}  {row['meetings']:>8}")
    return "\n".join(lines)


def vote_summary(vote: dict[str, Any]) -> str:
    """A ballot in one line: its counts, then the text they were read from.

    Example:
        >>> vote_summary({"text": "Vedtaget med 15 stemmer mod 10.", "in_favour": 15, "against": 10,
        ...               "abstained": None, "unanimous": False})
        '15 for, 10 against — Vedtaget med 15 stemmer mod 10.'
    """
    if vote["unanimous"]:
        counts = "unanimous"
    else:
        stances = (("in_favour", "for"), ("against", "against"), ("abstained", "abstaining"))
        counts = ", ".join(f"{vote[key]} {label}" for key, label in stances if vote[key] is not None)
    return f"{counts} — {vote['text']}"


def render_item(item: dict[str, Any]) -> str:
    """One item in full: meeting, title, sections, decisions, statements."""
    meeting = item["meeting"]
    lines = [
        f"{meeting['body'] or '(no body)'} · {meeting['date'] or 'undated'} · {meeting['kind']}",
        item_label(item["number"], item["title"]) + ("  [closed]" if item["access"] == "closed" else ""),
        f"{display_path(item['source']['path'])} pp. {item['pages'][0]}–{item['pages'][1]} · {item['item']}",
    ]
    if item.get("same_as"):
        lines.append(f"a copy of {item['same_as']} (the same meeting's item in another file)")
    for source in [source for source in item.get("sources", []) if source["item"] != item["item"]]:
        pages = source["pages"]
        lines.append(f"also in {display_path(source['path'])} pp. {pages[0]}–{pages[1]} · {source['item']}")
    if item["case_numbers"]:
        lines.append("case " + ", ".join(item["case_numbers"]))
    if item.get("text"):  # the text under no section heading
        lines += ["", item["text"]]
    for section in item["sections"]:
        lines += ["", f"{section['heading']}  [{section['kind']}, p. {section['first_page']}]", section["text"]]
    for decision in item["decisions"]:
        text = f": {decision['text']}" if decision["text"] else ""  # a closed item keeps only the outcome
        lines.append(f"\ndecision ({decision['outcome'] or 'outcome not stated'}){text}")
    for statement in item["statements"]:
        lines.append(f"\n{statement['canonical']} ({statement['verb']}): {statement['text']} (p. {statement['page']})")
    for position in item["positions"]:
        votes = f" ({position['votes']} votes)" if position.get("votes") is not None else ""
        lines.append(f"\n{position['canonical']} — {position['stance']}{votes}: {position['text']}")
    for vote in item.get("votes", []):
        lines.append("\nvote: " + vote_summary(vote))
    if item["subitems"]:
        lines.append("\nsub-items: " + ", ".join(item["subitems"]))
    return "\n".join(lines)


def output_name(path: str, written: set[str]) -> str:
    """<name>.json for the output of the input ``path``; when two inputs share a name
    (a.pdf, a.txt, x/a.pdf) the later ones keep their suffix or get a number, so no output
    overwrites another of the same run. ``written`` holds the names given so far.

    Example:
        >>> written = set()
        >>> [output_name(path, written) for path in ["a.pdf", "a.txt", "x/a.pdf", "y/a.pdf"]]
        ['a.json', 'a.txt.json', 'a.pdf.json', 'a-2.json']
    """
    base = os.path.basename(path).replace(os.sep, "_")
    stem = os.path.splitext(base)[0]
    for candidate in [f"{stem}.json", f"{base}.json"] + [f"{stem}-{n}.json" for n in range(2, 10_000)]:
        if candidate not in written:
            written.add(candidate)
            return candidate
    raise ValueError("too many inputs with the same name")


def render_diagnosis(path: str, warnings: list[str], unread: list[UnreadLine]) -> str:
    """``referat doctor`` for one file: what is missing, and the heading-like lines not read."""
    lines = [f"{path}:"]
    lines += [f"  warning: {warning}" for warning in warnings]
    lines += [f"  page {line.page}: not understood ({line.looks_like}): {line.text}" for line in unread]
    if not warnings and not unread:
        lines.append("  nothing missing, every heading-like line was read")
    return "\n".join(lines)


@contextlib.contextmanager
def output_file(path: str | None) -> Iterator[TextIO]:
    """stdout, or the file ``path`` written under ``path.part`` and renamed when complete:
    a crash never leaves half an export under the real name, and a write that fails (a
    full disk, a read-only folder) or any other error leaves no ``.part`` file either; an
    OSError becomes :class:`OutputError`, one line naming the file."""
    if not path:
        yield sys.stdout
        return
    part = path + ".part"
    try:
        with open(part, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.replace(part, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.remove(part)
        if isinstance(error, OSError):
            raise OutputError(path, error) from None
        raise


class OutputError(Exception):
    """An output file could not be written; ``str()`` is one line with what to do.

    Example:
        >>> import errno
        >>> str(OutputError("out.jsonl", OSError(errno.ENOSPC, "No space left on device")))
        'out.jsonl: cannot write (No space left on device); free some space or choose another file'
    """

    def __init__(self, path: str, error: OSError) -> None:
        hint = "free some space" if error.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT) else "check the folder"
        super().__init__(f"{path}: cannot write ({error.strerror or error}); {hint} or choose another file")


def write_jsonl(handle: TextIO, rows: Iterable[dict[str, Any]]) -> int:
    """Stream rows to ``handle`` as JSON Lines; return the row count."""
    count = 0
    for row in rows:
        handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(handle: Any, rows: Iterable[dict[str, Any]], columns: list[str] | None = None) -> int:
    """Stream rows to ``handle`` as CSV with a header (the first row's keys unless ``columns``); return the row count.

    Example:
        >>> import io
        >>> buffer = io.StringIO(); write_csv(buffer, [{"a": 1, "b": "x,y"}]); buffer.getvalue().splitlines()
        1
        ['a,b', '1,"x,y"']
    """
    writer = None
    count = 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(handle, fieldnames=columns or list(row), extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
        writer.writerow(row)
        count += 1
    if writer is None and columns:
        csv.writer(handle, lineterminator="\n").writerow(columns)
    return count


class ImportProgress:
    """A callback for :func:`referat.archive.importer.import_paths` that draws a bar on stderr.

    Use as a context manager; it draws nothing when stdout or stderr is not a terminal.

    Example:
        >>> from referat.archive.importer import ImportSummary
        >>> with ImportProgress(enabled=False) as progress:
        ...     progress(ImportSummary(files=2), None)
    """

    def __init__(self, enabled: bool | None = None) -> None:
        self.enabled = sys.stdout.isatty() and sys.stderr.isatty() if enabled is None else enabled
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._start = time.monotonic()

    def __enter__(self) -> ImportProgress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                TextColumn("importing"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rates]}"),
                TimeElapsedColumn(),
                TextColumn("{task.fields[current]}", style="dim"),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("import", total=None, rates="", current="")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()

    def __call__(self, summary: ImportSummary, path: str | None) -> None:
        if self._progress is None or self._task is None:
            return
        seconds = max(time.monotonic() - self._start, 1e-9)
        extracted = summary.imported + summary.replaced
        rates = f"{extracted / seconds:.1f} files/s · {summary.pages / seconds:.0f} pages/s · {summary.failed} errors"
        current = (path or "").rsplit("/", 1)[-1][:40]
        self._progress.update(self._task, total=summary.files, completed=summary.done, rates=rates, current=current)


def format_run_report(found: dict[str, Any]) -> str:
    """An import run's failures and warnings, one line each, then a count.

    Example:
        >>> print(format_run_report({"run": 3, "failures": [{"path": "a.pdf", "reason": "encrypted PDF"}],
        ...                          "warnings": [{"path": "b.txt", "warning": "no text found in the file"}]}))
        failed   a.pdf: encrypted PDF
        warning  b.txt: no text found in the file
        run 3: 1 failed, 1 warning(s)
    """
    if found["run"] is None:
        return "no import run in this archive"
    lines = [f"failed   {display_path(row['path'])}: {row['reason']}" for row in found["failures"]]
    lines += [f"warning  {display_path(row['path'])}: {row['warning']}" for row in found["warnings"]]
    lines.append(f"run {found['run']}: {len(found['failures'])} failed, {len(found['warnings'])} warning(s)")
    return "\n".join(lines)
