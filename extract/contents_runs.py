"""A table of contents whose entries a transcript ran together into one line.

A document-sharing site's text layer of a PDF contents page keeps the titles and loses the
columns around them: "Budgetopfølgningen for udvalget ultimo februar måned Årsregnskab
sektorbeskrivelse Kultur- og udviklingsudvalgets arbejdsplan Forslag til idekatalog til
budget … Meddelelser...36 Bilagsoversigt...38". The numbers and page numbers are gone; what
is left to cut at is where a title starts: a capitalised word after the last word of a
title. Danish titles are capitalised only at their start and in names, and a name follows
a preposition ("… i Hevring Ådal") or another name; that is the rule here. It is a
reading, not a certainty; an entry has a number only where one stands between the titles.
"""

from __future__ import annotations

import re
from collections import Counter

from referat.extract.title_words import STANDING_ITEM_TITLES, opens_a_title
from referat.extract.vocabulary import ITEM_GROUP_LABEL, NAME_ENDINGS, NAME_MAY_FOLLOW, NAME_OPENERS

# A part of the list in ordinary case: "Åbne dagsordenspunkter", "Lukket dagsorden", and a
# label over a group of items ("Åbne efterretningssager", "Sager til beslutning").
_PART_LABEL = (
    r"\b(?:Åbne|Lukkede)\s+(?:(?:dagsordens)?punkter|sager)\b:?|\b(?:Åben|Åbent|Lukket)\s+dagsorden\b:?"
    rf"|\b(?:{ITEM_GROUP_LABEL.pattern}):?(?=\s|$)"
)
# An access marker before one entry's title, in ordinary case: "Lukket - Ejendomssag",
# "Lukket punkt: Salg af grund" (in capitals it is read with the group labels).
_ENTRY_CLOSED_MARK = re.compile(r"(?:(?<=\s)|^)(?:Lukket|Fortrolig)(?:\s+(?:punkt|sag))?\s*(?:[-–]|:)\s+")
# An access marker after an entry's title, in capitals: "LUKKET SAG", "LUKKET PUNKT" (no colon).
_CLOSED_AFTER_TITLE = re.compile(r"(?:LUKKET|FORTROLIG)\s+(?:SAG|PUNKT)")
# Words that end the contents: the lists after it and the page furniture.
# ("Samlet bilagsliste": the collected attachments)
_END = re.compile(
    r"^(?:Samlet\s+|Samlede\s+)?(?:Bilagsoversigt|Bilagsfortegnelse|Bilagsliste|bilagsoversigt|bilagsfortegnelse|bilagsliste)\b"
    r"|^(?:Underskriftsside|Underskrifter|Underskriftsblad|Underskriftsark)\b"
)
# "Meddelelser...36": a dot leader and page number end an entry.
_PAGE_REFERENCE = re.compile(r"\.{2,}\s*\d{0,3}$")
_CAPITAL = re.compile(r"[A-ZÆØÅ]")
_LONGEST_STANDING_TITLE = max(len(title.split()) for title in STANDING_ITEM_TITLES)


