"""The ``referat`` command: thin click wrappers over library functions.

Exit codes: 0 all files done, 1 some file failed (each failure is one line on stderr
naming the file and the reason), 2 usage errors.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import fields
from typing import Any

import click

from referat import __version__
from referat.cli_options import (
    CLUSTER_OPTION,
    OCR_OPTION,
    WholeHelpGroup,
    archive_option,
    date_options,
    highlighting,
    json_option,
    ocr_progress,
    parsed,
    public_option,
    search_filter_options,
)
from referat.cli_options import (
    archive_session as _open,
)
from referat.cli_serve import serve
from referat.cli_watch import watch
from referat.extract import extract_or_reason
from referat.extract.pipeline import printable_path
from referat.models import json_schema


def _fail_line(path: str, reason: str) -> None:
    click.echo(f"referat: {printable_path(path)}: {reason}", err=True)


@click.group(cls=WholeHelpGroup, context_settings={"help_option_names": ["-h", "--help"]}, commands=[serve])
@click.version_option(__version__, prog_name="referat")
def main() -> None:
    """Danish meeting agendas and minutes → structured, validated JSON.

    Example: referat extract corpus/kommune-edoc-referat.pdf
    """


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=str))
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(file_okay=False, path_type=str),
    help="Write <name>.json per file here instead of printing.",
)
@click.option("--indent", type=int, default=None, help="Indent JSON (one file to stdout is indented by 2 by default).")
@click.option("--no-enrich", is_flag=True, help="Structure only: skip entities, dates, amounts, positions, statements.")
@click.option("--keep-personal-data", is_flag=True, help="Keep CPR numbers (they are redacted by default).")
@OCR_OPTION
def extract(
    files: tuple[str, ...],
    output_dir: str | None,
    indent: int | None,
    no_enrich: bool,
    keep_personal_data: bool,
    ocr: str,
) -> None:
    """Extract meetings, items and sections from FILES (PDF, DOCX, TXT).

    One file prints one Document JSON; several print JSON Lines. Files that fail are
    reported on stderr, one line each, and the others are still processed.

    Example: referat extract corpus/sst-taskforce-referat.pdf -o out/
    """
    from referat.terminal import OutputError, output_file, output_name

    failed = 0
    written: set[str] = set()
    if output_dir:
        os.makedirs(output_dir, exist_ok=True)
    for path in files:
        document, reason = extract_or_reason(
            path, enrich=not no_enrich, keep_personal_data=keep_personal_data, ocr=ocr, progress=ocr_progress(path)
        )
        if document is None:
            failed += 1
            _fail_line(path, reason or "unknown error")
            continue
        for warning in document.warnings:  # what was not understood is said, not only stored
            click.echo(f"referat: {printable_path(path)}: warning: {warning}", err=True)
        payload = document.model_dump(mode="json")
        if output_dir:
            try:
                name = output_name(printable_path(path), written)
            except ValueError as error:
                raise click.ClickException(str(error)) from None
            try:
                with output_file(os.path.join(output_dir, name)) as handle:  # a crash leaves no half-written JSON
                    json.dump(payload, handle, ensure_ascii=False, indent=2)
            except OutputError as error:  # a full disk fails every file after it too: stop here
                raise click.ClickException(str(error)) from None
        else:
            use_indent = indent if indent is not None else (2 if len(files) == 1 else None)
            click.echo(json.dumps(payload, ensure_ascii=False, indent=use_indent))
    if failed:
        sys.exit(1)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=str))
def doctor(files: tuple[str, ...]) -> None:
    """Say what referat did not understand in FILES: missing facts (no items, no date, no
    body) and the heading-like lines its grammar did not recognise, with their pages.

    Example: referat doctor minutes.pdf
    """
    from referat.extract.diagnosis import diagnose
    from referat.extract.files import open_regular
    from referat.terminal import render_diagnosis

    failed = False
    for path in files:
        try:
            with open_regular(path) as handle:  # a FIFO or a device would block or never end
                data = handle.read()
            warnings, unread = diagnose(path, data)
        except OSError as error:
            _fail_line(path, error.strerror or str(error))
            failed = True
            continue
        except Exception as error:  # one line per file, never a traceback
            reason = getattr(error, "reason", None) or f"{type(error).__name__}: {error}"
            _fail_line(path, " ".join(str(reason).split()))
            failed = True
            continue
        click.echo(render_diagnosis(printable_path(path), warnings, unread))
    if failed:
        sys.exit(1)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the output contract.

    Example: referat schema > document.schema.json
    """
    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@main.command(name="eval")
