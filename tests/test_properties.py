"""Properties that hold for any input: no crash, valid output, consistent pages."""

from __future__ import annotations

import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from referat.extract import extract_bytes
from referat.extract.dates import MONTHS, first_full_date
from referat.extract.layout import join_hyphenated_pair
from referat.models import Document

AGENDA_LINES = [
    "Referat",
    "Dagsorden",
    "Mødedato",
    "26. februar 2026",
    "Tilstede",
    "Lolan Ottesen (A) - formand",
    "Punkt 1 Velkomst",
    "Punkt 2. Status",
    "Punkt 3: Eventuelt",
    " 3 (Offentlig) Aftale om sundhedsreform",
    "4 (Fortrolig)",
    "1. Meddelelser",
    "715. Kulturkommune 2017",
    "Lukket: 9. Køb af ejendom",
    "a) Psykiatri",
    "- b) Kræft",
    "a)",
    "Indstilling",
    "Det indstilles,",
    "at udvalget godkender referatet",
    "Beslutninger",
    "Indstillingen godkendt",
    "Sagsnr.: 2011-29298",
    "EMN-2022-00567",
    "Rikke Felby",
    "Bilag",
    "1. Referat - Åben (1737482 - MDR-2024-00035)",
    "Bilag 1: Kommissorium",
    "Bilag Titel: Slides",
    "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 1",
    "Side 2",
    "NOTAT",
    "INDHOLDSFORTEGNELSE",
    "2. Bygningsvedligeholdelse 3",
    "Underskriftsside",
    "Af-",
    "tale om løft",
    "Danske Regioner foreslog, at formatet evalueres.",
    "- Hvordan der følges op",
    "www.sst.dk",
]

lines_strategy = st.lists(
    st.one_of(st.sampled_from(AGENDA_LINES), st.text(min_size=0, max_size=40)), min_size=0, max_size=60
)


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item.subitems)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines_strategy, st.integers(min_value=0, max_value=3))
def test_any_agenda_like_text_gives_a_valid_document(lines, form_feeds):
    text = "\n".join(lines)
    if form_feeds and lines:
        text = text.replace("\n", "\f", form_feeds)
    data = text.encode("utf-8", "surrogatepass") if text else b" "
    try:
        document = extract_bytes("fuzz.txt", data)
    except Exception as error:  # only the one clear error type is allowed
        assert type(error).__name__ in ("ExtractionError", "UnsupportedFormat"), repr(error)
        return
    # The JSON round trip keeps every serialised fact (private line-page helpers are not part of it).
    again = Document.model_validate_json(document.model_dump_json())
    assert again.model_dump() == document.model_dump()
    for meeting in document.meetings:
        assert 1 <= meeting.pages[0] <= meeting.pages[1] <= document.source.pages
        for item in _walk(meeting.items):
            assert 1 <= item.pages[0] <= item.pages[1] <= document.source.pages
            assert "\n" not in item.title
            if item.access == "closed":
                # Its printed text is extracted (the archive withholds it), but no one's
                # statements are read out of a closed item.
                assert item.statements == []
            for section in item.sections:
                assert section.pages[0] <= section.pages[1]


@given(
    st.text(alphabet="abcæøå-ABC ", min_size=1, max_size=20),
    st.text(alphabet="abcæøå-ABC 0123", min_size=0, max_size=20),
)
def test_hyphen_joining_never_loses_or_invents_letters(first, second):
    joined, rest = join_hyphenated_pair(first, second)

    def squash(text: str) -> str:
        return text.replace("-", "").replace(" ", "")

    assert squash(joined + rest) == squash(first + second)


# The grammar reads years 1900–2099 only, so "kl. 2130" or a four-digit case number is no year.
@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2099, 12, 31)))
def test_danish_dates_round_trip(day):
    month_name = [name for name, number in MONTHS.items() if number == day.month][0]
    assert first_full_date(f"mødet den {day.day}. {month_name} {day.year}") == day.isoformat()
    assert first_full_date(f"Dato: {day.day:02d}.{day.month:02d}.{day.year}") == day.isoformat()
    assert first_full_date(f"Mødedato: {day.isoformat()}") == day.isoformat()