def run_on_entries(text: str) -> list[tuple[str, str, str]]:
    """The entries (number, title, access) a run of contents entries holds, in order. Words in
    capitals are the list's group labels ("TIL KOMMUNALBESTYRELSENS AFGØRELSE", "LUKKEDE
    SAGER"); after a closed group's label the entries are closed, and "LUKKET PUNKT:" alone
    is a closed entry whose title is withheld.

    Example:
        >>> run_on_entries("TIL AFGØRELSE Budget 2014 Salg af grund LUKKEDE SAGER LUKKET PUNKT: LUKKET PUNKT:... 27")
        [('', 'Budget 2014', 'public'), ('', 'Salg af grund', 'public'), ('', '', 'closed'), ('', '', 'closed')]
        >>> run_on_entries("Budget 2014 Gensidig orientering Lukket - Ejendomssag Lukket - Personalesag Underskrifter")
        ... # doctest: +NORMALIZE_WHITESPACE
        [('', 'Budget 2014', 'public'), ('', 'Gensidig orientering', 'public'), ('', 'Ejendomssag', 'closed'),
         ('', 'Personalesag', 'closed')]
    """
    entries: list[tuple[str, str, str]] = []
    access = "public"
    text = re.sub(r"\b(LUKKET\s+SAG)\.{2,}\s*\d{1,3}\b", r"\1 ", text)  # (the last entry's leader and page)
    for part in re.split(rf"((?:\b[A-ZÆØÅ]{{2,}}[:.]*(?:\s+|$)){{2,}}|{_PART_LABEL})", text):
        label = part.strip()
        if not label:
            continue
        if re.fullmatch(_PART_LABEL, label):
            access = "closed" if label.lower().startswith("lukke") else "public"
            continue  # (access words alone, "Sager til beslutning", keep the part's access)
        if label.isupper() and entries and _CLOSED_AFTER_TITLE.fullmatch(label):
            # "… årsmøde LUKKET SAG Besvarelse af …", "… Undervisningsministeriet - LUKKET SAG": the
            # marker after the entry it closes (with a colon it opens a withheld one)
            entries[-1] = (*entries[-1][:2], "closed")
            continue
        if label.isupper():
            closed_marks = re.findall(r"LUKKET\s+PUNKT", label)
            if re.search(r"LUKKEDE|LUKKET\s+MØDE|FORTROLIG", label):
                access = "closed"
            entries += [("", "", "closed")] * len(closed_marks)
            continue
        # "… Gensidig orientering Lukket - Ejendomssag Lukket - Personalesag": the marker
        # before each closed entry's title
        for n, piece in enumerate(_ENTRY_CLOSED_MARK.split(label)):
            titles = run_on_titles(piece, opening="-" if n else "")
            entries += [
                (number, title, "closed" if n and not t else access) for t, (number, title) in enumerate(titles)
            ]
    return entries


