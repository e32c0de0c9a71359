"""``referat serve``: a local web application over the archive, server-rendered, in Danish,
usable without JavaScript.

Every page is a thin view over the archive's library API: search with facets
(``Searching.search``), one item (``Queries.item``), who said what (``statements_by``),
amounts, bodies and meetings (``archive/browse.py``). The archive is opened read-only,
one connection per thread that serves requests (an ``async`` endpoint runs on the event
loop's thread, so one connection serves them all and keeps its page cache warm).

``public`` shows closed items as the archive's ``--public`` view does: titles only, and
no source file of a document that has closed items (the file holds their text).
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import threading
import time
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader
from markupsafe import Markup, escape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from referat.archive import AmountFilters, ArchiveError, SearchFilters, SQLiteArchive, open_archive
from referat.archive.core import storage_error
from referat.archive.types import Sort, parse_amount
from referat.web.words import FACET_NAMES, MEETING_KINDS, SECTION_KINDS, danish, facet_value

PAGE_SIZE = 20
# Paging asks the archive for the first page × PAGE_SIZE hits: past this page, a narrower
# query serves a reader better than page 51.
MAX_PAGE = 50
# How many values of each facet the search page lists.
FACET_VALUES = 8
# The sort orders the search page offers (Searching.search's ``sort``).
SORT_ORDERS = {"relevance": "Relevans", "date": "Nyeste først"}
_SHA256 = re.compile(r"[0-9a-f]{64}")
# A hit in a snippet, as archive/hits.py's snippet marks it: «word» or «a phrase». A hit
# begins and ends with a letter or digit, so the « and » of Danish quotations (»…« … »…«)
# are not taken for marks.
_MARKED = re.compile(r"«([^\W_](?:[^«»]*[^\W_])?)»")


def mark_snippet(snippet: str) -> Markup:
    """A search snippet as HTML: the text escaped, then each hit (a word or a phrase) in ``<mark>``.

    Example:
        >>> mark_snippet("Prisen <b> for «økonomiaftalen» »i år« og »næste« «tvang i psykiatrien»")
        Markup('Prisen &lt;b&gt; for <mark>økonomiaftalen</mark> »i år« og »næste« <mark>tvang i psykiatrien</mark>')
    """
    return Markup(_MARKED.sub(r"<mark>\1</mark>", str(escape(snippet))))


def kroner(value: float | None) -> str:
    """An amount in Danish notation.

    Example:
        >>> kroner(175000000.0), kroner(1500.5)
        ('175.000.000 kr.', '1.500,50 kr.')
    """
    if value is None:
        return ""
    whole = value == int(value)
    text = f"{value:,.0f}" if whole else f"{value:,.2f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".") + " kr."


class _ArchivePerThread:
    """The read-only archive, opened once per thread that asks for it (an sqlite3
    connection belongs to the thread that opened it)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._local = threading.local()

    def get(self) -> SQLiteArchive:
        archive = getattr(self._local, "archive", None)
        if archive is None:
            archive = self._local.archive = open_archive(self.path, create=False, readonly=True)
        return archive

    def close_mine(self) -> None:
        archive = getattr(self._local, "archive", None)
        if archive is not None:
            archive.close()
            self._local.archive = None


