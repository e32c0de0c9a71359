"""Saved searches on a real archive, SQLite and PostgreSQL: `referat watch run` reports exactly the hits that
are new since its last run (by import time: a file imported again, or extracted again,
does not alert twice), its exit codes for cron, the Atom feed, and mail through a local
SMTP server the test starts."""

from __future__ import annotations

import email
import json
import socketserver
import threading
from email import policy
from itertools import count

import pytest
from archive_documents import document, execute, is_postgresql, item
from click.testing import CliRunner
from lxml import etree

from referat.archive import ArchiveError, SearchFilters, open_archive, pg_store
from referat.archive import write as write_module
from referat.cli import main

# Minutes of one regional committee, one meeting per document.
MARCH = document(
    "psu-2025-03.txt",
    "Psykiatriudvalget",
    "2025-03-04",
    [
        item("1", "Ventetider i børne- og ungdomspsykiatrien", [("summary", "Ventetiderne er faldet til 38 dage.")]),
        item("2", "Ventetider på udredning", [("decision", "Ventetiden for udredning følges hvert kvartal.")]),
        item("3", "Budget 2026", [("recommendation", "Det indstilles, at budgettet godkendes.")]),
    ],
)
JUNE = document(
    "psu-2025-06.txt",
    "Psykiatriudvalget",
    "2025-06-10",
    [
        item("1", "Status på ventetider", [("minutes", "Ventetiderne steg i maj; regionen ansætter flere.")]),
        item("2", "Sengepladser", [("background", "Fire nye sengepladser åbner i august.")]),
    ],
)
# The March file published again with a corrected text: new bytes at the same path.
MARCH_CORRECTED = document(
    "psu-2025-03.txt",
    "Psykiatriudvalget",
    "2025-03-04",
    [
        item("1", "Ventetider i børne- og ungdomspsykiatrien", [("summary", "Ventetiderne er faldet til 36 dage.")]),
        item("3", "Budget 2026", [("recommendation", "Det indstilles, at budgettet godkendes.")]),
    ],
)


@pytest.fixture
def clock(monkeypatch):
    """Import times one second apart, or all the same (``clock.frozen = True``): tests must
    not depend on the wall clock's seconds."""

    class Clock:
        frozen = False
        ticks = count()

        def __call__(self) -> str:
            second = 0 if self.frozen else next(self.ticks)
            return f"2026-01-05T10:{second // 60:02d}:{second % 60:02d}+00:00"

    fake = Clock()
    monkeypatch.setattr(write_module, "now", fake)
    monkeypatch.setattr(pg_store, "now", fake)
    return fake


@pytest.fixture
def archive_path(new_archive):
    """A new, empty archive on each backend."""
    with open_archive(new_archive):
        pass
    return new_archive


def store(path: str, doc, **options) -> str:
    with open_archive(path) as archive:
        return archive.store_document(doc, **options)


def run(path: str, *args: str):
    return CliRunner().invoke(main, ["watch", "run", *args, "--archive", path])


def new_titles(path: str, name: str = "ventetider") -> list[str]:
    result = run(path, name, "--json")
    assert result.exit_code in (0, 1), result.output
    payload = json.loads(result.output)
    titles = [hit["title"] for watch in payload["watches"] for hit in watch["new"]]
    assert result.exit_code == (1 if titles else 0)
    return titles