def run_on_titles(text: str, opening: str = "") -> list[tuple[str, str]]:
    """The entries (number, title) a run of contents entries holds, in order. A number
    alone ends an entry: a page number, or an item number where the page's two columns
    came out side by side ("… borgmesteren. 4 2 Budgetlægning …": page 4, then item 2); a
    number the text lost is "".

    Example:
        >>> run_on_titles(
        ...     "Budgetopfølgning ultimo februar Årsregnskab sektorbeskrivelse Forslag til vindmøller i "
        ...     "Hevring Ådal Renovering af skulptur Meddelelser...36 Bilagsoversigt...38"
        ... )  # doctest: +NORMALIZE_WHITESPACE
        [('', 'Budgetopfølgning ultimo februar'), ('', 'Årsregnskab sektorbeskrivelse'),
         ('', 'Forslag til vindmøller i Hevring Ådal'), ('', 'Renovering af skulptur'), ('', 'Meddelelser')]
        >>> run_on_titles("1 Orientering fra borgmesteren. 4 2 Budgetlægning 2015 5 3 Salg af bygning 7")
        [('1', 'Orientering fra borgmesteren'), ('2', 'Budgetlægning 2015'), ('3', 'Salg af bygning')]
    """
    words = text.replace("...", "... ").split()
    quotes = _OpenQuotes()
    item_numbers = _item_number_run(words)
    # (a list with a page column: most of its item numbers follow the entry before's page)
    paged = 2 * sum(1 for index in item_numbers if index and words[index - 1].isdigit()) >= len(item_numbers)
    codes = _route_codes(words)
    titles: list[list[str]] = [[]]
    numbers: list[str] = [""]
    coded: set[int] = set()  # entries a route code opened: entries, not group labels
    split_off: set[int] = set()  # entries a capitalised word opened, not a number
    name_run_after_joiner = False  # the capitalised words before this one are a name
    digits: list[str] = []  # numbers standing alone since the last word of a title
    for index, word in enumerate(words):
        if _END.match(" ".join(words[index : index + 2])):
            if any(titles):
                break
            # the attachments' overview listed first ("Punkt nr. Side Bilagsoversigt 4 1
            # Meddelelser 5 …"): no entry; its page number stands alone after it
            continue
        if word.startswith(".") and not word.strip("."):
            # a leader's dots on their own end the entry; its page number may follow
            titles.append([])
            numbers.append("")
            name_run_after_joiner = False
            continue
        if index in item_numbers:
            # an item number of the list's run ("… Kommune 4 Udvalget for Beskæftigelse 71
            # Ekstraopgaver …": page 4, a group label, item 71)
            if digits and not paged:  # ("… Egebjerg Fase 2 17 Kommunegaranti …": no page column)
                titles[-1] += digits
            titles.append([])
            numbers.append(word)
            digits, name_run_after_joiner = [], False
            continue
        if word.isdigit() and len(word) <= 3:
            digits.append(word)
            continue
        if re.fullmatch(r"\d{1,3}\.", word) and (digits or not any(titles)):
            digits += ["", word.rstrip(".")]  # "… Hovedstaden 9 4. Regionsrådets …": page 9, item 4
            continue
        if word == "Side" and index + 1 < len(words) and words[index + 1].isdigit():
            continue  # the page's own footer, "Side 2"
        if word in codes:
            # the committee that prepared the case opens each entry ("5 ØK Salg af …"); no
            # part of the title
            if digits or any(titles[-1]):
                number = _number_of_next_entry(digits, titles)
                titles.append([])
                numbers.append(number)
            digits, name_run_after_joiner = [], False
            coded.add(len(titles) - 1)
            continue
        if digits and not _CAPITAL.match(word) and all(digits):
            titles[-1] += digits  # "… afsat på 5 mio. kr.": a count in the title, not a page
            digits = []
        if digits:
            number = _number_of_next_entry(digits, titles)
            titles.append([])
            numbers.append(number)
            digits, name_run_after_joiner = [], False
        following = words[index + 1] if index + 1 < len(words) else ""
        # (``opening``: what stood before the text, "-" after a marker: "Lukket - Orientering Renovering …")
        previous = titles[-1][-1] if titles[-1] else (opening if index == 0 else "")
        # ("Norddjurs Kommune Meddelelser...36": a title of its own, its page after the leader)
        ahead = "x" if _ends_with_page(word) else following
        # (a title every agenda has, whole, ends its entry: "… Meddelelser Genafsættelse af skel …",
        # "Budget Thyges Gård, omlægning …")
        # (only a title as short as the standing ones is joined to be looked up: joining every
        # title at every word would take time quadratic in a run-on line)
        short = len(titles[-1]) <= _LONGEST_STANDING_TITLE
        standing = short and " ".join(titles[-1]).lower() in STANDING_ITEM_TITLES
        if (
            previous
            and _CAPITAL.match(word)
            # (… and one ahead, whole before the next capital or the end: "… Indsatspuljen Eventuelt")
            and (
                standing
                or _standing_title_ahead(words, index)
                or _starts_a_title(word, previous, ahead, name_run_after_joiner)
            )
            and not quotes.open_in(len(titles), titles[-1])  # ('Ansøgning om støtte til "Åbent Hindsholm 2012"')
        ):
            titles.append([])
            numbers.append("")
            previous = ""
            split_off.add(len(titles) - 1)
        if _CAPITAL.match(word):
            continues_a_name = bool(previous) and _CAPITAL.match(previous) is not None
            # (or a name that ends in "Kommune" after a noun: "bygherre Nordby Kommune Salg af …")
            after_a_joiner = (
                _joins(previous)
                or previous in ("-", "–")
                or (previous[:1].islower() and following.rstrip(",.") in NAME_ENDINGS)
            )
            name_run_after_joiner = name_run_after_joiner if continues_a_name else after_a_joiner
        else:
            name_run_after_joiner = False
        titles[-1].append(word)
        if _PAGE_REFERENCE.search(word):
            titles[-1][-1] = _PAGE_REFERENCE.sub("", word)
            titles.append([])
            numbers.append("")
            name_run_after_joiner = False
    entries = [(number, " ".join(" ".join(title).split())) for number, title in zip(numbers, titles, strict=True)]
    if item_numbers:  # between numbered entries, a title without one is a group label …
        entries = [
            entry
            for at, entry in enumerate(_rejoined(entries, split_off))
            if entry[0] or at in coded or _fills_a_gap(entries, at)
        ]
    entries = [(number, title.strip(" .-")) for number, title in entries]
    # (a title that ends in a colon heads the entries after it: "Punkter på lukket møde:")
    return [
        (number, title)
        for number, title in entries
        if len(title) >= 3 and not title.isdigit() and not title.endswith(":")
    ]


def _number_of_next_entry(digits: list[str], titles: list[list[str]]) -> str:
    """The item number among the lone numbers before an entry: the last of two standing
    together (page, then number), or one before the first title; "" for a page alone."""
    return digits[-1] if digits and (len(digits) >= 2 or not any(titles)) else ""


# A committee's short code in capitals ("ØK", "TM", "BUU"): two to four letters.
_CODE = re.compile(r"[A-ZÆØÅ]{2,4}")


