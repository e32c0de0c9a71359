"""``referat watch``: saved searches and alerts, thin commands over archive/watches.py."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from referat.cli_options import archive_option, archive_session, json_option, public_option, search_filter_options

RUN_HELP = """Print the hits of saved searches that are new since their last run (all of them
without NAME), newest meeting first, for cron.

\b
Exit status: 0  ran, no new hits
             1  new hits (printed, and mailed with --smtp)
             2  error (nothing is recorded as seen)

A hit is new when its document was imported after the watch's last run; importing the
same file again, or extracting it again, does not make it new. The first run reports
everything that matches (see `watch add --since`); a run reports at most --limit hits
and the next run the rest. Hits are recorded as seen only once they are printed (and
mailed).

Example: referat watch run --smtp localhost:25 --mail-to analyst@example.org
"""


@click.group(short_help="Saved searches and their alerts (cron, mail).")
def watch() -> None:
    """Saved searches: `add` one, `run` them from cron to be told of new hits (by mail too).

    Example: referat watch add ventetider "ventetid* psykiatri" --from 2023
    """


@watch.command(short_help="Save a search with its filters.")
@click.argument("name")
@click.argument("query")
@archive_option
@search_filter_options
@public_option
@click.option(
    "--since",
    metavar="DATE|now",
    help="The first run reports only documents imported on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD),"
    " or after now [default: all that match].",
)
def add(name: str, query: str, archive_path: str, since: str | None, **filters: Any) -> None:
    """Save QUERY, with the filters of `referat search`, as the watch NAME.

    Example: referat watch add regioner "Danske Regioner" --section statement --since now
    """
    from referat.archive import SearchFilters

    with archive_session(archive_path, write=True) as archive:  # the filter options are SearchFilters' fields
        saved = archive.add_watch(name, query, SearchFilters(**filters), since=since)
    click.echo(f"saved watch '{saved.name}': {saved.query}")


@watch.command(name="list", short_help="List the saved searches.")
@archive_option
@json_option
def list_watches(archive_path: str, as_json: bool) -> None:
    """List the saved searches with their filters and last runs.

    Example: referat watch list --json
    """
    from referat.terminal import render_watches

    with archive_session(archive_path) as archive:
        found = archive.watches()
    if as_json:
        click.echo(json.dumps({"watches": [w.as_dict() for w in found]}, ensure_ascii=False, indent=2))
    else:
        click.echo(render_watches(found))


@watch.command(short_help="Forget a saved search.")
@click.argument("name")
@archive_option
def remove(name: str, archive_path: str) -> None:
    """Forget the saved search NAME.

    Example: referat watch remove ventetider
    """
    with archive_session(archive_path, write=True) as archive:
        archive.remove_watch(name)
    click.echo(f"removed watch '{name}'")


@watch.command(help=RUN_HELP, short_help="Print (and mail) the new hits; exit 0 none, 1 new, 2 error.")
@click.argument("name", required=False)
@archive_option
@click.option("--limit", type=click.IntRange(1, 10000), default=1000, show_default=True, help="Most new hits a run.")
@json_option
@click.option("--smtp", metavar="HOST:PORT", help="Also mail the new hits through this SMTP server.")
@click.option("--mail-to", multiple=True, metavar="ADDRESS", help="Whom to mail (repeat for several).")
@click.option("--mail-from", default="referat@localhost", show_default=True, metavar="ADDRESS")
def run(
    name: str | None,
    archive_path: str,
    limit: int,
    as_json: bool,
    smtp: str | None,
    mail_to: tuple[str, ...],
    mail_from: str,
) -> None:
    from referat.archive.watches import send_mail
    from referat.terminal import render_watch_runs

    if bool(smtp) != bool(mail_to):
        raise click.UsageError("--smtp and --mail-to go together")
    try:
        with archive_session(archive_path, write=True) as archive:
            names = [name] if name else [saved.name for saved in archive.watches()]
            runs = [archive.new_watch_hits(each, limit=limit) for each in names]
            fresh = sum(len(found.hits) for found in runs)
            text = render_watch_runs(runs)
            if as_json:
                click.echo(json.dumps({"watches": [found.as_dict() for found in runs]}, ensure_ascii=False, indent=2))
            else:
                click.echo(text)
            if smtp and fresh:
                named = ", ".join(found.watch.name for found in runs if found.hits)
                subject = f"referat: {fresh} new hit(s) in {named}"
                send_mail(smtp, mail_from, list(mail_to), subject, text)
            for found in runs:  # delivered: recorded as seen
                archive.mark_watch_run(found)
    except click.ClickException as error:  # (archive_session's one-line errors) an error is 2, for cron
        error.show()
        sys.exit(2)
    sys.exit(1 if fresh else 0)
