"""A document-sharing site's transcript of a PDF: each page's text is one paragraph led by the
page's number ("3 1. Godkendelse af referat …"), the site's buttons around it, and the PDF's
running header and footer run into every page's text. This module turns such a text back into
its pages, without the site's controls and without the running header and footer."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from referat.extract.pages import Line, Page
from referat.extract.vocabulary import SHARING_SITE_CONTROLS

# A transcript page's line starts with the page's number: "3 1. Godkendelse af referat …".
_LEADING_PAGE_NUMBER = re.compile(r"^(\d{1,4})\s+(?=\S)")


def transcript_pages(pages: list[Page]) -> list[Page] | None:
    """The transcript's pages, or None when the text is not a transcript: the page numbers
    that lead the paragraphs become page breaks; the site's buttons, the running header
    (kept on the first page, where it is mostly the title) and the running footer go."""
    transcript = break_at_page_numbers(pages)
    if transcript is None:
        return None
    transcript = [
        Page(page.number, [_unwrapped(line) for line in page.lines if not SHARING_SITE_CONTROLS.match(line.text)])
        for page in transcript
    ]
    return without_running_footer(without_running_header(transcript))


_DOWNLOAD_BUTTON = re.compile(r'^Download\s+"(?P<title>[^"]*)"?$', re.IGNORECASE)


def _unwrapped(line: Line) -> Line:
    """The sharing site's 'Download "<title>"' button: the document's title it quotes."""
    button = _DOWNLOAD_BUTTON.match(line.text.strip())
    return line.with_text(button.group("title")) if button else line


def without_running_header(pages: list[Page]) -> list[Page]:
    """A transcript's pages without the running header that opens each ("Bornholms
    Regionskommune Tirsdag den side 3 …"): the longest run of words, the page's own number
    aside, that opens a line on three pages at least and on most of them; kept on the first page,
    where it is mostly the document's title too. (A printed page's header is removed by the
    layout stage; a transcript has run it into the page's text.)

    Example:
        >>> texts = ("Referat Møde den 15. februar", "Fraværende: Ingen", "1. Godkendelse af dagsorden")
        >>> pages = [Page(n, [Line(f"Ældrerådet Tirsdag den side {n} {text}", n)]) for n, text in enumerate(texts, 1)]
        >>> [page.lines[0].text for page in without_running_header(pages)]  # doctest: +NORMALIZE_WHITESPACE
        ['Ældrerådet Tirsdag den side 1 Referat Møde den 15. februar', 'Fraværende: Ingen',
         '1. Godkendelse af dagsorden']
    """

    # Each line's first words, the page's own number masked: only it differs from page to page
    # ("side 3", "3/48").
    openers = [
        [
            [re.sub(rf"(?<!\d){page.number}(?!\d)", "#", word) for word in line.text.split(maxsplit=13)[:13]]
            for line in page.lines
        ]
        for page in pages
    ]

    for length in range(12, 2, -1):
        openings: Counter[tuple[str, ...]] = Counter()
        for page_openers in openers:
            openings.update({tuple(words[:length]) for words in page_openers if len(words) > length})
        if not openings:
            continue
        opening, count = openings.most_common(1)[0]
        # (an item's label opening every page is no header: "Sag nr. 5 …", "Punkt 3 …")
        labelled = re.match(r"(?i:sag|punkt|pkt|nr|ad)\b|\d", opening[0])
        # (on two pages of a short excerpt only when it is long: no text opens two pages with
        # the same six words)
        repeated = count >= 3 or (count == 2 and length >= 6)
        if repeated and count * 5 >= len(pages) * 3 and not labelled:
            return [
                Page(
                    page.number,
                    [
                        line.with_text(" ".join(line.text.split()[length:]))
                        if tuple(words[:length]) == opening and page is not pages[0]
                        else line
                        for line, words in zip(page.lines, page_openers, strict=True)
                    ],
                    page.width,
                    page.height,
                )
                for page, page_openers in zip(pages, openers, strict=True)
            ]
    return pages


def break_at_page_numbers(pages: list[Page]) -> list[Page] | None:
    """Paragraphs led by 1, 2, 3 … in order are the transcript's pages: the number is cut off
    and, in a text without form feeds, starts a page of that number. None when the text has
    no such paragraphs (it is not a transcript), or when more paragraphs stand between them
    than they are: a page is one paragraph, and "1 Åbent Meddelelser" / "050527-2012" /
    "Resumé" / … "2 Åbent Forslag …" are item headings numbered 1, 2, 3 with their text."""
    expected = 1
    starts: dict[tuple[int, int], int] = {}  # (page index, line index) → printed page number
    paragraphs = ""  # "p" a page's paragraph, "o" any other, in order
    for p, page in enumerate(pages):
        for i, line in enumerate(page.lines):
            if not (i == 0 or line.blank_before) or not line.text.strip():
                continue
            match = _LEADING_PAGE_NUMBER.match(line.text)
            if match and int(match.group(1)) == expected:
                starts[(p, i)] = expected
                expected += 1
            paragraphs += "p" if starts.get((p, i)) else "o"
    # (before the first page and after the last: the site's wrapper and related documents)
    between = paragraphs.strip("o").count("o")
    if len(starts) < 2 or between > len(starts):
        return None
    regroup = len(pages) == 1
    result: list[Page] = []
    current = Page(pages[0].number, [], pages[0].width, pages[0].height)
    for p, page in enumerate(pages):
        if not regroup and p:
            result.append(current)
            current = Page(page.number, [], page.width, page.height)
        for i, line in enumerate(page.lines):
            number = starts.get((p, i))
            if number is not None:
                line = line.with_text(_LEADING_PAGE_NUMBER.sub("", line.text, count=1))
                if regroup and number > 1:
                    result.append(current)
                    current = Page(number, [], page.width, page.height)
            if regroup:
                line = replace(line, page=current.number)
            current.lines.append(line)
    result.append(current)
    return result


# A number in a footer is masked: the footer's page number is not the transcript's ("Side nr. 3"
# on the transcript's page 4, after an unnumbered cover), and its date may be any.
_NUMBER = re.compile(r"\d+")


def without_running_footer(pages: list[Page]) -> list[Page]:
    """A transcript's pages without the running footer that closes each ("GRO - Grønt Råd
    2013 den 22. maj 2013 Side nr. 3"): the longest run of words, numbers masked, that ends
    the last line on three pages at least and on most of them. It must carry a number (a page
    number or a date) or be five words long: three pages that end on the same short verdict
    ("Udvalgets beslutning: Godkendt") keep it.

    Example:
        >>> texts = ("Referat Ældrerådet", "1. Godkendelse af dagsorden Godkendt", "2. Budget Drøftet")
        >>> footer = "Ældrerådet den 3. maj 2013 Side nr. {}"
        >>> pages = [Page(n, [Line(f"{text} {footer.format(n - 1)}", n)]) for n, text in enumerate(texts, 1)]
        >>> [page.lines[0].text for page in without_running_footer(pages)]
        ['Referat Ældrerådet', '1. Godkendelse af dagsorden Godkendt', '2. Budget Drøftet']
    """
    closers = [
        [_NUMBER.sub("#", word) for word in page.lines[-1].text.split()[-16:]] if page.lines else [] for page in pages
    ]
    for length in range(16, 2, -1):
        endings = Counter(tuple(words[-length:]) for words in closers if len(words) >= length)
        if not endings:
            continue
        ending, count = endings.most_common(1)[0]
        marked = any("#" in word for word in ending) or length >= 5
        worded = sum(any(char.isalpha() for char in word) for word in ending) >= 2
        if count >= 3 and count * 5 >= len(pages) * 3 and marked and worded:
            return [_without_ending(page, words, ending) for page, words in zip(pages, closers, strict=True)]
    return pages


def _without_ending(page: Page, words: list[str], ending: tuple[str, ...]) -> Page:
    if not words or tuple(words[-len(ending) :]) != ending:
        return page
    last = page.lines[-1]
    kept = last.text.split()[: -len(ending)]
    lines = page.lines[:-1] + ([last.with_text(" ".join(kept))] if kept else [])
    return Page(page.number, lines, page.width, page.height)