def _route_codes(words: list[str]) -> set[str]:
    """The codes of the committees that prepared each case, when a contents list prints one
    between an entry's number and its title ("1 ØK Horsens Havn - årsrapport ØK Horsens Vand
    … 5 ØK Bestyrelse … 15 TM Vejnavne"): a short word in capitals that stands after a lone
    number at least twice and three times in all. Then every such word after a lone number
    is a code. Empty when the list has none.

    Example:
        >>> sorted(_route_codes("1 ØK Havn ØK Vand 5 ØK Salg 6 TM Vej af KL".split()))
        ['TM', 'ØK']
    """
    after_number = Counter(
        words[index] for index in range(1, len(words)) if _CODE.fullmatch(words[index]) and words[index - 1].isdigit()
    )
    counts = Counter(word for word in words if word in after_number)
    if not any(after_number[code] >= 2 and counts[code] >= 3 for code in after_number):
        return set()
    return set(after_number)


def _rejoined(entries: list[tuple[str, str]], split_off: set[int]) -> list[tuple[str, str]]:
    """Entries with the rest of a title a capital cut off put back: alone between two numbers
    that count on by one ("3 Lokalplan 238.1 … 7/13. Forslag 4 Projektforslag …"), the
    words are no entry of their own (no number was lost) and no group label (a page number
    would stand before one). The entries keep their positions; the rest is left empty."""
    rejoined = list(entries)
    # (a label form the list prints after a page number is a group label wherever it stands:
    # "… 9 Udvalget for Læring 73 … for år Udvalget for Social Omsorg 74 …")
    label_words = Counter(
        title.split()[0] for at, (number, title) in enumerate(entries) if not number and title and at not in split_off
    )
    for at in sorted(split_off):
        number, title = entries[at]
        before, after = (entries[at - 1][0], entries[at + 1][0]) if 0 < at < len(entries) - 1 else ("", "")
        recurring = bool(title) and label_words[title.split()[0]] > 0
        if not number and not recurring and before.isdigit() and after.isdigit() and int(after) == int(before) + 1:
            rejoined[at - 1] = (before, f"{rejoined[at - 1][1]} {title}")
            rejoined[at] = ("", "")
    return rejoined


def _fills_a_gap(entries: list[tuple[str, str]], at: int) -> bool:
    """… unless it alone stands where the numbering skips one ("4 Analyse … 5? Daghjem til
    borgere … 14 6 Egebækskolen"): the entry whose number the text lost."""
    before = [int(number) for number, _ in entries[:at] if number.isdigit()]
    after = [int(number) for number, _ in entries[at + 1 :] if number.isdigit()]
    alone = bool(entries[at - 1][0]) and at + 1 < len(entries) and bool(entries[at + 1][0]) if at else False
    return alone and bool(before) and bool(after) and after[0] - before[-1] == 2


def _opens_a_title(word: str) -> bool:
    """A capitalised word, or a number that is no page number ("13 20, Den selvejende …": a
    title that opens with the end of an address)."""
    return bool(_CAPITAL.match(word)) or (word[:1].isdigit() and not word.isdigit())


def _item_number_run(words: list[str]) -> set[int]:
    """Where the list's item numbers stand, when a table's columns came out as "<number>
    <title> <page>" with group labels between: the numbers that count on by one (70, 71,
    72 …) through the run, three at least, each before a capitalised word. Page numbers
    grow too, but in steps of the items' lengths. Empty when there is no such run.

    Example:
        >>> words = "Udvalg A 70 Ansættelser 4 Udvalg B 71 Ekstraopgaver 7 Udvalg C 72 Haller 9".split()
        >>> sorted(_item_number_run(words))
        [2, 7, 12]
        >>> sorted(_item_number_run("Budget 4 Salg 7 Køb 9".split()))
        []
    """
    lone = [
        (index, int(word))
        for index, word in enumerate(words)
        if word.isdigit() and len(word) <= 3 and index + 1 < len(words) and _opens_a_title(words[index + 1])
    ]
    # From each number the run goes on at the first later number one higher; read from the
    # right, each number's next and its run's length are known in one pass (a run read from
    # every start afresh was quadratic: 47 s for a 60 000-number contents line).
    following: list[int | None] = [None] * len(lone)
    length = [1] * len(lone)
    first_after: dict[int, int] = {}  # value -> its first position in `lone` to the right
    for position in range(len(lone) - 1, -1, -1):
        value = lone[position][1]
        next_position = first_after.get(value + 1)
        if next_position is not None:
            following[position], length[position] = next_position, length[next_position] + 1
        first_after[value] = position
    start = max(range(len(lone)), key=lambda position: (length[position], -position), default=None)
    if start is None or length[start] < 3:
        return set()
    run: set[int] = set()
    step: int | None = start
    while step is not None:
        run.add(lone[step][0])
        step = following[step]
    return run