def test_watch_run_reports_exactly_the_hits_new_since_its_last_run(archive_path, clock):
    add = CliRunner().invoke(main, ["watch", "add", "ventetider", "ventetid*", "--archive", archive_path])
    assert add.exit_code == 0 and "saved watch 'ventetider'" in add.output
    assert new_titles(archive_path) == []  # an empty archive
    assert store(archive_path, MARCH) == "imported"
    # the first run reports everything that matches; newest meeting first
    assert sorted(new_titles(archive_path)) == ["Ventetider i børne- og ungdomspsykiatrien", "Ventetider på udredning"]
    assert new_titles(archive_path) == []
    assert store(archive_path, JUNE) == "imported"
    assert new_titles(archive_path) == ["Status på ventetider"]  # not "Sengepladser", nothing of March
    # the same file again is skipped; extracted again (--reextract) it keeps its import time
    assert store(archive_path, MARCH) == "skipped"
    execute(archive_path, "UPDATE documents SET extracted_by = 'referat 0.1.0'")
    assert store(archive_path, MARCH, reextracted=True) == "replaced"
    assert new_titles(archive_path) == []
    # a file whose content changed is a new document: its matching item is news again
    assert store(archive_path, MARCH_CORRECTED) == "replaced"
    assert new_titles(archive_path) == ["Ventetider i børne- og ungdomspsykiatrien"]
    assert new_titles(archive_path) == []


def test_documents_imported_in_the_same_second_as_the_last_run_are_still_new(archive_path, clock):
    clock.frozen = True  # every document has the same import time
    with open_archive(archive_path) as archive:
        archive.add_watch("ventetider", "ventetider")
        archive.store_document(MARCH)
        first = archive.new_watch_hits("ventetider")
        archive.mark_watch_run(first)
        assert first.seen_until == "2026-01-05T10:00:00+00:00" and len(first.seen_items) == 2
        archive.store_document(JUNE)
        second = archive.new_watch_hits("ventetider")
        assert [hit.title for hit in second.hits] == ["Status på ventetider"]
        # not delivered (not marked): the next run says the same
        assert [hit.title for hit in archive.new_watch_hits("ventetider").hits] == ["Status på ventetider"]
        archive.mark_watch_run(second)
        assert archive.new_watch_hits("ventetider").hits == []


def test_a_run_stopped_at_its_limit_leaves_the_rest_to_the_next(archive_path, clock):
    store(archive_path, MARCH)
    store(archive_path, JUNE)
    with open_archive(archive_path) as archive:
        archive.add_watch("ventetider", "ventetid*")
    reported = []
    for _ in range(3):
        out = run(archive_path, "ventetider", "--limit", "1", "--json")
        assert out.exit_code == 1, out.output
        watch = json.loads(out.output)["watches"][0]
        assert len(watch["new"]) == 1
        reported.append((watch["new"][0]["title"], watch["truncated"]))
    assert reported[0] == ("Status på ventetider", True)  # the newest meeting first
    assert {title for title, _ in reported[1:]} == {
        "Ventetider i børne- og ungdomspsykiatrien",
        "Ventetider på udredning",
    }
    assert [more for _, more in reported[1:]] == [True, False]  # the last run has no more
    assert run(archive_path, "ventetider", "--limit", "1").exit_code == 0
    store(archive_path, MARCH_CORRECTED)
    assert new_titles(archive_path) == ["Ventetider i børne- og ungdomspsykiatrien"]


def test_a_watch_keeps_its_filters_and_since(archive_path, clock):
    store(archive_path, MARCH)
    runner = CliRunner()
    args = ["--archive", archive_path]
    out = runner.invoke(main, ["watch", "add", "besluttet", "ventetid*", "--section", "decision", *args])
    assert out.exit_code == 0, out.output
    assert runner.invoke(main, ["watch", "add", "fra-nu", "ventetid*", "--since", "now", *args]).exit_code == 0
    out = runner.invoke(main, ["watch", "add", "fra-2027", "ventetid*", "--since", "2027", *args])
    assert out.exit_code == 0
    listed = runner.invoke(main, ["watch", "list", *args])
    assert "besluttet: 'ventetid*' --section decision" in listed.output and "last run never" in listed.output
    out = run(archive_path, "--json")
    assert out.exit_code == 1
    new = {watch["name"]: [hit["title"] for hit in watch["new"]] for watch in json.loads(out.output)["watches"]}
    assert new == {"besluttet": ["Ventetider på udredning"], "fra-nu": [], "fra-2027": []}
    assert runner.invoke(main, ["watch", "remove", "fra-2027", *args]).exit_code == 0
    assert [
        watch["name"] for watch in json.loads(runner.invoke(main, ["watch", "list", "--json", *args]).output)["watches"]
    ] == ["besluttet", "fra-nu"]


