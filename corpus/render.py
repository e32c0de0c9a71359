#!/usr/bin/env python3
"""Render the synthetic test corpus from corpus/sources/*.py.

Usage (from the repository root):

    python corpus/render.py            # renders every document
    python corpus/render.py sst        # only sources whose module name contains "sst"

The text of every document is invented; see corpus/README.md.

Rendering is deterministic: PDFs are written by reportlab with ``invariant=1``
(fixed creation date and document id) and use the standard 14 fonts (nothing is
embedded); DOCX files are hand-written OOXML packed with fixed zip timestamps
and a fixed member order.  Running the script twice gives byte-identical files.

Markup inside source strings (stripped from what a reader should extract):

    ~    soft hyphen: a permitted break point.  If the word is broken there the
         line ends in "-" (or, when the part before already ends in "-", as in
         "EMN-2025-~00412", the line just ends after that hyphen).
    ^1   superscript footnote marker (the footnote text is given separately).
    \\n   forced line break inside a paragraph.
    ␣    glue: printed as a space, but the words on both sides wrap as one.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"

SOFT = "~"
GLUE = "\u2423"  # "␣"
SUP = re.compile(r"\^(\d+)")

REG, BOLD, ITAL = "Helvetica", "Helvetica-Bold", "Helvetica-Oblique"


# --------------------------------------------------------------------------
# text helpers
# --------------------------------------------------------------------------
def plain(s: str) -> str:
    """The text as a reader sees it when no line break falls inside it."""
    return SUP.sub(r"\1", s.replace(SOFT, "").replace(GLUE, " "))


def tw(s: str, font: str, size: float) -> float:
    """Width of a string that may contain soft hyphens and ^N markers."""
    s = s.replace(SOFT, "").replace(GLUE, " ")
    total, pos = 0.0, 0
    for m in SUP.finditer(s):
        total += stringWidth(s[pos : m.start()], font, size)
        total += stringWidth(m.group(1), font, size * 0.6)
        pos = m.end()
    return total + stringWidth(s[pos:], font, size)


def take_line(words: list[str], width: float, font: str, size: float):
    """Greedy line filling with hyphenation at soft hyphens.

    Returns (line, remaining_words)."""
    line = ""
    for i, w in enumerate(words):
        cand = w if not line else line + " " + w
        if tw(cand, font, size) <= width:
            line = cand
            continue
        parts = w.split(SOFT)
        for k in range(len(parts) - 1, 0, -1):
            head = "".join(parts[:k])
            if not head.endswith("-"):
                head += "-"
            cand = head if not line else line + " " + head
            if tw(cand, font, size) <= width:
                return cand, [SOFT.join(parts[k:])] + words[i + 1 :]
        if not line:
            return w, words[i + 1 :]
        return line, words[i:]
    return line, []


def draw_string(c, x, y, s, font, size):
    """Draw a string with ^N superscripts."""
    s = s.replace(SOFT, "").replace(GLUE, " ")
    pos = 0
    for m in SUP.finditer(s):
        seg = s[pos : m.start()]
        c.setFont(font, size)
        c.drawString(x, y, seg)
        x += stringWidth(seg, font, size)
        c.setFont(font, size * 0.6)
        c.drawString(x, y + size * 0.38, m.group(1))
        x += stringWidth(m.group(1), font, size * 0.6)
        pos = m.end()
    c.setFont(font, size)
    c.drawString(x, y, s[pos:])


# --------------------------------------------------------------------------
# a tiny flowing layout engine on top of the reportlab canvas
# --------------------------------------------------------------------------
class Flow:
    """Lays text out top-down over pages; pages are lists of draw operations.

    frame(page_index, pagesize) -> (x0, x1, top, bottom) in PDF points
    (y measured from the bottom of the page, as in PDF)."""

    def __init__(self, frame, pagesize=A4, footnotes=None):
        self.frame = frame
        self.pages: list[dict] = []
        self.marks: dict[str, int] = {}
        self.footnote_text = footnotes or {}
        self.new_page(pagesize)

    # pages ---------------------------------------------------------------
    def new_page(self, pagesize=None, **info):
        size = pagesize or (self.pages[-1]["size"] if self.pages else A4)
        self.pages.append({"size": size, "ops": [], "footnotes": [], "extra_bottom": 0.0, "info": dict(info)})
        self.y = self.box()[2]

    @property
    def page(self):
        return self.pages[-1]

    @property
    def pageno(self):
        return len(self.pages)

    def box(self):
        return self.frame(len(self.pages) - 1, self.page["size"])

    def bottom(self):
        return self.box()[3] + self.page["extra_bottom"]

    def ensure(self, h):
        if self.y - h < self.bottom():
            self.new_page()

    def space(self, h):
        self.y -= h
        if self.y < self.bottom():
            self.new_page()

    def mark(self, name):
        self.marks[name] = self.pageno

    # drawing -------------------------------------------------------------
    def op_text(self, x, y, s, font=REG, size=10):
        self.page["ops"].append(("text", x, y, s, font, size))

    def op_line(self, x1, y1, x2, y2, width=0.5):
        self.page["ops"].append(("line", x1, y1, x2, y2, width))

    def line(self, s, font=REG, size=10, leading=None, indent=0.0, align="left", x=None):
        leading = leading or size * 1.3
        self.ensure(leading)
        x0, x1, _, _ = self.box()
        base = self.y - size
        if align == "right":
            xx = x1 - tw(s, font, size)
        elif align == "center":
            xx = (x0 + x1 - tw(s, font, size)) / 2
        else:
            xx = (x if x is not None else x0) + indent
        self.op_text(xx, base, s, font, size)
        self._footnotes_in(s)
        self.y -= leading
        return base

    def _footnotes_in(self, s):
        for m in SUP.finditer(s):
            n = m.group(1)
            text = self.footnote_text[n]
            self.page["footnotes"].append((n, text))
            self.page["extra_bottom"] += 12 * (1 + len(text) // 95) + 10
            assert self.y - 14 > self.bottom(), "footnote does not fit"

    def para(self, text, font=REG, size=10, leading=None, indent=0.0, marker=None, hang=14.0, after=4.0, x1_pad=0.0):
        """A wrapped paragraph.  With marker, the marker is drawn at indent
        and the text hangs at indent+hang."""
        leading = leading or size * 1.35
        segments = text.split("\n")
        first = True
        for seg in segments:
            words = seg.split()
            if not words:
                self.space(leading)
                continue
            while words:
                self.ensure(leading)
                x0, x1, _, _ = self.box()
                tx = x0 + indent + (hang if marker is not None else 0)
                line, words = take_line(words, x1 - x1_pad - tx, font, size)
                base = self.y - size
                if marker and first:  # "" = hanging indent, no marker
                    self.op_text(x0 + indent, base, marker, font, size)
                self.op_text(tx, base, line, font, size)
                self._footnotes_in(line)
                self.y -= leading
                first = False
        self.y -= after

    def lines_of(self, text, width, font, size):
        out, words = [], text.split()
        while words:
            line, words = take_line(words, width, font, size)
            out.append(line)
        return out


def write_pdf(path: Path, flow: Flow, decorate, meta: dict):
    c = canvas.Canvas(str(path), pagesize=flow.pages[0]["size"], invariant=1, pageCompression=1)
    c.setAuthor(meta.get("author", ""))
    c.setTitle(meta.get("title", ""))
    c.setSubject(meta.get("subject", ""))
    c.setCreator("referat corpus/render.py")
    c.setProducer("ReportLab")
    total = len(flow.pages)
    for i, p in enumerate(flow.pages):
        c.setPageSize(p["size"])
        if decorate:
            decorate(c, i, total, p)
        for op in p["ops"]:
            if op[0] == "text":
                _, x, y, s, font, size = op
                draw_string(c, x, y, s, font, size)
            elif op[0] == "line":
                _, x1, y1, x2, y2, w = op
                c.setLineWidth(w)
                c.line(x1, y1, x2, y2)
            elif op[0] == "rect":
                _, rx, ry, rw, rh = op
                c.setLineWidth(0.8)
                c.rect(rx, ry, rw, rh, stroke=1, fill=0)
            elif op[0] == "dot":  # a drawn (not typed) bullet
                _, cx, cy, r = op
                c.circle(cx, cy, r, stroke=0, fill=1)
        c.showPage()
    c.save()


def draw_footnotes(c, p, x0, x1, y_bottom):
    """Footnotes at the page bottom above y_bottom (used by decorators)."""
    if not p["footnotes"]:
        return
    lines = []
    for n, text in p["footnotes"]:
        words = text.split()
        first = True
        while words:
            line, words = take_line(words, x1 - x0 - 10, REG, 8)
            lines.append((n if first else "", line))
            first = False
    y = y_bottom + 12 * len(lines)
    c.setLineWidth(0.5)
    c.line(x0, y + 6, x0 + 120, y + 6)
    for n, line in lines:
        y -= 12
        if n:
            c.setFont(REG, 5)
            c.drawString(x0, y + 3, n)
        c.setFont(REG, 8)
        c.drawString(x0 + 6, y, line)


# --------------------------------------------------------------------------
# sources
# --------------------------------------------------------------------------
def load_source(name: str):
    sys.dont_write_bytecode = True  # keep corpus/sources free of __pycache__
    path = SOURCES / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"corpus_src_{name}", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.DOC


def rec_text(block, style):
    """The printed text of a ("rec", intro, clauses) block for a style."""
    _, intro, clauses = block[:3]
    if style == "at-lines":  # FirstAgenda: "Det indstilles,\nat ...\nat ..."
        lines = [intro]
        for i, cl in enumerate(clauses):
            tail = ", og" if i < len(clauses) - 1 else ""
            lines.append(("at " + cl + tail).rstrip())
        return "\n".join(lines)
    if style == "lettered":  # eDoc: "X indstiller, at\nA) ...\nB) ..."
        lines = [intro + ", at"]
        for i, cl in enumerate(clauses):
            lines.append(f"{chr(65 + i)}) {cl}")
        return "\n".join(lines)
    # inline: "Det indstilles, at A, og at B."
    parts = [f"at {cl}" for cl in clauses]
    return intro + ", " + ", og ".join(parts) + "."


# ==========================================================================
# a. Sundhedsstyrelsen-style referat
# ==========================================================================
def render_sst(doc, out: Path):
    W, H = A4
    X0, X1 = 72, 523
    X1_FRONT = 392  # page 1: body column leaves room for the sidebar
    SIDEBAR_X = 430
    TOP, BOTTOM = H - 72, 78

    def frame(i, size):
        return (X0, X1_FRONT if i == 0 else X1, TOP, BOTTOM)

    fl = Flow(frame, A4, footnotes=doc["footnotes"])
    B, R = 10.5, 10.5

    fl.line(doc["front"]["doctype"], BOLD, 20, leading=34)
    for label, value in doc["front"]["fields"]:
        fl.line(label, BOLD, B, leading=15)
        values = value if isinstance(value, list) else [value]
        for v in values:
            fl.para(v, REG, R, after=0)
        fl.space(8)
    fl.space(6)
    sidebar_y = fl.y  # the letterhead sidebar starts level with the agenda
    fl.para(doc["front"]["agenda_heading"], BOLD, 12, after=6)
    for it in doc["items"]:
        fl.para(f"Punkt {it['number']} {it['title']}", REG, R, after=2)
        for b in it["blocks"]:
            if b[0] == "sub":
                s = b[1]
                fl.para(f"{s['number']}) {s['title']}", REG, R, indent=14, marker="-", hang=12, after=2)
    fl.space(8)
    fl.line("Bilag", BOLD, B, leading=16)
    for label, title in doc["front"]["bilag"]:
        fl.para(f"{label}: {title}", REG, R, after=3)
    fl.space(14)

    # sidebar ops on page 1 (drawn into page 0's op list)
    sb_ops = []
    y = sidebar_y
    for ln in doc["letterhead"]:
        y -= 11
        if ln:
            sb_ops.append(("text", SIDEBAR_X, y, ln, REG, 8))
    fl.pages[0]["ops"].extend(sb_ops)

    def blocks(bl, level=0):
        for b in bl:
            kind = b[0]
            if kind == "h":
                fl.ensure(4 * 14)
                fl.space(4)
                fl.line(b[2], BOLD, B, leading=16)
            elif kind == "p":
                fl.para(b[1], REG, R, after=7)
            elif kind == "ul":
                for t in b[1]:
                    fl.para(t, REG, R, indent=6, marker="-", hang=12, after=3)
                fl.space(4)
            elif kind == "rec":
                fl.para(rec_text(b, "inline"), REG, R, after=7)
            elif kind == "dec":
                fl.para(b[1], REG, R, after=7)
            elif kind == "bilag":
                for label, title, *_ in b[1]:
                    fl.para(f"{label}: {title}", ITAL, R, after=3)
                fl.space(5)
            elif kind == "sub":
                s = b[1]
                fl.ensure(5 * 14)
                fl.space(4)
                fl.para(f"{s['number']}) {s['title']}", BOLD, B, after=5)
                blocks(s["blocks"], level + 1)

    for it in doc["items"]:
        fl.ensure(6 * 14)
        fl.space(10)
        fl.para(f"Punkt {it['number']} {it['title']}", BOLD, 12.5, after=6)
        blocks(it["blocks"])

    def decorate(c, i, total, p):
        c.setFont(REG, 8.5)
        s = f"Side {i + 1} af {total}"
        c.drawString((W - stringWidth(s, REG, 8.5)) / 2, 40, s)
        draw_footnotes(c, p, X0, X1, 62)

    write_pdf(out, fl, decorate, doc["meta"])
    return fl


# ==========================================================================
# b. FirstAgenda (Danske Regioner) dagsorden + referat
# ==========================================================================
def render_firstagenda(doc, out: Path):
    W, H = A4
    X0, X1 = 64, 531
    TOP, BOTTOM = H - 46, 46

    def frame(i, size):
        return (X0, X1, TOP, BOTTOM)

    fl = Flow(frame, A4)
    S = 9

    def section(b):
        fl.ensure(2 * 12)
        fl.space(2)
        fl.line(b[2], BOLD, 9.5, leading=12)

    for mi, m in enumerate(doc["meetings"]):
        if mi:
            fl.new_page(A4)
        fl.line(m["doctype"], BOLD, 20, leading=28)
        fl.line(m["body"], REG, 14, leading=21)
        for label, value in m["front"]:
            if isinstance(value, list):
                fl.line(label, BOLD, S, leading=12)
                for v in value:
                    fl.line(v, REG, S, leading=12, indent=12)
            else:
                fl.para(f"{label} {value}", REG, S, after=0)
        fl.space(10)
        for it in m["items"]:
            fl.ensure(5 * 12)
            fl.space(4)
            acc = "Offentlig" if it["access"] == "public" else "Fortrolig"
            head = f"{it['number']} ({acc}) {it['title']}".rstrip()
            fl.para(head, BOLD, 11, after=1, x1_pad=150)
            if it.get("responsible"):
                fl.line(it["responsible"], REG, 8.5, leading=11, indent=10)
            if it.get("case_line"):
                fl.line(it["case_line"], REG, 8.5, leading=11, indent=10)
            elif it["case_numbers"]:
                fl.line(it["case_numbers"][0], REG, 8.5, leading=11, indent=10)
            fl.space(2)
            for b in it["blocks"]:
                k = b[0]
                if k == "h":
                    section(b)
                elif k == "p":
                    fl.para(b[1], REG, S, after=3)
                elif k == "ul":
                    for t in b[1]:
                        fl.para(t, REG, S, indent=8, marker="-", hang=10, after=1)
                    fl.space(2)
                elif k == "rec":
                    fl.para(rec_text(b, "at-lines"), REG, S, after=3)
                elif k == "dec":
                    fl.para(b[1], REG, S, after=3)
                elif k == "bilag":
                    for label, title, suffix in b[1]:
                        fl.para(f"{label}. {title} ({suffix})", REG, S, after=1, x1_pad=40)
                    fl.space(2)

    # appended attachment: a slide handout, two framed slides per page
    att = doc["appended"]
    slides = att["slides"]
    for pi in range(0, len(slides), 2):
        fl.new_page(A4, handout=True)
        ops = fl.page["ops"]
        top = H - 60
        if pi == 0:
            ops.append(("text", X0, top - 10, f"Bilag Titel: {att['title']}", BOLD, 10))
            ops.append(("text", X0, top - 24, f"Dagsordens titel: {att['agenda_title']}", REG, 10))
            top -= 40
        fh = (top - 60) / 2 - 14  # frame height
        for k, slide in enumerate(slides[pi : pi + 2]):
            fy1 = top - k * (fh + 28)  # frame top
            ops.append(("rect", X0, fy1 - fh, X1 - X0, fh))
            sx, sy = X0 + 28, fy1 - 42
            if slide.get("cover"):
                sy = fy1 - fh / 2 + 10
                ops.append(("text", sx, sy, slide["title"], BOLD, 22))
                for t in slide.get("lines", []):
                    sy -= 24
                    ops.append(("text", sx, sy, t, REG, 13))
                continue
            ops.append(("text", sx, sy, slide["title"], BOLD, 17))
            sy -= 34
            for t in slide.get("bullets", []):
                ops.append(("dot", sx + 4, sy + 4, 2.5))
                ops.append(("text", sx + 16, sy, t, REG, 12))
                sy -= 21
            if slide.get("footer"):
                ops.append(("text", sx, fy1 - fh + 14, slide["footer"], ITAL, 8))

    def decorate(c, i, total, p):
        pass

    write_pdf(out, fl, decorate, doc["meta"])
    return fl


# ==========================================================================
# c. municipal eDoc referat (running header block on every page)
# ==========================================================================
def render_edoc(doc, out: Path):
    W, H = A4
    X0, X1 = 72, 523
    TOP, BOTTOM = H - 128, 52

    def frame(i, size):
        return (X0, X1, TOP, BOTTOM)

    S = 9.5

    def build(toc_pages):
        fl = Flow(frame, A4)
        fl.page["info"]["part"] = "open"
        # ---- front page
        fl.line(doc["doctype"], BOLD, 18, leading=30, align="center")
        fl.line(doc["body"], BOLD, 12, leading=16, align="center")
        fl.line(doc["when"], REG, S, leading=14, align="center")
        fl.line(doc["where"], REG, S, leading=14, align="center")
        fl.space(8)
        fl.line("Åbent referat", BOLD, S, leading=22, align="center")
        fl.space(6)
        fl.line("Tilstede", BOLD, S, leading=14)
        for p in doc["participants"]:
            if p["status"] == "present":
                fl.line(fmt_edoc_person(p), REG, S, leading=13.5)
        fl.space(10)
        fl.line("Afbud/Fraværende", BOLD, S, leading=14)
        for p in doc["participants"]:
            if p["status"] == "absent":
                fl.line(fmt_edoc_person(p), REG, S, leading=13.5)
        fl.space(10)
        fl.line("Sekretær", BOLD, S, leading=14)
        for p in doc["participants"]:
            if p["status"] == "secretary":
                fl.line(p["name"], REG, S, leading=13.5)
        # ---- table of contents (on the front page, below the members)
        fl.space(28)
        fl.line("INDHOLDSFORTEGNELSE", BOLD, 12, leading=24)
        for part, label in (("open", "Åbent referat"), ("closed", "Lukket referat")):
            fl.space(6)
            fl.line(label, BOLD, S, leading=16)
            for it in doc["items"]:
                if (it["access"] == "public") != (part == "open"):
                    continue
                toc_entry(fl, f"{it['number']}. {it['title']}", str(toc_pages.get(it["number"], 0)))
        # ---- items
        first_closed = True
        for idx, it in enumerate(doc["items"]):
            if it["access"] == "closed" and first_closed:
                first_closed = False
                fl.new_page(part="closed")
                fl.line("Lukket referat", BOLD, 14, leading=26)
            elif idx == 0 or it.get("new_page"):
                fl.new_page(part="open")
            else:
                fl.ensure(6 * 13)
                fl.space(9)
            fl.mark(it["number"])
            prefix = "Lukket: " if it["access"] == "closed" else ""
            fl.para(f"{prefix}{it['number']}. {it['title']}", BOLD, 11.5, after=2)
            fl.line(f"Sagsnr.: {it['case_numbers'][0]}", REG, S, leading=12.5)
            fl.line(f"Dok.nr.: {it['doknr']}", REG, S, leading=12.5)
            if it.get("earlier"):
                fl.line(it["earlier"], REG, S, leading=12.5)
            fl.space(3)
            edoc_blocks(fl, it["blocks"])
        for p in fl.pages:
            p["info"].setdefault("part", "open")
        return fl

    def edoc_blocks(fl, bl):
        for b in bl:
            k = b[0]
            if k == "h":
                fl.ensure(3 * 12.5)
                fl.space(2)
                fl.para(b[2], BOLD, S, after=0)
            elif k == "p":
                fl.para(b[1], REG, S, after=3)
            elif k == "ul":
                for t in b[1]:
                    fl.para(t, REG, S, indent=4, marker="-", hang=10, after=2)
                fl.space(4)
            elif k == "rec":
                fl.para(rec_text(b, "lettered"), REG, S, after=3)
            elif k == "dec":
                fl.para(b[1], REG, S, after=3)
            elif k == "bilag":
                for label, title, *_ in b[1]:
                    fl.para(f"{label} - {title}", REG, S, after=0)
                fl.space(3)
            elif k == "sub":
                s = b[1]
                fl.ensure(3 * 12.5)
                fl.para(f"{s['number']}. {s['title']}", REG, S, after=2)
                edoc_blocks(fl, s["blocks"])

    def toc_entry(fl, text, page):
        x0, x1, _, _ = fl.box()
        numw = 24
        lines = fl.lines_of(text, x1 - x0 - numw - 30, REG, S)
        for li, ln in enumerate(lines):
            fl.ensure(14)
            base = fl.y - S
            indent = 0 if li == 0 else 13
            fl.op_text(x0 + indent, base, ln, REG, S)
            if li == len(lines) - 1:
                end = x0 + indent + tw(ln, REG, S) + 4
                pw = tw(page, REG, S)
                dots_w = (x1 - pw - 4) - end
                n = int(dots_w / stringWidth(".", REG, S))
                fl.op_text(end, base, "." * max(n, 3), REG, S)
                fl.op_text(x1 - pw, base, page, REG, S)
            fl.y -= 14

    # two passes: the first finds the pages of the items for the TOC
    fl = build({})
    pages = {k: v for k, v in fl.marks.items()}
    fl = build(pages)
    assert fl.marks == pages

    def decorate(c, i, total, p):
        ys = H - 50
        part = "Åbent referat" if p["info"].get("part") == "open" else "Lukket referat"
        lines = [
            (doc["body"], BOLD),
            ("Referat", REG),
            (part, REG),
            (f"Dato: {doc['date_dmy']}", REG),
            (f"Side {i + 1}", REG),
        ]
        for txt, font in lines:
            c.setFont(font, 9)
            c.drawString(X1 - stringWidth(txt, font, 9), ys, txt)
            ys -= 11
        if i == 0:
            c.setFont(BOLD, 13)
            c.drawString(X0, H - 40, doc["organisation"])
        c.setLineWidth(0.5)
        c.line(X0, H - 112, X1, H - 112)

    write_pdf(out, fl, decorate, doc["meta"])
    return fl


def fmt_edoc_person(p):
    s = p["name"]
    if p.get("party"):
        s += f" ({p['party']})"
    if p.get("role"):
        s += f" - {p['role']}"
    return s


# ==========================================================================
# d. Acadre-style byrådsreferat: PDF (typed numbers) and DOCX (auto numbers)
# ==========================================================================
def acadre_person(p):
    return f"{p['name']} ({p['party']})" if p.get("party") else p["name"]


def render_acadre_pdf(doc, out: Path):
    W, H = A4
    X0, X1 = 70, 525
    TOP, BOTTOM = H - 110, 70

    def frame(i, size):
        if i == 0:
            return (X0, X1, H - 80, BOTTOM)
        return (X0, X1, TOP, BOTTOM)

    fl = Flow(frame, A4)
    S = 10
    f = doc["front"]
    fl.line("Referat", BOLD, 36, leading=50)
    fl.line(doc["body"], REG, 22, leading=34)
    fl.line(doc["title"], REG, 15, leading=22)
    fl.line(f["date_long"], REG, 15, leading=22)
    fl.line(f["time"], REG, 15, leading=22)
    for ln in f["location_lines"]:
        fl.line(ln, REG, 15, leading=20)
    fl.space(26)
    two_column_names(fl, "Medlemmer", [p for p in doc["participants"] if p.get("listed_as_member")], S)
    fl.space(10)
    fl.line("Fraværende", REG, 11, leading=16)
    for p in doc["participants"]:
        if p["status"] == "absent":
            fl.line(acadre_person(p), REG, S, leading=14)

    NUMX = 34

    def blocks(bl):
        for b in bl:
            k = b[0]
            if k == "h":
                fl.ensure(3 * 14)
                fl.space(6)
                fl.line(b[2], BOLD, 11, leading=15)
            elif k == "p":
                fl.para(b[1], REG, S, after=5)
            elif k == "ul":
                for t in b[1]:
                    fl.para(t, REG, S, indent=6, marker="-", hang=10, after=2)
                fl.space(3)
            elif k == "rec":
                fl.para(rec_text(b, "inline"), REG, S, after=5)
            elif k == "dec":
                fl.para(b[1], REG, S, after=5)
            elif k == "table":
                pdf_table(fl, b[1], S)
            elif k == "bilag":
                for label, title, suffix in b[1]:
                    x0 = fl.box()[0]
                    fl.ensure(14)
                    base = fl.y - S
                    fl.op_text(x0, base, label, REG, S)
                    fl.op_text(x0 + 14, base, "Åben", REG, S)
                    fl.op_text(x0 + 44, base, f"{title} {suffix}", REG, S)
                    fl.y -= 14
            elif k == "sub":
                s = b[1]
                fl.ensure(4 * 14)
                fl.space(8)
                x0 = fl.box()[0]
                base = fl.y - 11.5
                fl.op_text(x0, base, f"{s['number']})", BOLD, 11.5)
                fl.op_text(x0 + NUMX - 10, base, s["title"], BOLD, 11.5)
                fl.y -= 17
                blocks(s["blocks"])

    for i, it in enumerate(doc["items"]):
        if i == 0:
            fl.new_page()
        else:
            fl.ensure(8 * 14)
            fl.space(18)
        x0, x1, _, _ = fl.box()
        lines = fl.lines_of(it["title"], x1 - x0 - NUMX, BOLD, 13)
        for li, ln in enumerate(lines):
            fl.ensure(17)
            base = fl.y - 13
            if li == 0:
                fl.op_text(x0, base, f"{it['number']}.", BOLD, 13)
            fl.op_text(x0 + NUMX, base, ln, BOLD, 13)
            fl.y -= 17
        fl.space(4)
        for label, value in (("Sagsnr.:", it["case_numbers"][0]), ("Sagen afgøres i:", it["afgores"])):
            base = fl.y - S
            fl.op_text(x0, base, label, BOLD, S)
            fl.op_text(x0 + 110, base, value, REG, S)
            fl.y -= 14
        blocks(it["blocks"])

    # signature page
    fl.new_page()
    fl.line("Underskriftsside", BOLD, 13, leading=30)
    two_column_names(fl, None, [p for p in doc["participants"] if p.get("listed_as_member")], S, gap=30)

    def decorate(c, i, total, p):
        if i == 0:
            return
        c.setFont(REG, 9)
        c.drawString(X0, H - 60, f"Referat for {doc['body']}")
        s = f"Side {i}"
        c.drawString(X1 - stringWidth(s, REG, 9), H - 60, s)
        c.drawString(X0, H - 72, doc["front"]["header_when"])
        c.setLineWidth(0.5)
        c.line(X0, H - 78, X1, H - 78)
        c.setFont(REG, 7.5)
        c.drawString(X0, 40, doc["footer"])

    write_pdf(out, fl, decorate, doc["meta"])
    return fl


def two_column_names(fl, heading, people, S, gap=16):
    x0, x1, _, _ = fl.box()
    if heading:
        fl.line(heading, REG, 11, leading=18)
    mid = x0 + (x1 - x0) / 2
    for i in range(0, len(people), 2):
        fl.ensure(gap)
        base = fl.y - S
        fl.op_text(x0, base, acadre_person(people[i]), REG, S)
        if i + 1 < len(people):
            fl.op_text(mid, base, acadre_person(people[i + 1]), REG, S)
        fl.y -= gap if heading is None else 14


def pdf_table(fl, t, S):
    x0, x1, _, _ = fl.box()
    widths = t["widths"]
    scale = (x1 - x0) / sum(widths)
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w * scale)
    rows = [t["header"]] + t["rows"]
    fl.ensure(16 * (len(rows) + 2))
    if t.get("caption"):
        fl.line(t["caption"], ITAL, 9, leading=14)
    top = fl.y
    fl.op_line(x0, top, x1, top)
    for ri, row in enumerate(rows):
        bold = ri == 0 or (t.get("total_last") and ri == len(rows) - 1)
        font = BOLD if bold else REG
        base = fl.y - 11
        for ci, cell in enumerate(row):
            if ci == 0:
                fl.op_text(xs[ci] + 3, base, cell, font, 9)
            else:
                fl.op_text(xs[ci + 1] - 3 - tw(cell, font, 9), base, cell, font, 9)
        fl.y -= 15
        fl.op_line(x0, fl.y, x1, fl.y, 0.3 if 0 < ri < len(rows) - 1 else 0.6)
    fl.space(8)


# ---------------------------------------------------------------- DOCX ----
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DOCX_TIME = (2025, 3, 13, 8, 0, 0)


def run(text, bold=False, italic=False, size=None):
    rpr = ""
    if bold or italic or size:
        rpr = (
            "<w:rPr>"
            + ("<w:b/><w:bCs/>" if bold else "")
            + ("<w:i/>" if italic else "")
            + (f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>' if size else "")
            + "</w:rPr>"
        )
    parts = plain(text).split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(p)}</w:t>' for p in parts)
    return f"<w:r>{rpr}{body}</w:r>"


def para(runs, style=None, num=None, jc=None, spacing=None, keep=False, tabs=None, page_break_before=False):
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if keep:
        ppr += "<w:keepNext/>"
    if page_break_before:
        ppr += "<w:pageBreakBefore/>"
    if num is not None:
        ilvl, num_id = num
        ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    if tabs:
        ppr += "<w:tabs>" + "".join(f'<w:tab w:val="{v}" w:pos="{p}"/>' for v, p in tabs) + "</w:tabs>"
    if spacing:
        ppr += f'<w:spacing w:before="{spacing[0]}" w:after="{spacing[1]}"/>'
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    ppr = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def tab_run():
    return "<w:r><w:tab/></w:r>"


def docx_table(rows, widths, header=True, align_right_from=1, borders=True, bold_last=False):
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    b = ""
    if borders:
        b = (
            "<w:tblBorders>"
            + "".join(
                f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>' for e in ("top", "bottom", "insideH")
            )
            + "</w:tblBorders>"
        )
    out = [
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>{b}'
        f'<w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
    ]
    for ri, row in enumerate(rows):
        bold = (header and ri == 0) or (bold_last and ri == len(rows) - 1)
        out.append("<w:tr>")
        for ci, cell in enumerate(row):
            jc = "right" if ci >= align_right_from and align_right_from else None
            out.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{widths[ci]}" w:type="dxa"/>'
                f"</w:tcPr>{para([run(cell, bold=bold)], jc=jc)}</w:tc>"
            )
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


STYLES_XML = "\n".join(
    [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        f'<w:styles xmlns:w="{W_NS}">',
        '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/>'
        '<w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="da-DK"/></w:rPr></w:rPrDefault><w:pPrDefault>'
        '<w:pPr><w:spacing w:after="120" w:line="260" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
        "</w:docDefaults>",
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>',
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr>'
        '<w:keepNext/><w:tabs><w:tab w:val="left" w:pos="680"/></w:tabs>'
        '<w:spacing w:before="360" w:after="120"/><w:ind w:left="680" w:hanging="680"/>'
        '<w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>',
        '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr>'
        '<w:keepNext/><w:spacing w:before="240" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr>'
        '<w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style>',
        '<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr>'
        '<w:keepNext/><w:spacing w:before="200" w:after="40"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr>'
        '<w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>',
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
        '<w:qFormat/><w:rPr><w:sz w:val="72"/><w:szCs w:val="72"/></w:rPr></w:style>',
        '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:tabs><w:tab w:val="right" w:pos="9070"/></w:tabs><w:spacing w:after="0"/></w:pPr><w:rPr>'
        '<w:sz w:val="18"/></w:rPr></w:style>',
        '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="15"/></w:rPr></w:style>',
        '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>'
        '<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>',
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>",
        "</w:styles>",
    ]
)

# Item headings: level 0 "%1." starting at 101; sub-items: level 1 "%2)"
# lower-case letters (a, b, ...), restarting under each item.  numId 2 is a
# plain bullet list for "-" lists.
NUMBERING_XML = "\n".join(
    [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        f'<w:numbering xmlns:w="{W_NS}">',
        '<w:abstractNum w:abstractNumId="0"><w:nsid w:val="5A1C0E01"/><w:multiLevelType w:val="multilevel"/>'
        '<w:tmpl w:val="2E0C1A10"/>',
        '<w:lvl w:ilvl="0"><w:start w:val="101"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading1"/>'
        '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:tabs><w:tab w:val="num" w:pos="680"/>'
        '</w:tabs><w:ind w:left="680" w:hanging="680"/></w:pPr></w:lvl>',
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:tabs><w:tab w:val="num" w:pos="680"/></w:tabs>'
        '<w:ind w:left="680" w:hanging="680"/></w:pPr></w:lvl>',
        "</w:abstractNum>",
        '<w:abstractNum w:abstractNumId="1"><w:nsid w:val="5A1C0E02"/><w:multiLevelType w:val="singleLevel"/>'
        '<w:tmpl w:val="2E0C1A11"/>',
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl>',
        "</w:abstractNum>",
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>',
        "</w:numbering>",
    ]
)


def render_acadre_docx(doc, out: Path):
    f = doc["front"]
    body = []
    body.append(para([run("Referat", bold=True, size=72)], style="Title", spacing=(0, 120)))
    body.append(para([run(doc["body"], size=48)], spacing=(160, 160)))
    body.append(para([run(doc["title"], size=32)]))
    body.append(para([run(f["date_long"], size=32)]))
    body.append(para([run(f["time"], size=32)]))
    body.append(para([run("\n".join(f["location_lines"]), size=32)], spacing=(0, 480)))
    members = [p for p in doc["participants"] if p.get("listed_as_member")]
    body.append(para([run("Medlemmer", size=22)], spacing=(0, 200)))
    rows = []
    for i in range(0, len(members), 2):
        pair = members[i : i + 2]
        rows.append([acadre_person(p) for p in pair] + [""] * (2 - len(pair)))
    body.append(docx_table(rows, [4535, 4535], header=False, align_right_from=0, borders=False))
    body.append(para([run("Fraværende", size=22)], spacing=(240, 120)))
    for p in doc["participants"]:
        if p["status"] == "absent":
            body.append(para([run(acadre_person(p))]))

    def blocks(bl):
        for b in bl:
            k = b[0]
            if k == "h":
                body.append(para([run(b[2], bold=True)], style="Heading3", keep=True))
            elif k == "p":
                for seg in b[1].split("\n\n"):
                    body.append(para([run(seg)]))
            elif k == "ul":
                for t in b[1]:
                    body.append(para([run(t)], style="ListParagraph", num=(0, 2)))
            elif k == "rec":
                body.append(para([run(rec_text(b, "inline"))]))
            elif k == "dec":
                body.append(para([run(b[1])]))
            elif k == "table":
                t = b[1]
                if t.get("caption"):
                    body.append(para([run(t["caption"], italic=True)]))
                widths = [int(w * 9070 / sum(t["widths"])) for w in t["widths"]]
                body.append(docx_table([t["header"]] + t["rows"], widths, bold_last=t.get("total_last", False)))
                body.append(para([]))
            elif k == "bilag":
                for label, title, suffix in b[1]:
                    body.append(
                        para(
                            [run(label), tab_run(), run("Åben"), tab_run(), run(f"{title} {suffix}")],
                            tabs=[("left", 400), ("left", 1100)],
                            spacing=(0, 0),
                        )
                    )
            elif k == "sub":
                s = b[1]
                # sub-item: automatic "%2)" number, no typed letter
                body.append(para([run(s["title"], bold=True)], style="Heading2", num=(1, 1)))
                blocks(s["blocks"])

    for i, it in enumerate(doc["items"]):
        # item heading: automatic "%1." number from numbering.xml, no typed
        # number in the text
        body.append(para([run(it["title"], bold=True)], style="Heading1", num=(0, 1), page_break_before=(i == 0)))
        for label, value in (("Sagsnr.:", it["case_numbers"][0]), ("Sagen afgøres i:", it["afgores"])):
            body.append(para([run(label, bold=True), tab_run(), run(value)], tabs=[("left", 2000)], spacing=(0, 0)))
        blocks(it["blocks"])

    body.append(para([run("Underskriftsside", bold=True, size=26)], page_break_before=True, spacing=(0, 480)))
    body.append(docx_table(rows, [4535, 4535], header=False, align_right_from=0, borders=False))

    sect = (
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1"/>'
        '<w:footerReference w:type="default" r:id="rIdFooter1"/>'
        '<w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="2155" w:right="1287" w:bottom="1300" w:left="1418"'
        ' w:header="720" w:footer="600" w:gutter="0"/>'
        '<w:pgNumType w:start="0"/><w:titlePg/></w:sectPr>'
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>' + "".join(body) + sect + "</w:body></w:document>"
    )

    page_field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    header = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        + para([run(f"Referat for {doc['body']}"), tab_run(), run("Side "), page_field], style="Header")
        + para([run(f["header_when"])], style="Header")
        + "</w:hdr>"
    )
    footer = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}">' + para([run(doc["footer"])], style="Footer") + "</w:ftr>"
    )

    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
        '<Override PartName="/word/numbering.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
        '<Override PartName="/word/settings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
        '<Override PartName="/word/header1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
        '<Override PartName="/word/footer1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/>'
        '<Relationship Id="rId2" '
        'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
        'Target="docProps/core.xml"/>'
        '<Relationship Id="rId3" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" '
        'Target="docProps/app.xml"/>'
        "</Relationships>"
    )
    doc_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rIdStyles" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '<Relationship Id="rIdNumbering" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
        '<Relationship Id="rIdSettings" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
        '<Relationship Id="rIdHeader1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
        '<Relationship Id="rIdFooter1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
        "</Relationships>"
    )
    settings = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:settings xmlns:w="{W_NS}"><w:defaultTabStop w:val="1304"/>'
        f'<w:characterSpacingControl w:val="doNotCompress"/>'
        f"</w:settings>"
    )
    meta = doc["meta"]
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(meta['title'])}</dc:title>"
        f"<dc:creator>{escape(meta['author'])}</dc:creator>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2025-03-13T08:00:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-03-13T08:00:00Z</dcterms:modified>'
        "</cp:coreProperties>"
    )
    app = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>referat corpus/render.py</Application></Properties>"
    )

    parts = [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", rels),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", doc_rels),
        ("word/styles.xml", STYLES_XML),
        ("word/numbering.xml", NUMBERING_XML),
        ("word/settings.xml", settings),
        ("word/header1.xml", header),
        ("word/footer1.xml", footer),
        ("docProps/core.xml", core),
        ("docProps/app.xml", app),
    ]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            zi = zipfile.ZipInfo(name, date_time=DOCX_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 3
            z.writestr(zi, data.encode("utf-8"))


# ==========================================================================
RENDERERS = {
    "sst_taskforce": [("sst-taskforce-referat.pdf", render_sst)],
    "regioner_psu": [("regioner-psu-dagsorden-referat.pdf", render_firstagenda)],
    "kommune_edoc": [("kommune-edoc-referat.pdf", render_edoc)],
    "byraad_acadre": [
        ("byraad-acadre-referat.pdf", render_acadre_pdf),
        ("byraad-acadre-referat.docx", render_acadre_docx),
    ],
}


def main(argv):
    only = argv[1:] if len(argv) > 1 else None
    for name, targets in RENDERERS.items():
        if only and not any(o in name for o in only):
            continue
        doc = load_source(name)
        for filename, fn in targets:
            out = HERE / filename
            fl = fn(doc, out)
            pages = len(fl.pages) if fl is not None else "-"
            print(f"{out.relative_to(HERE.parent)}: {out.stat().st_size} bytes, pages {pages}")


if __name__ == "__main__":
    main(sys.argv)
