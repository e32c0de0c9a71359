"""The command line: JSON out, one clear line per bad file, exit codes 0/1/2."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import zipfile

import pytest
from builders import make_pdf, paragraph
from click.testing import CliRunner

from referat.cli import main
from referat.models import Document

MINUTES = "Referat\nMødedato\n26. februar 2026\nPunkt 1 Velkomst\nReferat\nFormanden bød velkommen.\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_extract_prints_a_valid_document(runner, tmp_path):
    source = tmp_path / "møde referat.txt"  # spaces and æøå in the name
    source.write_text(MINUTES, encoding="utf-8")
    result = runner.invoke(main, ["extract", str(source)])
    assert result.exit_code == 0, result.output
    document = Document.model_validate_json(result.stdout)
    assert document.meetings[0].date == "2026-02-26"
    assert document.meetings[0].items[0].sections[0].kind == "minutes"
    assert document.source.sha256 and document.source.pages == 1


def test_extract_several_files_prints_json_lines_and_writes_files_with_o(runner, tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(MINUTES, encoding="utf-8")
    second.write_text(MINUTES.replace("Velkomst", "Eventuelt"), encoding="utf-8")
    result = runner.invoke(main, ["extract", str(first), str(second)])
    lines = result.stdout.strip().splitlines()
    assert [json.loads(line)["meetings"][0]["items"][0]["title"] for line in lines] == ["Velkomst", "Eventuelt"]
    out = tmp_path / "out"
    assert runner.invoke(main, ["extract", str(first), str(second), "-o", str(out)]).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json"]


def test_schema_is_a_json_schema_of_the_contract(runner):
    schema = json.loads(runner.invoke(main, ["schema"]).output)
    assert schema["title"] == "referat Document"
    assert {"schema_version", "source", "meetings", "attachments", "warnings"} <= set(schema["properties"])
    assert "Item" in schema["$defs"] and "recommendations" in schema["$defs"]["Item"]["properties"]


def _bad_files(tmp_path):
    good_pdf = make_pdf(
        tmp_path / "good.pdf", [[(72, 100, "Punkt 1 Velkomst"), (72, 120, "Referat"), (72, 140, "Alle bød velkommen.")]]
    )
    data = good_pdf.read_bytes()
    files = {
        "empty.pdf": (b"", "empty file (0 bytes)"),
        "random.pdf": (bytes(range(256)) * 8, "not a PDF"),
        "truncated.pdf": (data[: len(data) // 3], "PDF"),
        "notazip.docx": (b"PK\x03\x04 this is not really a zip", "not a DOCX"),
        "legacy.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "legacy Word .doc"),
    }
    encrypted = make_pdf(tmp_path / "enc-src.pdf", [[(72, 100, "Hemmeligt")]], encrypt="hemmelig")
    files["encrypted.pdf"] = (encrypted.read_bytes(), "encrypted PDF")
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + paragraph("&x;")
        + "</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", xxe)
    files["xxe.docx"] = (buffer.getvalue(), "declares a DTD or entities")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b" " * (70 * 1024 * 1024))
    files["bomb.docx"] = (bomb.getvalue(), "unpacks to")
    paths = {}
    for name, (content, reason) in files.items():
        path = tmp_path / name
        path.write_bytes(content)
        paths[name] = (path, reason)
    return good_pdf, paths


def test_bad_inputs_get_one_line_each_and_the_good_file_is_still_extracted(runner, tmp_path):
    good, bad = _bad_files(tmp_path)
    arguments = ["extract", "-o", str(tmp_path / "out")] + [str(p) for p, _ in bad.values()] + [str(good)]
    result = runner.invoke(main, arguments)
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    # One line per bad file; the good file's warnings (what was not understood) are marked so.
    errors = [line for line in result.stderr.strip().splitlines() if ": warning: " not in line]
    assert len(errors) == len(bad)
    for (path, reason), line in zip(bad.values(), errors, strict=True):
        assert line.startswith(f"referat: {path}: "), line
        assert reason in line, line
        assert "Traceback" not in line
    assert (tmp_path / "out" / "good.json").exists()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.json"]


def test_xxe_payload_never_reaches_the_output(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("HEMMELIG-NØGLE", encoding="utf-8")
    document = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + paragraph("Punkt 1 &x;")
        + "</w:body></w:document>"
    )
    path = tmp_path / "x.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", document)
    result = subprocess.run([sys.executable, "-m", "referat", "extract", str(path)], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "HEMMELIG" not in result.stderr
    assert result.stderr.count("\n") == 1 and "x.docx" in result.stderr


def test_missing_file_and_usage_errors(runner, tmp_path):
    result = runner.invoke(main, ["extract", str(tmp_path / "nope.pdf")])
    assert result.exit_code == 1 and "no such file" in result.stderr
    assert runner.invoke(main, ["extract"]).exit_code == 2
    assert runner.invoke(main, ["extract", "--no-such-flag", "x"]).exit_code == 2


def test_every_command_has_an_example_in_its_help(runner):
    for command in ("extract", "schema", "eval"):
        assert "Example:" in runner.invoke(main, [command, "--help"]).output


@pytest.mark.parametrize("width", [50, 100])
def test_help_lists_every_command_with_its_whole_first_sentence(width):
    # click cuts a command's summary at about 45 characters with "..."; ours wraps it.
    result = CliRunner().invoke(main, ["--help"], terminal_width=width)
    assert result.exit_code == 0
    listing = result.output.split("Commands:")[1]
    assert "..." not in listing
    assert all(len(line) <= width for line in result.output.splitlines())
    joined = " ".join(listing.split())
    assert (
        "doctor Say what referat did not understand in FILES: missing facts (no items, no date, no body) and"
        " the heading-like lines its grammar did not recognise, with their pages." in joined
    )
    assert "search Search the archive in Danish: every word must match, as written, by stem or inside a compound." in (
        joined
    )


@pytest.mark.slow  # ~2.5 s: an import and two processes
def test_search_colours_its_hits_on_a_terminal_unless_no_color_is_set(tmp_path):
    # A terminal on stdout (a pseudo-terminal), as a user at a shell has it.
    import os
    import pty

    archive = tmp_path / "a.db"
    minutes = tmp_path / "m.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    assert CliRunner().invoke(main, ["import", str(minutes), "--archive", str(archive), "-q"]).exit_code == 0

    def search_on_a_terminal(**environment: str) -> str:
        leader, follower = pty.openpty()
        env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"} | environment
        command = [sys.executable, "-m", "referat", "search", "velkommen", "--archive", str(archive)]
        completed = subprocess.run(command, stdout=follower, stderr=subprocess.PIPE, env=env, timeout=60)
        os.close(follower)
        output = b""
        with contextlib.suppress(OSError):  # the pty reports EIO once drained
            while chunk := os.read(leader, 4096):
                output += chunk
        os.close(leader)
        assert completed.returncode == 0, completed.stderr
        return output.decode()

    assert "\x1b[" in search_on_a_terminal()
    plain = search_on_a_terminal(NO_COLOR="1")
    assert "\x1b[" not in plain and "«velkommen»" in plain