def test_watch_errors_are_one_line_and_exit_2_for_run(archive_path, clock):
    runner = CliRunner()
    args = ["--archive", archive_path]
    out = run(archive_path, "nothing-saved")
    assert out.exit_code == 2 and out.output.count("\n") == 1 and "no watch named 'nothing-saved'" in out.output
    out = runner.invoke(main, ["watch", "add", "x", '"ventetider', *args])
    assert out.exit_code == 1 and out.output.count("\n") == 1 and "unmatched quote" in out.output
    out = runner.invoke(main, ["watch", "add", "x", "ventetider", "--body", "Byrådet", *args])
    assert out.exit_code == 1 and "no meeting body matching 'Byrådet'" in out.output
    assert runner.invoke(main, ["watch", "add", "x", "ventetider", *args]).exit_code == 0
    out = runner.invoke(main, ["watch", "add", "x", "sengepladser", *args])
    assert out.exit_code == 1 and "there is a watch named 'x' already" in out.output
    out = run(archive_path, "x", "--smtp", "localhost:25")
    assert out.exit_code == 2 and "--smtp and --mail-to go together" in out.output
    out = run(str(tmp := archive_path + "_missing"), "x")
    reason = "cannot connect to the archive" if is_postgresql(archive_path) else "no archive there"
    assert out.exit_code == 2 and out.output.count("\n") == 1 and f"{tmp}: {reason}" in out.output


