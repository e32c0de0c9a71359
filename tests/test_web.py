"""``referat serve`` through Starlette's TestClient: the pages, what they show of the
archive, escaping, 404s, the source file, --public, and accessibility rules every page
keeps (one h1, headings in order, a label for every field). The same pages in a real
browser: tests/test_web_browser.py."""

from __future__ import annotations

import hashlib
import re
import shutil
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest

pytest.importorskip("starlette", reason="referat serve needs the web extra (pip install 'referat[web]')")
from click.testing import CliRunner  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402
from web_archive import build_web_archive  # noqa: E402

from referat.archive import SearchFilters, open_archive  # noqa: E402
from referat.cli import main  # noqa: E402
from referat.web import app as web_app  # noqa: E402
from referat.web.app import create_app  # noqa: E402

OPEN_ITEM = "teknik-og-miljoeudvalget.2024-05-14-1"
CLOSED_ITEM = "teknik-og-miljoeudvalget.2024-05-14-2"
TASK_FORCE_ITEM = "sundhedsstyrelsen.task-force-for-boerne-og-ungdomspsykiatr.2025-09-11-2"


class Page(HTMLParser):
    """What the tests read of a page: headings (level, text), links (href, text), form
    fields and their labels, and the text of each element with a class."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.headings: list[tuple[int, str]] = []
        self.links: list[tuple[str, str]] = []
        self.fields: list[dict[str, str | None]] = []
        self.labels: set[str] = set()
        self.by_class: dict[str, list[str]] = {}
        self._open: list[tuple[str, str | None, list[str]]] = []  # tag, href or class, text pieces
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("input", "select", "textarea"):
            self.fields.append(attributes)
        if tag == "label" and attributes.get("for"):
            self.labels.add(attributes["for"])
        if tag in ("input", "meta", "link", "br"):
            return
        self._open.append((tag, attributes.get("href") if tag == "a" else attributes.get("class"), []))

    def handle_data(self, data):
        for _, _, pieces in self._open:
            pieces.append(data)

    def handle_endtag(self, tag):
        while self._open:
            open_tag, detail, pieces = self._open.pop()
            text = " ".join("".join(pieces).split())
            if re.fullmatch(r"h[1-6]", open_tag):
                self.headings.append((int(open_tag[1]), text))
            elif open_tag == "a":
                self.links.append((detail or "", text))
            elif detail:
                self.by_class.setdefault(detail, []).append(text)
            if open_tag == tag:
                break

    def link(self, text: str) -> str:
        """The href of the first link whose text contains ``text``."""
        return next(href for href, shown in self.links if text in shown)


def headings_in_order(page: Page) -> list[int]:
    """The heading levels in document order (HTMLParser closes inner elements first, so
    headings are collected at their end tags, which keeps their order)."""
    return [level for level, _ in page.headings]


def hit_titles(page: Page) -> list[str]:
    return [text for href, text in page.links if href.startswith("/item/")]


def assert_accessible(html: str) -> Page:
    page = Page(html)
    levels = headings_in_order(page)
    assert levels.count(1) == 1 and levels[0] == 1, levels
    assert all(after <= before + 1 for before, after in zip(levels, levels[1:], strict=False)), (
        levels
    )  # no level skipped
    for field in page.fields:
        if field.get("type") not in ("hidden", "submit"):
            assert field.get("id") in page.labels, field
    assert '<html lang="da">' in html
    return page


@pytest.fixture(scope="module")
def client(web_archive):
    with TestClient(create_app(str(web_archive.path))) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def public_client(web_archive):
    with TestClient(create_app(str(web_archive.path), public=True)) as test_client:
        yield test_client


def test_search_lists_hits_with_marked_words_and_facets(client):
    response = client.get("/", params={"q": "psykiatri"})
    assert response.status_code == 200
    page = assert_accessible(response.text)
    titles = hit_titles(page)
    assert "3 Ny national målsætning for nedbringelse af tvang i psykiatrien" in titles
    assert "2 Kapacitet og ventetider i Børne- og Ungdomspsykiatrien" in titles
    assert "Skilte" not in " ".join(titles)  # the TXT minutes do not mention psykiatri
    # The word as printed, inflected and inside compounds is marked in the snippets.
    marked = set(re.findall(r"<mark>(.*?)</mark>", response.text))
    assert {"psykiatrien", "socialpsykiatrien"} <= marked
    # facets as links that add a filter to this search
    body_link = page.link("Psykiatri- og Socialudvalget")
    assert parse_qs(urlsplit(body_link).query) == {"q": ["psykiatri"], "body": ["Psykiatri- og Socialudvalget"]}
    assert parse_qs(urlsplit(page.link("2025")).query) == {"q": ["psykiatri"], "year": ["2025"]}
    assert response.headers["server-timing"].startswith("app;dur=")


def test_a_facet_link_narrows_the_search_and_can_be_taken_back(client):
    first = Page(client.get("/", params={"q": "psykiatri"}).text)
    response = client.get(first.link("Psykiatri- og Socialudvalget"))
    page = assert_accessible(response.text)
    metas = page.by_class["meta"]
    assert metas and all(meta.startswith("Psykiatri- og Socialudvalget ·") for meta in metas)
    assert len(metas) < len(first.by_class["meta"])
    # the active filter is listed with a link that removes it
    removed = page.link("fjern")
    assert parse_qs(urlsplit(removed).query) == {"q": ["psykiatri"]}


def test_decided_and_amount_facets_narrow_to_the_items_that_hold_one(client, web_archive):
    first = Page(client.get("/", params={"q": "psykiatri"}).text)
    decided_link = first.link("med beslutning")
    assert parse_qs(urlsplit(decided_link).query) == {"q": ["psykiatri"], "decided": ["yes"]}
    page = assert_accessible(client.get(decided_link).text)
    with open_archive(str(web_archive.path), create=False) as archive:
        expected = archive.search("psykiatri", SearchFilters(decided=True), limit=100).hits
    assert hit_titles(page) == [f"{hit.number} {hit.title}" for hit in expected]
    assert 0 < len(hit_titles(page)) < len(hit_titles(first))
    assert any("Beslutning: med beslutning" in text for text in page.by_class.get("filters", []))
    # a document kind is a facet too, with its Danish name
    assert "Referat" in [text for _, text in first.links]
    # the actor facet lists named actors, never a role noun the documents use ("Medlemmerne")
    actor_links = [parse_qs(urlsplit(href).query).get("actor", [""])[0] for href, _ in first.links]
    assert "Danske Regioner" in actor_links and "Medlemmerne" not in actor_links


def test_year_and_section_filters(client):
    page = Page(client.get("/", params={"q": "cykelstierne", "year": "2024"}).text)
    assert [meta.split(" · ")[:2] for meta in page.by_class["meta"]] == [["Teknik- og Miljøudvalget", "2024-05-14"]] * 2
    assert Page(client.get("/", params={"q": "cykelstierne", "year": "2025"}).text).by_class.get("meta") is None
    decisions = Page(client.get("/", params={"q": "godkendt", "section": "decision"}).text).by_class["meta"]
    assert decisions and all("Beslutning" in meta for meta in decisions)


def test_paging_moves_through_the_hits(client, monkeypatch):
    monkeypatch.setattr(web_app, "PAGE_SIZE", 6)
    everything = hit_titles(Page(client.get("/", params={"q": "til"}).text))
    monkeypatch.setattr(web_app, "PAGE_SIZE", 5)
    page = Page(client.get("/", params={"q": "til"}).text)  # a stop word: 15 of the 24 items
    assert "Forrige side" not in [text for _, text in page.links]
    following = page.link("Næste side")
    assert parse_qs(urlsplit(following).query) == {"q": ["til"], "side": ["2"]}
    second_html = client.get(following).text
    second = Page(second_html)
    assert 'start="6"' in second_html
    titles = [hit_titles(p) for p in (page, second)]
    assert titles[0] + titles[1][:1] == everything  # page 2 goes on where page 1 stopped
    assert parse_qs(urlsplit(second.link("Forrige side")).query) == {"q": ["til"]}


def test_markup_in_documents_is_shown_escaped_and_only_hits_are_marked(client):
    response = client.get("/", params={"q": "cykelstierne"})
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; ved <mark>cykelstierne</mark>" in response.text
    assert "Skilte &lt;ved&gt; stier &amp; &#34;broer&#34; i Lystrup" in response.text
    item = client.get(f"/item/{OPEN_ITEM}")
    assert "<script>" not in item.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in item.text
    # what a user types comes back escaped too
    echoed = client.get("/", params={"q": "<script>x</script>"})
    assert "<script>x" not in echoed.text and 'value="&lt;script&gt;x&lt;/script&gt;"' in echoed.text
    malformed = client.get("/", params={"q": '"><script>x</script>'})  # an open quote: one sentence, escaped
    assert malformed.status_code == 400 and "<script>x" not in malformed.text


def test_item_page_shows_sections_decision_statements_and_links_the_source_page(client, web_archive):
    response = client.get(f"/item/{TASK_FORCE_ITEM}")
    assert response.status_code == 200
    page = assert_accessible(response.text)
    assert page.headings[0] == (1, "2 Kapacitet og ventetider i Børne- og Ungdomspsykiatrien")
    section_headings = [text for level, text in page.headings if level == 2]
    assert "Udtalelser" in section_headings and "Afsnit" in section_headings
    assert "Kommunernes Landsforening" in [text for _, text in page.links]
    sha256 = hashlib.sha256(web_archive.files["sst-taskforce-referat.pdf"].read_bytes()).hexdigest()
    assert page.link("sst-taskforce-referat.pdf") == f"/source/{sha256}#page=2"
    meeting = page.link("Task Force for Børne- og Ungdomspsykiatri")
    assert re.fullmatch(r"/meeting/\d+", meeting)


def test_item_page_of_a_decision_shows_its_outcome_and_amount(client):
    page = Page(client.get(f"/item/{CLOSED_ITEM}").text)
    assert "Udfald: godkendt" in page.by_class["outcome"]
    assert "4.200.000 kr." in client.get(f"/item/{CLOSED_ITEM}").text


def test_source_serves_the_stored_file_and_nothing_else(client, web_archive):
    pdf = web_archive.files["sst-taskforce-referat.pdf"]
    sha256 = hashlib.sha256(pdf.read_bytes()).hexdigest()
    response = client.get(f"/source/{sha256}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.content == pdf.read_bytes()
    text = web_archive.files["teknik.txt"]
    shown = client.get(f"/source/{hashlib.sha256(text.read_bytes()).hexdigest()}")
    assert shown.headers["content-type"].startswith("text/plain")
    assert shown.headers["content-security-policy"] == "sandbox"  # a saved page's scripts never run here
    for url in (
        "/source/" + "0" * 64,  # a hash the archive does not hold
        "/source/..%2F..%2F..%2Fetc%2Fpasswd",
        "/source/../../etc/passwd",
        f"/source/{sha256.upper()}",
        "/source/" + str(pdf),
    ):
        assert client.get(url).status_code == 404, url


def test_a_source_file_changed_since_import_is_not_served(tmp_path):
    built = build_web_archive(tmp_path)
    text = built.files["teknik.txt"]
    sha256 = hashlib.sha256(text.read_bytes()).hexdigest()
    text.write_text("Noget andet.\n", encoding="utf-8")
    with TestClient(create_app(str(built.path))) as test_client:
        response = test_client.get(f"/source/{sha256}")
        assert response.status_code == 404 and "ændret siden import" in response.text
        shutil.rmtree(text.parent)
        assert test_client.get(f"/source/{sha256}").status_code == 404


def test_meeting_and_body_pages(client):
    bodies = assert_accessible(client.get("/bodies").text)
    body_url = bodies.link("Psykiatri- og Socialudvalget")
    assert parse_qs(urlsplit(body_url).query) == {
        "navn": ["Psykiatri- og Socialudvalget"],
        "organisation": ["Danske Regioner"],
    }
    body = assert_accessible(client.get(body_url).text)
    assert [text for level, text in body.headings if level == 2] == ["2025 (2 møder)"]
    meetings = [href for href, _ in body.links if href.startswith("/meeting/")]
    assert len(meetings) == 2
    dates = [text.split(" · ")[0] for href, text in body.links if href.startswith("/meeting/")]
    assert dates == sorted(dates, reverse=True)  # newest first
    meeting = assert_accessible(client.get(meetings[0]).text)
    assert meeting.headings[0] == (1, "Psykiatri- og Socialudvalget · 2025-12-04")
    assert any(
        href.startswith("/item/danske-regioner.psykiatri-og-socialudvalget.2025-12-04-") for href, _ in meeting.links
    )


def test_actor_page_lists_what_the_actor_said_newest_first(client):
    actors = assert_accessible(client.get("/actors").text)
    response = client.get(actors.link("Kommunernes Landsforening"))
    page = assert_accessible(response.text)
    assert page.headings[0] == (1, "Kommunernes Landsforening")
    dates = [meta.split(" · ")[1] for meta in page.by_class["meta"]]
    assert dates[0] == "2025-09-11" and dates[-1] == "2024-05-14" and dates == sorted(dates, reverse=True)
    assert "skiltene bør følge de fælles kommunale standarder." in response.text
    # an alias finds the same actor; an unknown name is a sentence, status 400
    assert Page(client.get("/actor/KL").text).headings[0] == (1, "Kommunernes Landsforening")
    unknown = client.get("/actor/Ingen Sådan Forening")
    assert unknown.status_code == 400 and "no actor" in unknown.text


def test_amounts_page_filters_by_size_and_decision(client):
    page = assert_accessible(client.get("/amounts", params={"besluttet": "1"}).text)
    assert "4.200.000 kr." in client.get("/amounts", params={"besluttet": "1"}).text
    assert page.link("Køb af grund ved Egå") == f"/item/{CLOSED_ITEM}"
    above = client.get("/amounts", params={"min": "5 mio"}).text
    assert "4.200.000 kr." not in above
    assert client.get("/amounts", params={"min": "mange penge"}).status_code == 400


def test_unknown_pages_and_queries_without_words(client):
    assert client.get("/item/ingen-saadan-noegle").status_code == 404
    assert client.get("/meeting/999999").status_code == 404
    assert client.get("/body", params={"navn": "Folketinget"}).status_code == 404
    assert client.get("/ingen-side").status_code == 404
    response = client.get("/", params={"q": "?!"})
    assert response.status_code == 400 and "no words" in response.text
    assert_accessible(response.text)


def test_public_shows_closed_items_as_titles_only(client, public_client, web_archive):
    # Without --public the closed item's text is searchable (imported --include-closed) ...
    assert CLOSED_ITEM in client.get("/", params={"q": "cykelstierne"}).text
    searched = public_client.get("/", params={"q": "cykelstierne"}).text
    assert CLOSED_ITEM not in searched and OPEN_ITEM in searched
    # ... a search for its title still finds it, showing the title
    assert CLOSED_ITEM in public_client.get("/", params={"q": "grund Egå"}).text
    item = public_client.get(f"/item/{CLOSED_ITEM}").text
    assert "Køb af grund ved Egå" in item and "anonym sælger" not in item and "4.200.000" not in item
    assert "Udfald: <strong>godkendt</strong>" in item
    assert "Køb af grund" not in public_client.get("/amounts").text
    # the file holds the closed text: not served in the public view, served otherwise
    sha256 = hashlib.sha256(web_archive.files["teknik.txt"].read_bytes()).hexdigest()
    assert public_client.get(f"/source/{sha256}").status_code == 403
    assert client.get(f"/source/{sha256}").status_code == 200
    assert "Offentlig visning" in searched


def test_serve_refuses_a_missing_archive_in_one_line(tmp_path):
    missing = tmp_path / "ingen.db"
    result = CliRunner().invoke(main, ["serve", "--archive", str(missing)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {missing}: no archive there (create one with `referat import PATH --archive {missing}`)"
    ]


@pytest.mark.slow  # ~2 s: a process that imports the web stack and starts uvicorn
def test_referat_serve_listens_where_asked_and_serves_the_public_view(web_archive):
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "referat", "serve", "--archive", str(web_archive.path), "--port", str(port)]
    server = subprocess.Popen([*command, "--public"], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/", params={"q": "cykelstierne"}, timeout=5)
                break
            except httpx.TransportError:
                assert server.poll() is None and time.monotonic() < deadline, server.stderr.read()
                time.sleep(0.1)
        assert response.status_code == 200
        assert OPEN_ITEM in response.text and CLOSED_ITEM not in response.text  # --public
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert f"at http://127.0.0.1:{port}/" in server.stderr.read()


def test_sort_by_date_lists_the_newest_meeting_first(client):
    relevance = Page(client.get("/", params={"q": "godkendt"}).text)
    newest = Page(client.get("/", params={"q": "godkendt", "sort": "date"}).text)
    dates = [meta.split(" · ")[1] for meta in newest.by_class["meta"]]
    assert dates == sorted(dates, reverse=True) and dates[-1] == "2024-05-14"
    assert sorted(hit_titles(newest)) == sorted(hit_titles(relevance))
    assert (
        '<option value="date" selected>Nyeste først</option>' in client.get("/", params={"q": "x", "sort": "date"}).text
    )


def test_a_phrase_is_marked_whole_and_a_typo_gets_a_suggestion(client):
    response = client.get("/", params={"q": '"tvang i psykiatrien"'})
    assert "<mark>tvang i psykiatrien</mark>" in response.text
    typo = Page(client.get("/", params={"q": "cykelstirne"}).text)
    assert parse_qs(urlsplit(typo.link("cykelstierne")).query) == {"q": ["cykelstierne"]}


def test_saved_searches_are_listed_with_an_atom_feed_each(web_archive, tmp_path):
    from lxml import etree
    from test_watches import ATOM_SUBSET_RNG

    from referat.archive import open_archive

    path = tmp_path / "watched.db"
    shutil.copy(web_archive.path, path)
    with open_archive(str(path)) as archive:
        archive.add_watch("stier", "cykelstierne")
    atom = "{http://www.w3.org/2005/Atom}"
    with TestClient(create_app(str(path))) as test_client, TestClient(create_app(str(path), public=True)) as public:
        listing = assert_accessible(test_client.get("/watches").text)
        feed_href = listing.link("Atom-feed for stier")
        response = test_client.get(feed_href)
        assert response.status_code == 200 and response.headers["content-type"].startswith("application/atom+xml")
        feed = etree.fromstring(response.content)
        assert etree.RelaxNG(etree.fromstring(ATOM_SUBSET_RNG.encode())).validate(feed)
        # both items of the TXT minutes mention cykelstierne; each entry links to its item page
        titles = sorted(entry.findtext(f"{atom}title") for entry in feed.iter(f"{atom}entry"))
        assert titles == [
            'Teknik- og Miljøudvalget 2024-05-14: punkt 1 Skilte <ved> stier & "broer" i Lystrup',
            "Teknik- og Miljøudvalget 2024-05-14: punkt 2 Køb af grund ved Egå",
        ]
        for entry in feed.iter(f"{atom}entry"):
            link = entry.find(f"{atom}link").get("href")
            assert urlsplit(link).path.startswith("/item/") and test_client.get(link).status_code == 200
        # --public: the closed item's text (where "cykelstierne" stands) is not searched
        public_feed = etree.fromstring(public.get(feed_href).content)
        assert [e.findtext(f"{atom}title") for e in public_feed.iter(f"{atom}entry")] == [
            'Teknik- og Miljøudvalget 2024-05-14: punkt 1 Skilte <ved> stier & "broer" i Lystrup'
        ]
        assert test_client.get("/watch/ingen/feed.atom").status_code == 404