@click.option(
    "--gold",
    "gold_dir",
    default="gold",
    show_default=True,
    type=click.Path(exists=True, file_okay=False),
    help="Folder of gold JSON files.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--show-errors", is_flag=True, help="List the facts that were missed or extra.")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=str))
def evaluate(gold_dir: str, as_json: bool, show_errors: bool, files: tuple[str, ...]) -> None:
    """Score extraction of FILES against gold: precision, recall, F1 per field.

    A file is paired with the gold file whose "source" has the same file name.
    Without FILES, every gold source that exists on this machine is scored.

    Example: referat eval --gold gold/ ../shared/seeds/*.txt corpus/*.pdf
    """
    from referat.evaluation import Report, format_report, gold_sources, load_gold, report_as_dict, score_document

    gold = load_gold(gold_dir)
    if not files:
        files = tuple(gold_sources(gold_dir, gold))
        if not files:
            raise click.UsageError("no FILES given and no gold source exists here")
    total = Report()
    failed = 0
    for path in files:
        entry = gold.get(os.path.basename(path))
        if entry is None:
            _fail_line(path, "no gold file for it (skipped)")
            continue
        document, reason = extract_or_reason(path)
        if document is None:
            failed += 1
            _fail_line(path, reason or "unknown error")
            continue
        total.add(score_document(entry["document"], document.model_dump(mode="json"), os.path.basename(path)))
    if as_json:
        click.echo(json.dumps(report_as_dict(total), ensure_ascii=False, indent=2))
    else:
        click.echo(f"{len(total.files)} file(s) scored against {gold_dir}")
        click.echo(format_report(total))
        if show_errors and total.mismatches:
            click.echo("\n".join(total.mismatches))
    if failed:
        sys.exit(1)


# -- the archive ----------------------------------------------------------------------


def _echo_json(payload: object) -> None:
    click.echo(json.dumps(payload, ensure_ascii=False, indent=2))