class ServerTiming:
    """ASGI middleware: a ``Server-Timing: app;dur=…, cpu;dur=…`` header on every response:
    the time from the request to the response's headers (what the benchmark reads), and the
    process's CPU time meanwhile (all its threads: the facets are counted on a second one).
    On a machine whose cores other work shares, the CPU time is the page's own cost and the
    wall time is that plus waiting for a core; concurrent requests add to each other's."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start, start_cpu = time.perf_counter(), time.process_time()

        async def timed_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                duration = (time.perf_counter() - start) * 1000
                cpu = (time.process_time() - start_cpu) * 1000
                headers = list(message.get("headers", []))
                headers.append((b"server-timing", f"app;dur={duration:.2f}, cpu;dur={cpu:.2f}".encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, timed_send)


def _query_string(params: Mapping[str, Any], **changes: Any) -> str:
    """``params`` with ``changes`` applied (None removes a key), as ``?a=b`` (or "")."""
    merged = {key: value for key, value in params.items() if value not in (None, "")}
    for key, value in changes.items():
        if value in (None, ""):
            merged.pop(key, None)
        else:
            merged[key] = value
    return "?" + urlencode(merged) if merged else ""


def body_link(body: str, organisation: str | None) -> str:
    """The body page of a body of one organisation (an empty organisation: none recorded).

    Example:
        >>> body_link("Byrådet", "Aarhus Kommune"), body_link("Generalforsamling", None)
        ('/body?navn=Byr%C3%A5det&organisation=Aarhus+Kommune', '/body?navn=Generalforsamling&organisation=')
    """
    return "/body?" + urlencode({"navn": body, "organisation": organisation or ""})


def _positive_int(text: str | None, default: int, maximum: int) -> int:
    try:
        return max(1, min(maximum, int(text))) if text else default
    except ValueError:
        return default


def _yes_no(value: str | None) -> bool | None:
    """A yes/no facet's parameter ("yes", "no") as a filter: True, False, or None for neither."""
    return {"yes": True, "no": False}.get(value or "")


