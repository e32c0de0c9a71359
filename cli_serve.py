"""``referat serve``: the archive as a local web application (referat.web), in a module of
its own so that the command list in cli.py stays short; cli.py adds it to ``referat``."""

from __future__ import annotations

import click

from referat.cli_options import archive_option, public_option


@click.command()
@archive_option
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Listen on this address (127.0.0.1: this machine only)."
)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Listen on this port.")
@public_option
def serve(archive_path: str, host: str, port: int, public: bool) -> None:
    """Serve the archive as a local web application (search with facets, items, meetings,
    bodies, actors, amounts, the source files), in Danish, read-only. Needs the web extra:
    pip install 'referat[web]'.

    Example: referat serve --archive referat.db --port 8000
    """
    import sqlite3

    from referat.archive import ArchiveError
    from referat.archive.core import storage_error

    try:
        import uvicorn

        from referat.web.app import create_app
    except ImportError as error:
        raise click.ClickException(
            f"referat serve needs the web extra ({error.name} is not installed): pip install 'referat[web]'"
        ) from None
    try:
        app = create_app(archive_path, public=public, notice=lambda text: click.echo(f"referat: {text}", err=True))
    except ArchiveError as error:
        raise click.ClickException(str(error)) from None
    except sqlite3.Error as error:
        raise click.ClickException(str(storage_error(archive_path, error))) from None
    click.echo(f"referat: serving {archive_path} at http://{host}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
