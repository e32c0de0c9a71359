"""The options several ``referat`` commands share (archive, output, dates, OCR), kept apart
from cli.py so that the command module stays a list of thin commands."""

from __future__ import annotations

import contextlib
import os
import sys
import typing
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import click

from referat.extract.pipeline import printable_path
from referat.extract.readers.ocr import OCR_MODES
from referat.models.document import MeetingKind, SectionKind

if TYPE_CHECKING:
    from referat.archive import SQLiteArchive


class WholeHelpGroup(click.Group):
    """A command group whose ``--help`` lists each command with its whole first sentence,
    wrapped to the terminal's width (click cuts it at about 45 characters with "...")."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit=10_000)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def highlighting() -> bool:
    """Whether to colour what a command prints: stdout is a terminal and NO_COLOR is not set
    (https://no-color.org: any value but the empty string turns colour off)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


OCR_OPTION = click.option(
    "--ocr",
    type=click.Choice(OCR_MODES),
    default="auto",
    show_default=True,
    help="Read scanned PDF pages with Tesseract: auto (pages without a text layer), always, never.",
)


def _cluster_address(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """--cluster's value checked before anything is opened: its form, and that Dask is
    installed (without it, one line and exit 2: a missing extra is a usage error)."""
    if value is None:
        return None
    from referat.archive.cluster import MISSING_EXTRA, cluster_available, parse_cluster

    try:
        parse_cluster(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None
    if not cluster_available():
        click.echo(f"referat: {MISSING_EXTRA}", err=True)
        ctx.exit(2)
    return value


CLUSTER_OPTION = click.option(
    "--cluster",
    metavar="ADDRESS",
    callback=_cluster_address,
    help="Extract on a Dask cluster: a scheduler's address (tcp://host:8786), or local:N for N worker processes"
    " here; this process stores what they send back. Needs the cluster extra: pip install 'referat[cluster]'.",
)


def ocr_progress(path: str) -> Callable[[int, int], None] | None:
    """Tell a person at a terminal which page of a long scan is being read (OCR takes seconds a page)."""
    if not sys.stderr.isatty():
        return None

    def show(page: int, pages: int) -> None:
        end = "\n" if page == pages else "\r"
        click.echo(f"referat: {printable_path(path)}: OCR page {page}/{pages}", err=True, nl=False)
        click.echo(end, err=True, nl=False)

    return show


SECTION_CHOICES = list(dict.fromkeys([*typing.get_args(SectionKind), "title", "text", "statement", "position"]))

archive_option = click.option(
    "--archive",
    "archive_path",
    default="referat.db",
    show_default=True,
    envvar="REFERAT_ARCHIVE",
    type=click.Path(dir_okay=False, path_type=str),
    help="The archive file, or a PostgreSQL database as postgresql://… (or set REFERAT_ARCHIVE).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON.")
public_option = click.option(
    "--public",
    is_flag=True,
    help="Show nothing of closed items but their number, title and decision outcome"
    " (also if imported with --include-closed).",
)


def parsed(parser: str, **options: Any) -> Callable[[click.Context, click.Parameter, str | None], Any]:
    """A callback that reads an option's value with ``referat.archive.<parser>`` (imported
    only when used); its ValueError, one sentence, becomes the usage error."""

    def convert(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Any:
        import referat.archive

        try:
            return None if value is None else getattr(referat.archive, parser)(value, **options)
        except ValueError as error:
            raise click.BadParameter(str(error)) from None

    return convert


def date_options(command: Callable[..., None]) -> Callable[..., None]:
    """--from and --to DATE: meetings on or after, on or before a day (YYYY, YYYY-MM or YYYY-MM-DD)."""
    for flag, name, end, when in (
        ("--to", "date_to", True, "on or before"),
        ("--from", "date_from", False, "on or after"),
    ):
        command = click.option(
            flag,
            name,
            callback=parsed("date_bound", end=end),
            metavar="DATE",
            help=f"Meetings {when} DATE (YYYY, YYYY-MM or YYYY-MM-DD).",
        )(command)
    return command


@contextlib.contextmanager
def archive_session(archive_path: str, create: bool = False, write: bool = False) -> Iterator[SQLiteArchive]:
    """The archive for one command, read-only unless it may be created (import) or is
    written (``write``: saved searches); an ArchiveError (a sentence the user can act on)
    or an error of the storage (full, read-only, busy, damaged), while opening it or
    after, becomes the command's one-line error."""
    import sqlite3

    from referat.archive import ArchiveError, open_archive
    from referat.archive.core import storage_error
    from referat.archive.pg_connection import is_postgres_error, shown_url

    try:
        with open_archive(
            archive_path,
            create=create,
            notice=lambda text: click.echo(f"referat: {text}", err=True),
            readonly=not (create or write),
        ) as archive:
            yield archive
    except ArchiveError as error:
        raise click.ClickException(str(error)) from None
    except sqlite3.Error as error:
        raise click.ClickException(str(storage_error(archive_path, error))) from None
    except Exception as error:
        if not is_postgres_error(error):
            raise
        # (the server's message, on one line: no such database, connection lost, disk full …)
        raise click.ClickException(f"{shown_url(archive_path)}: {' '.join(str(error).split())}") from None


def search_filter_options(command: Callable[..., None]) -> Callable[..., None]:
    """--body, --actor, --from/--to, --section, --kind, --decided and --with-amount: the
    fields of SearchFilters (``search`` and ``watch add``)."""
    command = click.option(
        "--with-amount/--without-amount",
        "amount",
        default=None,
        help="Only items that name an amount of money (or only items that name none).",
    )(command)
    command = click.option(
        "--decided/--undecided",
        default=None,
        help="Only items with a decision (or only items without one).",
    )(command)
    command = click.option(
        "--kind", type=click.Choice(list(typing.get_args(MeetingKind))), help="Only this kind of meeting document."
    )(command)
    command = click.option("--section", type=click.Choice(SECTION_CHOICES), help="Only this kind of passage.")(command)
    command = date_options(command)
    command = click.option("--actor", help="Only items where this actor has a statement or position (alias or name).")(
        command
    )
    return click.option(
        "--body", help="Only meetings of a body named by any of its spellings, or with its organisation."
    )(command)