def _standing_title_ahead(words: list[str], index: int) -> bool:
    """A standing title from this word on that closes the run: the list's end, its back
    matter ("Samlet bilagsliste") or a page number follows. (Before a capital it may open a
    longer title: "Regnskab Cafe Timeout".)"""
    for length in range(1, _LONGEST_STANDING_TITLE + 1):
        after = " ".join(words[index + length : index + length + 2])
        closes = not after or _END.match(after) or after[:1].isdigit() or after.startswith(".")
        if closes and " ".join(words[index : index + length]).lower() in STANDING_ITEM_TITLES:
            return True
    return False


def _starts_a_title(word: str, previous: str, following: str, name_run_after_joiner: bool) -> bool:
    if previous.endswith((",", "-", "–", "/", "&")) or previous in ("-", "–"):
        return False  # "Trustrup, køkkenprojekt", "Fjernvarme Fyn - Kommunegaranti"
    if word.endswith(",") and following[:1].islower():
        return False  # "… vedr. Udstykning Kassebjerggård, område 1": a name, then its part
    if following.rstrip(",.") in NAME_ENDINGS and previous[:1].islower():
        return False  # "… byggeriet Solhøjvej, bygherre Frederikssund Kommune": a name after a noun
    if previous in NAME_OPENERS:
        return False  # "… med Region Midtjylland på autismeområdet"
    if previous.rstrip(",.") in NAME_ENDINGS and previous.rstrip(",.").endswith("s"):
        return False  # "… af Vesthimmerlands Kommunes Idræts- og Fritidsfaciliteter": what the name owns
    if word.rstrip(",.") in NAME_ENDINGS or (word.rstrip(",.").isupper() and len(word) <= 5):
        return False  # "… Nordfyns Kommunes renseanlæg", "Cafe Frederik VII på …", "KL's"
    if re.fullmatch(r"\d{1,3}\.", previous):
        return False  # "… lokaler på Chr. 8. Vej 7": an ordinal in a name (no title ends in one)
    if not _CAPITAL.match(previous):
        return not _joins(previous)  # "… februar måned Årsregnskab"
    # after a capitalised word: a new title when that word ended a name after a preposition
    # or a dash ("… i Hevring Ådal Renovering af …", "… - Kommunegaranti Samarbejdsaftale
    # mellem …") and this one opens a phrase, or when this one is a noun titles open with
    # ("… Himmerlands Udviklingsråd Støtte til …")
    if previous.endswith(("ske", "ige")):
        return False  # "… Social- og Sundhedspolitiske Forum maj": an adjective before its noun, one name
    return (name_run_after_joiner or opens_a_title(word)) and following[:1].islower()


class _OpenQuotes:
    """Whether the title being read opened a quotation it has not closed: no title starts
    inside a quoted name. Each word's quotation marks are counted once, however often the
    title is asked about (a title is known by its place in the list of titles).

    Example:
        >>> quotes = _OpenQuotes()
        >>> quotes.open_in(0, ["Støtte", "til", '"Åbent']), quotes.open_in(0, ["Støtte", "til", '"Åbent', '2012"'])
        (True, False)
    """

    def __init__(self) -> None:
        self.title, self.counted, self.marks = -1, 0, ""

    def open_in(self, index: int, title: list[str]) -> bool:
        if index != self.title:
            self.title, self.counted, self.marks = index, 0, ""
        self.marks += "".join(mark for word in title[self.counted :] for mark in word if mark in '"“”»«')
        self.counted = len(title)
        marks = self.marks
        return marks.count('"') % 2 == 1 or marks.count("“") > marks.count("”") or marks.count("»") > marks.count("«")


def _ends_with_page(word: str) -> bool:
    return bool(_PAGE_REFERENCE.search(word))


def _joins(word: str) -> bool:
    return word.lower() in NAME_MAY_FOLLOW