@main.command(name="import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))
@archive_option
@click.option(
    "--workers", type=click.IntRange(min=1), default=None, help="Worker processes [default: number of cores]."
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=120.0,
    show_default=True,
    help="Seconds one file may take.",
)
@click.option(
    "--max-memory",
    type=click.IntRange(min=512),
    default=2048,
    show_default=True,
    help="Memory ceiling (address space) of a worker, MB;"
    " a worker with the NLP pipeline loaded takes ~320 MB before it reads a file.",
)
@click.option(
    "--include-closed",
    is_flag=True,
    help="Store closed items (Fortrolig, Lukket) whole; by default only their number, title and decision outcome.",
)
@click.option("--keep-personal-data", is_flag=True, help="Keep CPR numbers (they are redacted by default).")
@click.option(
    "--reextract",
    is_flag=True,
    help="Extract again, and replace, stored files that an older version of referat extracted (after an upgrade).",
)
@click.option(
    "--follow-symlinks",
    is_flag=True,
    help="Follow symbolic links that lead out of the named folders (by default they are refused).",
)
@OCR_OPTION
@CLUSTER_OPTION
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line.")
def import_command(paths: tuple[str, ...], archive_path: str, max_memory: int, quiet: bool, **options: Any) -> None:
    """Import PATHS (files, or folders walked for PDF, DOCX and text) into the archive.

    Files already in the archive (same sha256) are skipped, changed files replace their
    old version; each failure is one line on stderr and a row in import_errors. Run the
    same command again after an interruption to resume. Exit 1 when any file failed.
    A stored file asked for with the other --include-closed or --keep-personal-data
    choice is extracted again and replaced, and with --reextract so is one an older
    referat extracted (an interrupted --reextract run resumes like any other).

    With --cluster the files are extracted on a Dask cluster's workers (their bytes are
    sent to them) and stored by this process, with the same limits, dedupe and resume.

    Example: referat import corpus/ --archive referat.db
    """
    from referat.archive.cluster import ClusterError
    from referat.archive.importer import import_paths
    from referat.archive.pg_connection import shown_url
    from referat.terminal import ImportProgress, display_path

    if options["cluster"] and options["workers"]:
        raise click.UsageError("--workers is for the local worker processes; with --cluster the cluster has its own")
    with _open(archive_path, create=True) as archive, ImportProgress(enabled=False if quiet else None) as progress:
        # The other options (--workers, --timeout, --include-closed, ...) are import_paths' parameters.
        try:
            summary = import_paths(archive, list(paths), max_memory_mb=max_memory, progress=progress, **options)
        except ClusterError as error:
            raise click.ClickException(str(error)) from None
    for path, reason in summary.failures:
        _fail_line(display_path(path), reason)
    if not quiet:
        click.echo(f"{summary.line()} → {shown_url(archive_path)}")
    if summary.interrupted:
        sys.exit(130)
    if summary.failed:
        sys.exit(1)


@main.command()
@archive_option
@click.option("--run", "run_id", type=int, default=None, help="The import run [default: the latest].")
@json_option
def report(archive_path: str, run_id: int | None, as_json: bool) -> None:
    """List what an import run could not read (failures) and what it did not understand in the
    files it stored (warnings: no text, no meeting, no items, no date, scanned pages …)."""
    from referat.terminal import format_run_report

    with _open(archive_path) as archive:
        found = archive.run_report(run_id)
    if as_json:
        _echo_json(found)
    else:
        click.echo(format_run_report(found))


@main.command()
@click.argument("query")
@archive_option
@search_filter_options
@click.option("--limit", type=click.IntRange(1, 10000), default=20, show_default=True)
@click.option(
    "--facets",
    is_flag=True,
    help="Also count the matches by body, year, section, meeting kind, decided, amount and actor"
    " (estimated from a sample past 2 000 matching passages).",
)
@click.option(
    "--sort",
    type=click.Choice(["relevance", "date"]),
    default="relevance",
    show_default=True,
    help="relevance: best first (bm25); date: newest meeting first.",
)
@public_option
@json_option
@click.option("--csv", "as_csv", is_flag=True, help="Print the hits as CSV.")
def search(
    query: str, archive_path: str, limit: int, facets: bool, sort: str, as_json: bool, as_csv: bool, **filters: Any
) -> None:
    """Search the archive in Danish: every word must match, as written, by stem or inside a compound.

    \b
    Also:  "taget til efterretning"  the words together, in this order
           kræft OR psykiatri        either (OR in capitals)
           -budget                   no item that says it
           psyk*                     words (and compound parts) that begin so
    A word the archive does not hold gets a "did you mean".

    Example: referat search "aftale psykiatri -budget" --from 2025 --section decision --facets
    """
    from referat.archive import SearchFilters, SearchHit
    from referat.terminal import render_search, write_csv

    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    with _open(archive_path) as archive:  # the filter options are SearchFilters' fields
        result = archive.search(
            query,
            filters=SearchFilters(**filters),
            limit=limit,
            facets=facets or as_json,
            sort="date" if sort == "date" else "relevance",  # (click has checked it is one of them)
        )
    if as_json:
        _echo_json(result.as_dict())
    elif as_csv:
        write_csv(sys.stdout, result.as_dict()["hits"], columns=[field.name for field in fields(SearchHit)])
    else:
        bold = (lambda text: click.style(text, bold=True, fg="yellow")) if highlighting() else None
        click.echo(render_search(result, bold=bold))


@main.command(name="who-said")
@click.argument("actor")
@archive_option
@click.option("--about", help="Only statements (or items) matching this query.")
@date_options
@public_option
@json_option
def who_said(actor: str, archive_path: str, about: str | None, date_from, date_to, public: bool, as_json: bool) -> None:
    """What ACTOR said and which positions it took, meeting by meeting.

    ACTOR may be an abbreviation (KL, DR, SDS, ISM), the full name, or a near miss.

    Example: referat who-said KL --about "sundhedsreform" --from 2024
    """
    from referat.terminal import render_statements

    with _open(archive_path) as archive:
        canonical, rows = archive.statements_by(actor, about=about, date_from=date_from, date_to=date_to, public=public)
    if as_json:
        _echo_json({"actor": canonical, "statements": rows})
    else:
        click.echo(render_statements(canonical, rows))


@main.command()
@archive_option
@public_option
@json_option
@click.option("--roles", is_flag=True, help="List the role nouns and pronouns no document resolved instead.")
def actors(archive_path: str, public: bool, as_json: bool, roles: bool) -> None:
    """List the canonical actors with their numbers of statements, positions and meetings.
    Role nouns ("Udvalget", "Formanden") count only where the document said who they are.

    Example: referat actors --json
    """
    from referat.terminal import render_actors

    with _open(archive_path) as archive:
        rows = archive.actors(public=public, roles=roles)
    click.echo(json.dumps({"actors": rows}, ensure_ascii=False, indent=2) if as_json else render_actors(rows))


@main.command()
@archive_option
@click.option(
    "--min",
    "minimum",
    callback=parsed("parse_amount"),
    metavar="AMOUNT",
    help="At least AMOUNT kr. (100mio, '1,5 mia.', 75.000).",
)
@click.option("--max", "maximum", callback=parsed("parse_amount"), metavar="AMOUNT", help="At most AMOUNT kr.")
@click.option(
    "--year", type=click.IntRange(1900, 2100), help="Amounts for this year (as the text says: '… mio. kr. i 2026')."
)
@click.option("--about", help="Only items matching this search query.")
@click.option("--body", help="Only meetings of a body named by any of its spellings (as search --body).")
@date_options
@click.option("--decided", is_flag=True, help="Only items with a decision.")
@click.option("--limit", type=click.IntRange(1, 100000), default=50, show_default=True)
@public_option
@json_option
def amounts(archive_path: str, limit: int, as_json: bool, **filters: Any) -> None:
    """Amounts of money in the archive's items, largest first.

    Example: referat amounts --min 100mio --decided   (all decisions with an amount over 100 mio. kr.)
    """
    from referat.archive import AmountFilters
    from referat.terminal import render_amounts

    with _open(archive_path) as archive:  # the filter options are AmountFilters' fields
        rows = archive.amounts(AmountFilters(**filters), limit=limit)
    click.echo(json.dumps({"amounts": rows}, ensure_ascii=False, indent=2) if as_json else render_amounts(rows))


@main.command()
@click.argument("item_id")
@archive_option
@public_option
@json_option
def show(item_id: str, archive_path: str, public: bool, as_json: bool) -> None:
    """Show one item in full: its meeting, sections, decisions and statements.

    ITEM-ID is the key search prints after `referat show`.

    Example: referat show 3f2a9c1b7d4e-1-102
    """
    from referat.terminal import render_item

    with _open(archive_path) as archive:
        item = archive.item(item_id, public=public)
    if item is None:
        raise click.ClickException(f"{archive_path}: no item '{item_id}' (search prints the keys)")
    click.echo(json.dumps(item, ensure_ascii=False, indent=2) if as_json else render_item(item))


@main.command()
@archive_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one Document per line; csv: one row per item.",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=str), help="Write to this file instead of stdout."
)
@public_option
def export(archive_path: str, fmt: str, output: str | None, public: bool) -> None:
    """Export the archive: every Document as JSON Lines, or every item as a CSV row.

    Example: referat export --format csv -o items.csv
    """
    from referat.archive import ArchiveError, refuse_archive_as_output
    from referat.terminal import OutputError, output_file, write_csv, write_jsonl

    try:
        if output:  # before the archive is opened: -o self.db would replace it by the export
            refuse_archive_as_output(output, archive_path)
        with _open(archive_path) as archive, output_file(output) as handle:
            if fmt == "jsonl":
                write_jsonl(handle, archive.export("documents", public=public))
            else:
                write_csv(handle, archive.export("items", public=public))
    except (ArchiveError, OutputError) as error:
        raise click.ClickException(str(error)) from None


main.add_command(watch)  # saved searches and alerts: cli_watch.py

if __name__ == "__main__":
    main()
