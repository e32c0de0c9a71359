"""``referat serve`` in a real headless Chromium (Debian's ``chromium`` package, driven by
Playwright with its executable path; no browser is downloaded): search, a facet click, the
item page and its source link, the actor page, a saved search and its Atom feed, and the
keyboard. Each page is saved as a
screenshot in $REFERAT_SCREENSHOTS (default: a pytest temporary folder).

Skipped, with the reason, when Playwright or chromium is missing (`.ci/run` installs
chromium; `apt-get install chromium`)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="referat serve needs the web extra (pip install 'referat[web]')")
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed")

from referat.web.app import create_app  # noqa: E402

CHROMIUM = os.environ.get("REFERAT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium on this machine (apt-get install chromium; .ci/run does)"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def serving(archive_path: Path):
    """uvicorn serving an archive on a free port, in a thread of this process."""
    port = free_port()
    config = uvicorn.Config(create_app(str(archive_path)), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(web_archive):
    with serving(web_archive.path) as address:
        yield address


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        except sync_api.Error as error:  # a chromium that cannot start here (no sandbox, missing libraries)
            pytest.skip(f"chromium at {CHROMIUM} does not start: {str(error).splitlines()[0]}")
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("REFERAT_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="da-DK", java_script_enabled=False)
    opened = context.new_page()
    yield opened
    context.close()


@pytest.mark.slow  # ~4 s: eight pages, each with a full-page screenshot
def test_search_facet_item_source_and_actor_in_a_browser(server, page, screenshots, web_archive):
    # The search form, filled and sent with the keyboard (no JavaScript: the page is a form).
    page.goto(server + "/")
    page.get_by_label("Søgeord").fill("psykiatri")
    page.get_by_label("Søgeord").press("Enter")
    page.wait_for_url("**/?q=psykiatri*")
    assert page.locator("h1").inner_text() == "Søgning: psykiatri"
    hits = page.locator("ol.hits > li")
    assert hits.count() == 9
    assert page.locator("ol.hits mark").first.inner_text().lower().startswith("psykiatri")
    page.screenshot(path=str(screenshots / "1-soegning.png"), full_page=True)

    # A facet is a link that narrows the search.
    page.get_by_role("list", name="Udvalg").get_by_role("link", name="Psykiatri- og Socialudvalget").click()
    page.wait_for_url("**body=Psykiatri-*")
    metas = page.locator("ol.hits p.meta").all_inner_texts()
    assert metas and all(meta.startswith("Psykiatri- og Socialudvalget ·") for meta in metas) and len(metas) < 9
    assert page.get_by_role("link", name="fjern filteret Udvalg").is_visible()
    page.screenshot(path=str(screenshots / "2-facet.png"), full_page=True)

    # The item page, from the first hit.
    first = page.locator("ol.hits h3 a").first
    title = first.inner_text()
    first.click()
    assert page.locator("h1").inner_text() == title
    assert page.get_by_role("heading", name="Afsnit", level=2).is_visible()
    page.screenshot(path=str(screenshots / "3-punkt.png"), full_page=True)

    # Its source link opens the stored PDF at the item's page.
    source = page.locator("a.source")
    href = source.get_attribute("href")
    sha256 = hashlib.sha256(web_archive.files["regioner-psu-dagsorden-referat.pdf"].read_bytes()).hexdigest()
    assert href.startswith(f"/source/{sha256}#page=")
    response = page.request.get(server + href.split("#")[0])
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    assert response.body() == web_archive.files["regioner-psu-dagsorden-referat.pdf"].read_bytes()

    # The meeting, from the item's meeting link.
    page.locator("dl.facts").get_by_role("link").first.click()
    assert page.locator("h1").inner_text().startswith("Psykiatri- og Socialudvalget · 2025-")
    page.screenshot(path=str(screenshots / "4-moede.png"), full_page=True)
    page.locator("dl.facts").get_by_role("link", name="Psykiatri- og Socialudvalget").click()
    assert page.locator("h2").all_inner_texts() == ["2025 (2 møder)"]
    page.screenshot(path=str(screenshots / "5-udvalg.png"), full_page=True)

    # The actor page, from the list of actors.
    page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Aktører").click()
    page.screenshot(path=str(screenshots / "6-aktoerer.png"), full_page=True)
    page.get_by_role("link", name="Kommunernes Landsforening").click()
    assert page.locator("h1").inner_text() == "Kommunernes Landsforening"
    dates = [meta.split(" · ")[1] for meta in page.locator("p.meta").all_inner_texts()]
    assert dates[0] == "2025-09-11" and dates[-1] == "2024-05-14"
    page.screenshot(path=str(screenshots / "7-aktoer.png"), full_page=True)

    page.goto(server + "/amounts?besluttet=1")
    assert "4.200.000 kr." in page.locator("table").inner_text()
    page.screenshot(path=str(screenshots / "8-beloeb.png"), full_page=True)


def test_the_keyboard_reaches_the_skip_link_menu_and_search_field(server, page):
    page.goto(server + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Gå til indholdet"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "referat"
    # The search field is reached by Tab from the menu, typed into, and sent with Enter.
    # (five more links of the menu, then the field)
    for _ in range(6):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("cykelstierne")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?q=cykelstierne*")
    assert page.locator("ol.hits > li").count() == 2


@pytest.mark.slow
def test_a_saved_search_and_its_atom_feed_in_a_browser(web_archive, page, screenshots, tmp_path):
    from referat.archive import open_archive

    path = tmp_path / "watched.db"
    shutil.copy(web_archive.path, path)
    with open_archive(str(path)) as archive:
        archive.add_watch("stier", "cykelstierne")
    with serving(path) as address:
        page.goto(address + "/")
        page.get_by_role("navigation", name="Hovedmenu").get_by_role("link", name="Gemte søgninger").click()
        assert page.locator("h1").inner_text() == "Gemte søgninger"
        assert "cykelstierne" in page.locator("main").inner_text()
        page.screenshot(path=str(screenshots / "9-gemte-soegninger.png"), full_page=True)
        feed = page.request.get(address + page.get_by_role("link", name="Atom-feed for stier").get_attribute("href"))
        assert feed.status == 200 and feed.headers["content-type"].startswith("application/atom+xml")
        assert feed.text().count("<entry>") == 2
