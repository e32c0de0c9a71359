"""Enrichment: Danish dates, amounts, positions, statements and entities."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from referat.extract import extract_bytes
from referat.extract.dates import MONTHS, date_context, find_dates, iter_dates
from referat.extract.enrich.actors import ActorContext, resolve_name
from referat.extract.enrich.amounts import find_amounts
from referat.extract.enrich.components import EnrichContext, get_nlp, run
from referat.extract.enrich.positions import find_positions
from referat.extract.enrich.statements import find_statements
from referat.extract.enrich.votes import find_votes

MEETING = datetime.date(2026, 2, 26)
FULL_MONTHS = [name for name in MONTHS if not name.endswith(".")]


@pytest.mark.parametrize(
    "text, surface, start, end, precision, kind",
    [
        ("til og med d. 10. marts 2026", "d. 10. marts 2026", "2026-03-10", "2026-03-10", "day", "deadline"),
        (
            "offentliggøres medio marts 2026",
            "medio marts 2026",
            "2026-03-11",
            "2026-03-20",
            "part_of_month",
            "publication",
        ),
        ("d. 1.-2. september 2026 i København", "d. 1.-2. september 2026", "2026-09-01", "2026-09-02", "day", "event"),
        ("i 2. kvartal 2027", "2. kvartal 2027", "2027-04-01", "2027-06-30", "quarter", "event"),
        ("i første halvår af 2026", "første halvår af 2026", "2026-01-01", "2026-06-30", "half", "event"),
        ("ultimo 2025", "ultimo 2025", "2025-09-01", "2025-12-31", "year_part", "event"),
        ("efteråret 2023", "efteråret 2023", "2023-09-01", "2023-11-30", "season", "event"),
        ("vinteren 2025", "vinteren 2025", "2025-12-01", "2026-02-28", "season", "event"),
        ("i uge 12", "uge 12", "2026-03-16", "2026-03-22", "week", "event"),
        ("i perioden 2025-2027", "2025-2027", "2025-01-01", "2027-12-31", "years", "period"),
        ("sendt en mail ud til rådet d. 20.12.2023", "d. 20.12.2023", "2023-12-20", "2023-12-20", "day", "event"),
        ("næste møde d. 28. maj", "d. 28. maj", "2026-05-28", "2026-05-28", "day", "meeting"),
        ("ved udgangen af oktober", "ved udgangen af oktober", "2025-10-21", "2025-10-31", "part_of_month", "deadline"),
        (
            "frem mod 2030",
            "frem mod 2030",
            "2030-01-01",
            "2030-12-31",
            "year",
            "other",
        ),  # a frame, not an event (as the seed gold has it)
    ],
)
def test_danish_date_grammar(text, surface, start, end, precision, kind):
    [found] = find_dates(text, MEETING)
    assert (found.text, str(found.start), str(found.end), found.precision, found.kind) == (
        surface,
        start,
        end,
        precision,
        kind,
    )


@pytest.mark.parametrize(
    "text", ["Budget 2024 og Kræftplan V 2026", "1.316.000 kr.", "kl. 10", "10-årsplanen", "Lovforslag L91"]
)
def test_not_dates(text):
    assert find_dates(text, MEETING) == []


def test_a_list_of_dates_takes_its_kind_from_the_line_that_introduces_it():
    # Seed 003's meeting plan: each date alone on its line, a place under it, blank lines
    # with spaces between (as PDF text has them); the word "mødeplan" is five lines up.
    text = (
        "Sagsfremstilling \nHerunder udkast til mødeplan for 2025 \n \n"
        "Fredag den 28.februar 2025 \nBesøg i Region Nordjylland \n \n"
        "Torsdag den 24.april 2025 \nDanske Regioner, Dampfærgevej 22 \n"
    )
    kinds = {d.text: d.kind for d in find_dates(text, MEETING)}
    assert kinds == {
        "for 2025": "other",
        "Fredag den 28.februar 2025": "meeting",
        "Torsdag den 24.april 2025": "meeting",
    }
    # A date inside a sentence takes its kind from that sentence only, not the one before.
    [found] = find_dates("Mødeplanen er sendt ud. Tallene kendes den 24. april 2025.", MEETING)
    assert found.kind == "event"


def test_a_date_is_found_whole_wherever_its_anchor_is():
    # The grammar runs only on stretches around anchors (a year, "4. m", a month, a
    # period word); expressions that begin well before their anchor are still found whole.
    text = "x " * 400 + "Mødet holdes mandag den 12.-13. maj 2026, og i begyndelsen af marts 2027 evalueres det."
    assert [d.text for d in find_dates(text, MEETING)] == ["mandag den 12.-13. maj 2026", "i begyndelsen af marts 2027"]


def test_dates_inside_report_titles_and_bilag_lines_are_names_not_mentions():
    # Seed 000's convention (gold/seed-000.json notes): the quarter in a quoted report
    # title or an attachment's title names the report; the same quarter in prose counts.
    text = (
        "Regionerne har indberettet data for 4. kvartal 2025 til Sundhedsdatastyrelsen.\n"
        "Styrelsen sender et udkast til rapporten 'Monitorering af forløbstider – 4. kvartal\n"
        "2025' til og med d. 10. marts 2026.\n"
        "Bilag 5: Monitorering af forløbstider på kræftområdet – 4. kvartal 2025\n"
    )
    assert [d.text for d in find_dates(text, MEETING)] == [
        "4. kvartal 2025",
        "4. kvartal\n2025",
        "d. 10. marts 2026",
        "4. kvartal 2025",
    ]
    assert [(d["text"], d["kind"]) for d in iter_dates(text, MEETING)] == [
        ("4. kvartal 2025", "event"),
        ("d. 10. marts 2026", "deadline"),
    ]


def test_a_year_less_date_takes_the_year_nearest_the_meeting():
    assert [str(d.start) for d in find_dates("den 22. august", datetime.date(2023, 8, 15))] == ["2023-08-22"]
    assert [str(d.start) for d in find_dates("den 5. januar", datetime.date(2024, 12, 5))] == ["2025-01-05"]


def test_date_context_is_the_median_full_date():
    assert date_context(
        ["aftalen af 3. juli 2023", "notatet af 25. april 2023", "og 1. december 2023"]
    ) == datetime.date(2023, 7, 3)
    assert date_context(["ingen datoer her"]) is None


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=datetime.date(1950, 1, 1), max_value=datetime.date(2099, 12, 31)),
    st.sampled_from(["d. ", "den ", ""]),
)
def test_every_full_date_parses_to_itself(day, prefix):
    month = FULL_MONTHS[day.month - 1]
    [found] = find_dates(f"Mødet holdes {prefix}{day.day}. {month} {day.year} på rådhuset.", None)
    assert found.start == found.end == day and found.precision == "day"


@settings(max_examples=200, deadline=None)
@given(st.integers(1950, 2099), st.integers(1, 12), st.sampled_from(["primo", "medio", "ultimo"]))
def test_thirds_of_a_month_tile_the_month(year, month, part):
    [found] = find_dates(f"{part} {FULL_MONTHS[month - 1]} {year}", None)
    first, last = {"primo": (1, 10), "medio": (11, 20), "ultimo": (21, None)}[part]
    assert found.start == datetime.date(year, month, first)
    assert found.end.day == (
        last or (datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)).day
    )


@settings(max_examples=200, deadline=None)
@given(st.integers(1950, 2098), st.integers(1, 4))
def test_quarters_are_three_months_and_the_year_is_four_quarters(year, quarter):
    [found] = find_dates(f"i {quarter}. kvartal {year}", None)
    assert found.start == datetime.date(year, 3 * quarter - 2, 1)
    assert (found.end - found.start).days in range(89, 92)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_the_grammar_never_crashes_and_dates_are_ordered(text):
    for found in find_dates(text, MEETING):
        assert found.start <= found.end
        assert text[found.start_char : found.end_char].strip() == found.text


@pytest.mark.parametrize(
    "text, value, qualifier, year",
    [
        ("Der allokeres 175 mio. kr. i 2025", 175e6, None, 2025),
        ("150 millioner kroner", 150e6, None, None),
        ("3,0 mio. kr. i 2024", 3e6, None, 2024),
        ("2,4 mia. kr.", 2.4e9, None, None),
        ("75.000 kr.", 75000, None, None),
        ("knap 50 mio. kr.", 50e6, "at_most", None),
        ("over 500 mio. kr.", 500e6, "at_least", None),
        ("ca. 20 mio. kr.", 20e6, "approx", None),
        ("omkring 20 mio. kr.", 20e6, "approx", None),
        ("op til 12 mio. kr.", 12e6, "at_most", None),
        ("anlægsmidlerne 1.316.000 kr. ved", 1316000, None, None),
    ],
)
def test_amounts(text, value, qualifier, year):
    [found] = find_amounts(text)
    assert (found.value, found.qualifier, found.year) == (value, qualifier, year)


def test_percentages_are_not_amounts():
    assert find_amounts("en reduktion på 2 pct. og 30%") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Danske Regioner foreslog, at formatet evalueres efter ét år.",
            [("Danske Regioner", "foreslå", "formatet evalueres efter ét år.")],
        ),
        (
            "Hertil tilføjede Danske Regioner, at det bør overvejes.",
            [("Danske Regioner", "tilføje", "det bør overvejes.")],
        ),
        (
            "I forhold til monitorering blev det [af Sundhedsdatastyrelsen] fremhævet, at der er potentiale.",
            [("Sundhedsdatastyrelsen", "fremhæve", "der er potentiale.")],
        ),
        (
            "Det blev af Sundhedsdatastyrelsen fremhævet, at der er potentiale.",
            [("Sundhedsdatastyrelsen", "fremhæve", "der er potentiale.")],
        ),
        ("Det blev bemærket, at dele af dagsordenen er relevante.", []),
        (
            "Kommunernes Landsforening (KL) understregede, at tiden er knap.",
            [("Kommunernes Landsforening", "understrege", "tiden er knap.")],
        ),
        (
            "KL gjorde opmærksom på, at fristen er kort.",
            [("Kommunernes Landsforening", "gøre opmærksom på", "fristen er kort.")],
        ),
        (
            "Medlemmerne tilkendegav, at de vil bidrage, men pegede samtidig på, at det er svært.",
            [("Medlemmerne", "tilkendegive", "de vil bidrage"), ("Medlemmerne", "pege på", "det er svært.")],
        ),
        (
            "Sundhedsdatastyrelsen oplyste, at modellen er klar, og Indenrigs- og Sundhedsministeriet "
            "orienterede om, at data kommer i 2. kvartal 2027.",
            [
                ("Sundhedsdatastyrelsen", "oplyse", "modellen er klar"),
                ("Indenrigs- og Sundhedsministeriet", "orientere", "data kommer i 2. kvartal 2027."),
            ],
        ),
        (
            "Udvalgsformand Jacob Klærke bad udvalgsmedlemmerne sende forslag.",
            [("Jacob Klærke", "bede", "udvalgsmedlemmerne sende forslag.")],
        ),
        ("Styrelsen gennemgik sagen og henviste til, at notatet er udsendt.", []),  # no actor named before "Styrelsen"
        (
            "KL henviste til, at notatet er udsendt.",
            [("Kommunernes Landsforening", "henvise til", "notatet er udsendt.")],
        ),
        ("KL henviste sagen videre.", []),  # "henvise" without "til" refers a case, it says nothing
        # A letter's author in a relative clause, in the present tense; a second verb joined by "og".
        (
            "Danske Regioner modtog et brev fra Indenrigs- og\nSundhedsministeren, "
            "hvor hun understreger, at fristen holder"
            " og henviser til økonomiaftalen for 2023.",
            [
                ("Indenrigs- og Sundhedsministeren", "understrege", "fristen holder"),
                ("Indenrigs- og Sundhedsministeren", "henvise til", "økonomiaftalen for 2023."),
            ],
        ),
        (
            "KL har sendt et notat, hvori de foreslår, at puljen forlænges.",
            [],
        ),  # "notat" is no actor: nobody is named before "hvori"
        (
            "Notatet fra KL, hvori de foreslår, at puljen forlænges.",
            [("Kommunernes Landsforening", "foreslå", "puljen forlænges.")],
        ),
        (
            "Sundhedsministeren oplyste, at loven træder i kraft.",
            [("Sundhedsministeren", "oplyse", "loven træder i kraft.")],
        ),
        # Present tense outside such a clause is the item's own prose, not a report of speech.
        ("Regionen understreger, at fristen holder.", []),
    ],
)
def test_statements_in_every_word_order(text, expected):
    found = [(s.actor.canonical, s.verb, s.text) for s in find_statements(text)]
    assert found == expected


def test_short_forms_resolve_to_the_last_compatible_actor():
    context = ActorContext()
    statements = find_statements(
        "Region Nordjylland orienterede om udfordringer. Regionen oplyste, at der er ansat nyt personale. "
        "Sundhedsstyrelsen takkede for orienteringen. Styrelsen opfordrede medlemmerne til at melde ind.",
        context,
    )
    assert [(s.actor.canonical, s.verb) for s in statements] == [
        ("Region Nordjylland", "orientere"),
        ("Region Nordjylland", "oplyse"),
        ("Sundhedsstyrelsen", "takke"),
        ("Sundhedsstyrelsen", "opfordre"),
    ]


def test_bullets_after_folgende_are_the_content():
    [statement] = find_statements(
        "Task Force bemærkede bl.a. følgende til opfølgning:\n- Der skal skelnes.\n- Det er uhensigtsmæssigt.\nSlut."
    )
    assert (statement.actor.canonical, statement.text) == (
        "Task Force",
        "- Der skal skelnes. - Det er uhensigtsmæssigt.",
    )


def test_a_numbered_list_completes_an_at_clause_that_ends_in_a_colon():
    # Seed 003: the minister's title with a spaced dash, inverted after "På mødet", and the
    # content an "at"-clause whose list follows as numbered points up to the blank line.
    text = (
        "På mødet informerede Social – og Boligminister Sophie Hæstorp Andersen om, at følgende er besluttet:\n"
        "1) Ændrede regler for botilbud for ægtefæller\nmed handicap\n2) Effektivisering af socialtilsyn\n\n"
        "Udvalget tog orienteringen til efterretning."
    )
    [statement] = find_statements(text)
    assert (statement.actor.canonical, statement.actor.kind, statement.verb) == (
        "Sophie Hæstorp Andersen",
        "person",
        "informere",
    )
    assert (
        statement.text == "følgende er besluttet: 1) Ændrede regler for botilbud for ægtefæller med handicap "
        "2) Effektivisering af socialtilsyn"
    )


def test_law_references_each_paragraph_its_own_and_the_finance_act():
    from referat.extract.enrich.components import find_laws

    text = "Efter sundhedslovens §119 og §140 samt FL24 og serviceloven; FLEKSJOB er ingen lov."
    assert [text[a:b] for a, b in find_laws(text)] == ["sundhedslovens §119", "§140", "FL24", "serviceloven"]


def test_herunder_joins_a_second_verb_to_the_same_speaker():
    found = find_statements(
        "Sundhedsstyrelsen introducerede kort rammerne for opfølgningen, "
        "herunder beskrev formatet for den årlige status."
    )
    assert [(s.actor.canonical, s.verb, s.text) for s in found] == [
        ("Sundhedsstyrelsen", "introducere", "rammerne for opfølgningen"),
        ("Sundhedsstyrelsen", "beskrive", "formatet for den årlige status."),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Et flertal bestående af A og F stemte for. V stemte imod.",
            [("Socialdemokratiet", "for"), ("SF - Socialistisk Folkeparti", "for"), ("Venstre", "against")],
        ),
        ("Dansk Folkeparti tog forbehold for finansieringen.", [("Dansk Folkeparti", "reservation")]),
        ("Jens Hansen (V) deltog ikke i sagens behandling.", [("Jens Hansen", "not_participating")]),
        ("Ø undlod at stemme.", [("Enhedslisten", "abstain")]),
        ("Medlemmerne bakkede op om forslaget.", [("Medlemmerne", "for")]),
        (
            "Indenrigs- og Sundhedsministeriet tog forbehold for den endelige fordeling.",
            [("Indenrigs- og Sundhedsministeriet", "reservation")],
        ),
        # A coordinated clause has its own subject.
        ("V stemte imod, og Ø tog forbehold.", [("Venstre", "against"), ("Enhedslisten", "reservation")]),
    ],
)
def test_positions_and_votes(text, expected):
    assert [(p.actor, p.stance) for p in find_positions(text, ActorContext())] == expected


@pytest.mark.parametrize(
    "mention, canonical, kind",
    [
        ("KL", "Kommunernes Landsforening", "organisation"),
        ("Danske Regioners", "Danske Regioner", "organisation"),
        ("ISM", "Indenrigs- og Sundhedsministeriet", "organisation"),
        ("Social- og Boligminister Sophie Hæstorp Andersen", "Sophie Hæstorp Andersen", "person"),
        ("Region Nordjylland", "Region Nordjylland", "organisation"),
        ("Aarhus Kommune", "Aarhus Kommune", "organisation"),
    ],
)
def test_canonical_names(mention, canonical, kind):
    assert resolve_name(mention) is not None
    assert (resolve_name(mention).canonical, resolve_name(mention).kind) == (canonical, kind)


def test_pipeline_components_are_registered_and_built_once():
    nlp = get_nlp()
    assert nlp.pipe_names == [
        "referat_lemmas",
        "referat_entities",
        "referat_dates",
        "referat_amounts",
        "referat_statements",
        "referat_positions",
        "referat_votes",
    ]
    assert get_nlp() is nlp
    doc = run("Sundhedsstyrelsen orienterede om sundhedslovens §119 og Lovforslag L91 i Aarhus.", EnrichContext())
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Sundhedsstyrelsen", "ORG"),
        ("sundhedslovens §119", "LAW"),
        ("Lovforslag L91", "LAW"),
        ("Aarhus", "LOC"),
    ]
    assert [t.lemma_ for t in doc if t.text == "orienterede"] == ["orientere"]


def test_every_component_declares_what_it_assigns_and_spacy_finds_no_problem():
    nlp = get_nlp()
    analysis = nlp.analyze_pipes()
    assert all(not problems for problems in analysis["problems"].values())
    assert all(nlp.get_pipe_meta(name).assigns for name in nlp.pipe_names)
    # The positions resolve "Styrelsen" and "hun" against the actors the statements noted.
    assert nlp.get_pipe_meta("referat_positions").requires == ["doc._.statements"]


def test_organisation_rules_take_genitives_and_a_lower_case_second_part():
    # Seed 003 writes "Behandlingsrådets analyse" and "at Psykiatri- og socialudvalget tager …".
    text = (
        "Punkt 1 Status\nReferat\n"
        "Det fremgår af Behandlingsrådets analyse, at Psykiatri- og socialudvalget skal orienteres."
    )
    item = extract_bytes("m.txt", text.encode()).meetings[0].items[0]
    organisations = {(e.text, e.canonical) for e in item.entities if e.label == "ORG"}
    assert organisations == {
        ("Behandlingsrådets", "Behandlingsrådet"),
        ("Psykiatri- og socialudvalget", "Psykiatri- og Socialudvalget"),
    }


def test_enrichment_fills_items_with_pages():
    text = (
        "Referat\nMødedato\n26. februar 2026\nPunkt 1 Status\nReferat\n"
        "Danske Regioner foreslog, at 175 mio. kr. afsættes i 2026.\fKL tilføjede, at fristen er 1. marts 2026."
    )
    item = extract_bytes("m.txt", text.encode()).meetings[0].items[0]
    assert [(s.actor, s.verb, s.page) for s in item.statements] == [
        ("Danske Regioner", "foreslå", 1),
        ("Kommunernes Landsforening", "tilføje", 2),
    ]
    assert [(a.value, a.year) for a in item.amounts] == [(175e6, 2026)]
    assert ("2026-03-01", "deadline") in [(d.start, d.kind) for d in item.dates]
    assert {("Danske Regioner", "ORG"), ("KL", "ORG")} <= {(e.text, e.label) for e in item.entities}


def test_formanden_is_the_chair_from_the_participant_list():
    text = "\n".join(
        [
            "Referat",
            "Emne",
            "3. møde i Task Force",
            "Mødedato",
            "11. september 2025",
            "Deltagere",
            "Mette Kjærsgaard Lund, Sundhedsstyrelsen (formand)",
            "Jonas Brink Højer, Danske Regioner",
            "Punkt 1 Velkomst",
            "Referat",
            "Formanden orienterede om, at Region Nordjylland havde meldt afbud.",
            "Flere medlemmer efterlyste, at opfølgningen også måler effekt.",
        ]
    )
    item = extract_bytes("m.txt", text.encode()).meetings[0].items[0]
    assert [(s.actor, s.actor_type, s.verb) for s in item.statements] == [
        ("Mette Kjærsgaard Lund", "person", "orientere"),
        ("Medlemmerne", "body", "efterlyse"),
    ]


def test_offsets_hold_after_characters_whose_lower_case_is_longer():
    # "İ".lower() is two characters; the scans that search a lower-cased copy must still
    # point at the right places in the original.
    text = (
        "Turen gik til İstanbul, İzmir og İskenderun. V stemte imod. "
        "Danske Regioner foreslog, at 5 mio. kr. afsættes i 2026."
    )
    assert [(p.actor, p.stance) for p in find_positions(text)] == [("Venstre", "against")]
    assert [(s.actor.canonical, s.text) for s in find_statements(text)] == [
        ("Danske Regioner", "5 mio. kr. afsættes i 2026.")
    ]
    assert [(a.text, a.year) for a in find_amounts(text)] == [("5 mio. kr.", 2026)]
    assert [d.text for d in find_dates(text, MEETING)] == ["i 2026"]


def test_positions_of_recommending_committees_and_members_who_left_the_treatment():
    from referat.extract.enrich.positions import find_positions

    text = (
        "Anbefales af Ivar Holm, Dina Lund og Henning Berg.\n"
        "Jytte Winther, Brian Møller og Henrik T. Larsen kan ikke anbefale indstillingen.\n"
        "Nina Bak (A) og Jørgen Holm (Ø) deltog ikke i Udvalget for sundheds behandling af sagen."
    )
    assert [(p.actor, p.stance) for p in find_positions(text)] == [
        ("Jytte Winther", "against"),
        ("Brian Møller", "against"),
        ("Henrik T. Larsen", "against"),
        ("Nina Bak", "not_participating"),
        ("Jørgen Holm", "not_participating"),
        ("Ivar Holm", "for"),
        ("Dina Lund", "for"),
        ("Henning Berg", "for"),
    ]


def test_vote_lines_with_counts_and_ballot_letters_joined_by_plus():
    from referat.extract.enrich.positions import find_positions

    text = "Ad 1\nFor stemte: | 5 (A+T+V)\nImod stemte: 2 (C+O)\nUndlod at stemme: 1 (F)\nGodkendt."
    assert [(p.actor, p.stance) for p in find_positions(text)] == [
        ("Socialdemokratiet", "for"),
        ("T", "for"),  # a local list's letter stays as printed
        ("Venstre", "for"),
        ("Det Konservative Folkeparti", "against"),
        ("Dansk Folkeparti", "against"),
        ("SF - Socialistisk Folkeparti", "abstain"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # stance lines, one per line, the counts before the parties (a region's council)
        ("For stemte 14 (A, C, F)\nImod stemte 9 (V, Ø)\nUndlod at stemme 2 (O)\nGodkendt.", [(14, 9, 2)]),
        # a table row joined with a bar, blank lines between the stances, an empty stance
        ("For stemte: | 5 (A+T+V)\n\nImod stemte:\n\nUndlod at stemme:  2 (C+O)\n", [(5, None, 2)]),
        # all stances in one sentence, the parliament's way
        ("For stemte 57 (S, V og M), imod stemte 45 (SF, LA), hverken for eller imod stemte 5 (EL).", [(57, 45, 5)]),
        # the count after the voters
        ("For stemte: A, V og C (13)\nImod stemte: Ø (2)", [(13, 2, None)]),
        # a colon and the count, then the names
        ("For: 20 (Bo Hansen (A), Ida Berg (V))\n\nImod: 6 (Karl Lund (B))", [(20, 6, None)]),
        # an association's ballot
        ("Ja: 45, nej: 12, blanke: 3", [(45, 12, 3)]),
        # counts in a sentence, in figures and in words; two ballots in one decision
        (
            "Ændringsforslaget faldt med 4 mod 21 stemmer. Indstillingen blev vedtaget med 22 stemmer for, "
            "2 imod og 1 undlod at stemme.",
            [(4, 21, None), (22, 2, 1)],
        ),
        ("Kontingentforhøjelsen blev vedtaget med syv stemmer mod tre.", [(7, 3, None)]),
        ("11 stemte for og 3 imod, mens 2 undlod.", [(11, 3, 2)]),
    ],
)
def test_vote_counts(text, expected):
    assert [(v.in_favour, v.against, v.abstained) for v in find_votes(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "For stemte: V og C\nImod stemte: F og O",  # who voted, but no number: positions only
        "For at sikre driften stemte udvalget for en bevilling på 12 mio. kr.",
        "Udvalget godkendte med 3 ændringer forslaget for 2025.",
        "Der var 14 deltagere, og formanden stemte for at udsætte sagen.",
    ],
)
def test_no_vote_counts_without_a_ballot(text):
    assert [v for v in find_votes(text) if not v.unanimous] == []


def test_a_unanimous_decision_is_a_ballot_without_counts_and_items_carry_their_votes():
    text = (
        "Referat\nMødedato: 3. marts 2025\n1. Lokalplan 12\nBeslutning\nLokalplanen blev enstemmigt vedtaget.\n"
        "2. Budget\nBeslutning\nBudgettet blev vedtaget med 15 stemmer mod 10.\n"
    )
    first, second = extract_bytes("m.txt", text.encode()).meetings[0].items
    assert [(v.unanimous, v.in_favour, v.text) for v in first.votes] == [
        (True, None, "Lokalplanen blev enstemmigt vedtaget.")
    ]
    assert [(v.unanimous, v.in_favour, v.against) for v in second.votes] == [(False, 15, 10)]