class _SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for smtplib: every command is accepted, each message kept."""

    def handle(self) -> None:
        self.wfile.write(b"220 test SMTP\r\n")
        lines: list[bytes] | None = None
        while line := self.rfile.readline():
            if lines is not None:  # inside DATA
                if line.rstrip(b"\r\n") == b".":
                    self.server.messages.append(b"".join(lines))  # type: ignore[attr-defined]
                    lines = None
                    self.wfile.write(b"250 queued\r\n")
                else:
                    lines.append(line[1:] if line.startswith(b"..") else line)
                continue
            verb = line[:4].upper()
            if verb == b"RCPT":
                self.server.recipients.append(line[8:].strip())  # type: ignore[attr-defined]
            if verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            self.wfile.write(b"354 end with .\r\n" if verb == b"DATA" else b"250 ok\r\n")
            lines = [] if verb == b"DATA" else None


@pytest.fixture
def smtp_server():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SMTPHandler)
    server.daemon_threads = True
    server.messages, server.recipients = [], []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_new_hits_are_mailed_once_and_a_failed_mail_records_nothing(archive_path, clock, smtp_server):
    store(archive_path, MARCH)
    with open_archive(archive_path) as archive:
        archive.add_watch("ventetider", "ventetider")
    host, port = smtp_server.server_address
    mail = ["--smtp", f"{host}:{port}", "--mail-to", "analytiker@example.org", "--mail-from", "referat@example.org"]
    out = run(archive_path, *mail)
    assert out.exit_code == 1, out.output
    assert len(smtp_server.messages) == 1 and smtp_server.recipients == [b"<analytiker@example.org>"]
    message = email.message_from_bytes(smtp_server.messages[0], policy=policy.default)
    assert message["Subject"] == "referat: 2 new hit(s) in ventetider"
    assert message["To"] == "analytiker@example.org" and message["From"] == "referat@example.org"
    body = message.get_content()
    assert "== ventetider: 2 new hit(s)" in body and "Ventetider på udredning" in body and "psu-2025-03.txt" in body
    assert run(archive_path, *mail).exit_code == 0 and len(smtp_server.messages) == 1  # nothing new: no mail
    # a server that is not there: exit 2, one line, and the hits stay new for the next run
    store(archive_path, JUNE)
    with socketserver.TCPServer(("127.0.0.1", 0), _SMTPHandler) as closed:
        dead_port = closed.server_address[1]
    out = run(archive_path, "--smtp", f"127.0.0.1:{dead_port}", "--mail-to", "a@example.org")
    assert out.exit_code == 2 and f"could not send the mail through 127.0.0.1:{dead_port}" in out.output
    assert new_titles(archive_path) == ["Status på ventetider"]


# RFC 4287's elements and attributes that a referat feed may use, as RELAX NG (the RFC's
# own schema is in the compact syntax, which lxml does not read). What the RFC says in
# prose is checked below: an entry without content needs an alternate link, a feed
# without authors in every entry needs its own.
ATOM_SUBSET_RNG = """
<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="http://www.w3.org/2005/Atom"
         datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start><ref name="feed"/></start>
  <define name="text">
    <optional><attribute name="type"><choice><value>text</value><value>html</value></choice></attribute></optional>
    <text/>
  </define>
  <define name="person">
    <interleave>
      <element name="name"><text/></element>
      <optional><element name="uri"><data type="anyURI"/></element></optional>
      <optional><element name="email"><text/></element></optional>
    </interleave>
  </define>
  <define name="common">
    <interleave>
    <zeroOrMore><element name="author"><ref name="person"/></element></zeroOrMore>
    <zeroOrMore>
      <element name="category">
        <attribute name="term"/>
        <optional><attribute name="scheme"><data type="anyURI"/></attribute></optional>
        <optional><attribute name="label"/></optional>
      </element>
    </zeroOrMore>
    <element name="id"><data type="anyURI"/></element>
    <zeroOrMore>
      <element name="link">
        <attribute name="href"><data type="anyURI"/></attribute>
        <optional><attribute name="rel"/></optional>
        <optional><attribute name="type"/></optional>
        <optional><attribute name="title"/></optional>
      </element>
    </zeroOrMore>
    <element name="title"><ref name="text"/></element>
    <element name="updated"><data type="dateTime"/></element>
    </interleave>
  </define>
  <define name="feed">
    <element name="feed">
      <interleave>
        <ref name="common"/>
        <optional>
          <element name="generator">
            <optional><attribute name="uri"><data type="anyURI"/></attribute></optional>
            <optional><attribute name="version"/></optional>
            <text/>
          </element>
        </optional>
        <optional><element name="subtitle"><ref name="text"/></element></optional>
        <zeroOrMore><ref name="entry"/></zeroOrMore>
      </interleave>
    </element>
  </define>
  <define name="entry">
    <element name="entry">
      <interleave>
        <ref name="common"/>
        <optional><element name="summary"><ref name="text"/></element></optional>
        <optional><element name="published"><data type="dateTime"/></element></optional>
      </interleave>
    </element>
  </define>
