"""The ``referat`` command: thin click wrappers over library functions.

Exit codes: 0 all files done, 1 some file failed (each failure is one line on stderr
naming the file and the reason), 2 usage errors.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Optional

import click

from referat import __version__
from referat.extract import ExtractionError, extract_file
from referat.models import Document, json_schema


def _fail_line(path: str, reason: str) -> None:
    click.echo(f"referat: {path}: {reason}", err=True)


def extract_one(path: str) -> tuple[Optional[Document], Optional[str]]:
    """Extract one file; any failure becomes a one-line reason, never a traceback."""
    try:
        return extract_file(path), None
    except ExtractionError as error:
        return None, error.reason
    except MemoryError:
        return None, "ran out of memory while reading"
    except RecursionError:
        return None, "structure too deeply nested to read"
    except Exception as error:  # a reader bug must not stop the other files
        return None, f"internal error while reading ({type(error).__name__}: {error})"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="referat")
def main() -> None:
    """Danish meeting agendas and minutes → structured, validated JSON.

    Example: referat extract corpus/kommune-edoc-referat.pdf
    """


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=str))
@click.option("-o", "--output-dir", type=click.Path(file_okay=False, path_type=str), help="Write <name>.json per file here instead of printing.")
@click.option("--indent", type=int, default=None, help="Indent JSON (one file to stdout is indented by 2 by default).")
def extract(files: tuple[str, ...], output_dir: Optional[str], indent: Optional[int]) -> None:
    """Extract meetings, items and sections from FILES (PDF, DOCX, TXT).

    One file prints one Document JSON; several print JSON Lines. Files that fail are
    reported on stderr, one line each, and the others are still processed.

    Example: referat extract corpus/sst-taskforce-referat.pdf -o out/
    """
    failed = 0
    if output_dir:
        os.makedirs(output_dir, exist_ok=True)
    for path in files:
        document, reason = extract_one(path)
        if document is None:
            failed += 1
            _fail_line(path, reason or "unknown error")
            continue
        payload = document.model_dump(mode="json")
        if output_dir:
            name = os.path.splitext(os.path.basename(path))[0] + ".json"
            target = os.path.join(output_dir, name)
            temporary = target + ".part"
            # Write then rename: a crash never leaves a half-written JSON behind.
            with open(temporary, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, ensure_ascii=False, indent=2)
            os.replace(temporary, target)
        else:
            use_indent = indent if indent is not None else (2 if len(files) == 1 else None)
            click.echo(json.dumps(payload, ensure_ascii=False, indent=use_indent))
    if failed:
        sys.exit(1)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the output contract.

    Example: referat schema > document.schema.json
    """
    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@main.command(name="eval")
@click.option("--gold", "gold_dir", default="gold", show_default=True, type=click.Path(exists=True, file_okay=False), help="Folder of gold JSON files.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--show-errors", is_flag=True, help="List the facts that were missed or extra.")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=str))
def evaluate(gold_dir: str, as_json: bool, show_errors: bool, files: tuple[str, ...]) -> None:
    """Score extraction of FILES against gold: precision, recall, F1 per field.

    A file is paired with the gold file whose "source" has the same file name.
    Without FILES, every gold source that exists on this machine is scored.

    Example: referat eval --gold gold/ ../shared/seeds/*.txt corpus/*.pdf
    """
    from referat.evaluation import Report, format_report, load_gold, report_as_dict, score_document

    gold = load_gold(gold_dir)
    if not files:
        files = tuple(
            path for path in (os.path.normpath(os.path.join(os.path.dirname(gold_dir.rstrip("/")) or ".", g["source"])) for g in gold.values())
            if os.path.exists(path)
        )
        if not files:
            raise click.UsageError("no FILES given and no gold source exists here")
    total = Report()
    failed = 0
    for path in files:
        entry = gold.get(os.path.basename(path))
        if entry is None:
            _fail_line(path, "no gold file for it (skipped)")
            continue
        document, reason = extract_one(path)
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


if __name__ == "__main__":
    main()