def _newest_first(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows with a ``date``, newest first, undated last (stable within a date)."""
    dated = [row for row in rows if row.get("date")]
    dated.sort(key=lambda row: row["date"], reverse=True)
    return dated + [row for row in rows if not row.get("date")]


def _resolve_source(stored_path: str, archive_path: str) -> str | None:
    """The file a document was imported from: its path as stored, relative paths read
    against the working folder and then against the archive's folder."""
    candidates = [stored_path]
    if not os.path.isabs(stored_path):
        candidates.append(os.path.join(os.path.dirname(os.path.abspath(archive_path)), stored_path))
    return next((path for path in candidates if os.path.isfile(path)), None)


def _sha256_of(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class Site:
    """The pages over one archive: each ``*_page`` method is a view (request, archive) →
    response; :meth:`endpoint` gives it this thread's archive and turns what the user can
    fix into a page with status 400."""

    def __init__(self, archive_path: str, public: bool) -> None:
        self.archive_path = archive_path
        self.public = public
        self.archives = _ArchivePerThread(archive_path)
        self.templates = Environment(loader=PackageLoader("referat.web", "templates"), autoescape=True)
        self.templates.globals.update(
            danish=danish,
            facet_value=facet_value,
            kroner=kroner,
            mark_snippet=mark_snippet,
            public=public,
            section_kinds=SECTION_KINDS,
            meeting_kinds=MEETING_KINDS,
            facet_names=FACET_NAMES,
            sort_orders=SORT_ORDERS,
            query_string=_query_string,
            body_link=body_link,
        )

    def render(self, request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        page = self.templates.get_template(template).render(request=request, **context)
        return HTMLResponse(page, status_code=status)

    def endpoint(self, view: Callable[[Request, SQLiteArchive], Response]) -> Callable[[Request], Any]:
        async def respond(request: Request) -> Response:
            try:
                return view(request, self.archives.get())
            except ArchiveError as error:
                return self.render(request, "error.html", status=400, title="Det kan ikke vises", message=str(error))
            except sqlite3.Error as error:
                message = str(storage_error(self.archive_path, error))
                return self.render(request, "error.html", status=500, title="Arkivet kan ikke læses", message=message)

        return respond

    async def error_page(self, request: Request, error: Exception) -> Response:
        status = getattr(error, "status_code", 404)
        message = getattr(error, "detail", "") or "Siden findes ikke."
        titles = {403: "Ikke tilladt", 404: "Ikke fundet"}
        return self.render(request, "error.html", status=status, title=titles.get(status, "Fejl"), message=message)

    def search_page(self, request: Request, archive: SQLiteArchive) -> Response:
        params = request.query_params
        query = params.get("q", "").strip()
        year = params.get("year", "")
        whole_year = re.fullmatch(r"\d{4}", year) is not None
        filters = SearchFilters(
            body=params.get("body") or None,
            actor=params.get("actor") or None,
            section=params.get("section") if params.get("section") in SECTION_KINDS else None,
            kind=params.get("kind") if params.get("kind") in MEETING_KINDS else None,
            decided=_yes_no(params.get("decided")),
            amount=_yes_no(params.get("amount")),
            date_from=f"{year}-01-01" if whole_year else None,
            date_to=f"{year}-12-31" if whole_year else None,
            public=self.public,
        )
        number = _positive_int(params.get("side"), 1, MAX_PAGE)
        sort: Sort = "date" if params.get("sort") == "date" else "relevance"
        context: dict[str, Any] = {"query": query, "params": dict(params), "sort": sort, "page_number": number}
        if query:
            size = PAGE_SIZE
            result = archive.search(query, filters, limit=number * size + 1, facets=True, sort=sort)
            context.update(
                hits=result.hits[(number - 1) * size : number * size],
                more=len(result.hits) > number * size and number < MAX_PAGE,
                first_rank=(number - 1) * size + 1,
                facets={name: list(result.facets.get(name, {}).items())[:FACET_VALUES] for name in FACET_NAMES},
                total=result.total,
                estimated=result.estimated,
                did_you_mean=result.did_you_mean,
                ranked_among=result.ranked_among,
            )
        return self.render(request, "search.html", title=f"Søgning: {query}" if query else "Søg i arkivet", **context)

    def item_page(self, request: Request, archive: SQLiteArchive) -> Response:
        key = request.path_params["key"]
        item = archive.item(key, public=self.public)
        if item is None:
            raise HTTPException(404, f"Der er intet punkt med nøglen {key} i arkivet.")
        place = archive.item_place(item["item"]) or {}
        return self.render(request, "item.html", title=f"{item['number']} {item['title']}", item=item, place=place)

    def meeting_page(self, request: Request, archive: SQLiteArchive) -> Response:
        meeting = archive.meeting(request.path_params["meeting_id"])
        if meeting is None:
            raise HTTPException(404, "Mødet findes ikke i arkivet.")
        title = " · ".join(str(part) for part in (meeting["body"], meeting["date"]) if part) or "Møde"
        return self.render(request, "meeting.html", title=title, meeting=meeting)

    def bodies_page(self, request: Request, archive: SQLiteArchive) -> Response:
        return self.render(request, "bodies.html", title="Udvalg og råd", bodies=archive.bodies())

    def body_page(self, request: Request, archive: SQLiteArchive) -> Response:
        name = request.query_params.get("navn", "")
        organisation = request.query_params.get("organisation")
        meetings = archive.meetings_of(name, organisation) if name else []
        if not meetings:
            raise HTTPException(404, f"Der er ingen møder i {name or 'et udvalg uden navn'} i arkivet.")
        by_year: dict[str, list[dict[str, Any]]] = {}
        for meeting in meetings:
            by_year.setdefault((meeting["date"] or "")[:4] or "Uden dato", []).append(meeting)
        return self.render(
            request, "body.html", title=name, organisation=organisation, by_year=by_year, count=len(meetings)
        )

    def actors_page(self, request: Request, archive: SQLiteArchive) -> Response:
        return self.render(request, "actors.html", title="Aktører", actors=archive.actors(public=self.public))

    def actor_page(self, request: Request, archive: SQLiteArchive) -> Response:
        name = request.path_params["name"]
        about = request.query_params.get("om", "").strip() or None
        canonical, rows = archive.statements_by(name, about=about, public=self.public)
        return self.render(
            request, "actor.html", title=canonical, name=name, about=about or "", rows=_newest_first(rows)
        )

    def amounts_page(self, request: Request, archive: SQLiteArchive) -> Response:
        params = request.query_params
        try:
            minimum = parse_amount(params["min"]) if params.get("min") else None
            maximum = parse_amount(params["max"]) if params.get("max") else None
        except ValueError as error:
            raise ArchiveError(str(error)) from None
        filters = AmountFilters(
            minimum=minimum,
            maximum=maximum,
            body=params.get("body") or None,
            about=params.get("om") or None,
            decided=params.get("besluttet") == "1",
            public=self.public,
        )
        rows = archive.amounts(filters, limit=200)
        return self.render(request, "amounts.html", title="Beløb", rows=rows, params=dict(params))

    def watches_page(self, request: Request, archive: SQLiteArchive) -> Response:
        return self.render(request, "watches.html", title="Gemte søgninger", watches=archive.watches())

    def watch_feed(self, request: Request, archive: SQLiteArchive) -> Response:
        """A saved search's newest hits as an Atom feed, each entry linking to its item page."""
        name = request.path_params["name"]
        if name not in {watch.name for watch in archive.watches()}:
            raise HTTPException(404, f"Der er ingen gemt søgning med navnet {name}.")
        feed = archive.watch_feed(
            name,
            item_link=lambda hit: str(request.url_for("item", key=hit.item)),
            feed_link=str(request.url),
            public=self.public,
        )
        return Response(feed, media_type="application/atom+xml; charset=utf-8")

    def source_file(self, request: Request, archive: SQLiteArchive) -> Response:
        """A stored document's file, read-only: only a sha256 the archive holds names one,
        and only a file whose content still has that hash is served."""
        sha256 = request.path_params["sha256"]
        document = archive.document_file(sha256) if _SHA256.fullmatch(sha256) else None
        if document is None:
            raise HTTPException(404, "Arkivet har ikke det dokument.")
        if self.public and document["closed_text"] != "none":
            raise HTTPException(403, "Dokumentet har lukkede punkter; filen vises ikke i den offentlige visning.")
        path = _resolve_source(document["path"], self.archive_path)
        if path is None or _sha256_of(path) != sha256:
            raise HTTPException(404, f"Filen {document['path']} findes ikke længere, eller den er ændret siden import.")
        with open(path, "rb") as handle:
            data = handle.read()
        media_type = document["media_type"]
        headers = {"X-Content-Type-Options": "nosniff", "Content-Disposition": "inline"}
        if media_type != "application/pdf":
            # A saved web page or any other file is shown as text in a sandbox: its scripts
            # must not run on this server's origin.
            headers["Content-Security-Policy"] = "sandbox"
            media_type = "text/plain; charset=utf-8" if media_type.startswith("text/") else media_type
        return Response(data, media_type=media_type, headers=headers)


def create_app(archive_path: str, public: bool = False, notice: Callable[[str], None] | None = None) -> Starlette:
    """The web application over the archive at ``archive_path`` (opened read-only; an
    ArchiveError says why it cannot be; ``notice`` hears of an upgrade of an older archive).
    With ``public``, closed items are titles only.

    Example:
        >>> create_app("a")
        Traceback (most recent call last):
        ...
        referat.archive.types.ArchiveError: a: no archive there (create one with `referat import PATH --archive a`)
    """
    # A bad archive is refused now, in one line, not on every request.
    open_archive(archive_path, create=False, readonly=True, notice=notice).close()
    site = Site(archive_path, public)

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        yield
        site.archives.close_mine()

    routes = [
        Route("/", site.endpoint(site.search_page), name="search"),
        Route("/item/{key:path}", site.endpoint(site.item_page), name="item"),
        Route("/meeting/{meeting_id:int}", site.endpoint(site.meeting_page), name="meeting"),
        Route("/bodies", site.endpoint(site.bodies_page), name="bodies"),
        Route("/body", site.endpoint(site.body_page), name="body"),
        Route("/actors", site.endpoint(site.actors_page), name="actors"),
        Route("/actor/{name:path}", site.endpoint(site.actor_page), name="actor"),
        Route("/amounts", site.endpoint(site.amounts_page), name="amounts"),
        Route("/source/{sha256}", site.endpoint(site.source_file), name="source"),
        Route("/watches", site.endpoint(site.watches_page), name="watches"),
        Route("/watch/{name}/feed.atom", site.endpoint(site.watch_feed), name="watch_feed"),
        Mount("/static", StaticFiles(packages=[("referat.web", "static")]), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers={HTTPException: site.error_page}, lifespan=lifespan)
    app.add_middleware(ServerTiming)
    return app