</grammar>
"""
A = "{http://www.w3.org/2005/Atom}"


def test_a_watch_is_an_atom_feed(archive_path, clock):
    store(archive_path, MARCH)
    store(archive_path, JUNE)
    with open_archive(archive_path) as archive:
        archive.add_watch("ventetider & co", "ventetid*", SearchFilters(body="psykiatri"))
    with open_archive(archive_path, create=False, readonly=True) as archive:  # as the web app opens it
        feed_text = archive.watch_feed(
            "ventetider & co",
            item_link=lambda hit: f"http://localhost:8000/item/{hit.item}",
            feed_link="http://localhost:8000/watch/ventetider/feed",
        )
        with pytest.raises(ArchiveError, match="no watch named 'andet'"):
            archive.watch_feed("andet")
    schema = etree.RelaxNG(etree.fromstring(ATOM_SUBSET_RNG))
    feed = etree.fromstring(feed_text.encode())
    assert schema.validate(feed), schema.error_log
    assert feed.findtext(f"{A}id") == "tag:referat,2025:watch/ventetider%20%26%20co"
    assert feed.findtext(f"{A}title") == "referat: ventetider & co"
    assert feed.findtext(f"{A}updated") == "2026-01-05T10:00:01+00:00"  # JUNE's import time, the newest
    assert feed.find(f"{A}author/{A}name").text == "referat"
    assert feed.find(f"{A}link").attrib == {"rel": "self", "href": "http://localhost:8000/watch/ventetider/feed"}
    entries = feed.findall(f"{A}entry")
    titles = [entry.findtext(f"{A}title") for entry in entries]
    assert titles[0] == "Psykiatriudvalget 2025-06-10: punkt 1 Status på ventetider"  # the newest meeting first
    assert sorted(titles[1:]) == [
        "Psykiatriudvalget 2025-03-04: punkt 1 Ventetider i børne- og ungdomspsykiatrien",
        "Psykiatriudvalget 2025-03-04: punkt 2 Ventetider på udredning",
    ]
    ids = [entry.findtext(f"{A}id") for entry in entries]
    assert len(set(ids)) == 3 and all(i.startswith("tag:referat,2025:item/") for i in ids)
    for entry in entries:
        link = entry.find(f"{A}link")
        assert link.get("rel") == "alternate" and link.get("href").startswith("http://localhost:8000/item/")
        assert entry.findtext(f"{A}updated") in ("2026-01-05T10:00:00+00:00", "2026-01-05T10:00:01+00:00")
    # the summary is the hit's snippet without its marks (here the title is the best passage)
    assert entries[0].findtext(f"{A}summary") == "Status på ventetider"
    # the schema is not vacuous: a feed without its id, or with a bad date, fails it
    feed.remove(feed.find(f"{A}id"))
    assert not schema.validate(feed)
    broken = etree.fromstring(feed_text.encode())
    broken.find(f"{A}updated").text = "yesterday"
    assert not schema.validate(broken)


@pytest.mark.slow
def test_watch_run_after_a_second_referat_import(tmp_path):
    """The whole path as cron runs it: `referat import` twice, then a new file."""
    folder = tmp_path / "minutes"
    folder.mkdir()
    minutes = (
        "Psykiatriudvalget\nReferat\nMødedato: 4. marts 2025\n"
        "Punkt 1 Ventetider i psykiatrien\nSagsfremstilling\nVentetiderne er faldet.\n"
        "Beslutning\nTaget til efterretning.\n"
        "Punkt 2 Sengepladser\nSagsfremstilling\nFire nye sengepladser.\nBeslutning\nGodkendt.\n"
    )
    (folder / "psu-marts.txt").write_text(minutes, encoding="utf-8")
    db = str(tmp_path / "referat.db")
    runner = CliRunner()

    def referat(*args: str):
        return runner.invoke(main, [*args, "--archive", db])

    assert referat("import", str(folder), "--workers", "1", "-q").exit_code == 0
    assert referat("watch", "add", "ventetider", "ventetider").exit_code == 0
    first = referat("watch", "run", "--json")
    assert first.exit_code == 1
    assert [hit["title"] for hit in json.loads(first.output)["watches"][0]["new"]] == ["Ventetider i psykiatrien"]
    assert referat("import", str(folder), "--workers", "1", "-q").exit_code == 0  # skipped: same bytes
    assert referat("watch", "run").exit_code == 0
    (folder / "psu-juni.txt").write_text(
        minutes.replace("4. marts", "10. juni").replace("er faldet", "er steget"), encoding="utf-8"
    )
    assert referat("import", str(folder), "--workers", "1", "-q").exit_code == 0
    second = referat("watch", "run", "--json")
    assert second.exit_code == 1
    new = json.loads(second.output)["watches"][0]["new"]
    assert [(hit["title"], hit["date"], hit["path"].rsplit("/", 1)[-1]) for hit in new] == [
        ("Ventetider i psykiatrien", "2025-06-10", "psu-juni.txt")
    ]
    assert referat("watch", "run").exit_code == 0
