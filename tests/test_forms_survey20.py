"""Forms met in the twentieth failure survey (non-municipal minutes, 2026-12-07), each in a
document written for the test (invented text; the forms are those of the real pages):

- the closed part of a meeting under a number of its own ("7. Lukket møde");
- the initials of who answers for a point before its title ("1. (AF) Status på …");
- attendance lists that lost their shape: a middle initial without its stop, a group word
  among the names, "(på teams)" notes, the next label after a sentence's stop, members'
  initials in brackets, and "Tilstedeværende:".
"""

from __future__ import annotations

from builders import only_meeting

from referat.extract.structure.participants import read_participants


def test_the_closed_part_under_its_own_number_is_a_closed_item_and_initials_leave_the_titles() -> None:
    text = (
        "Referat af bestyrelsesmøde i haveforeningen\n\n"
        "1. (AF) Status på forsikringerne\n\nPolicerne er afleveret.\n\n"
        "2. (SC, AF) Økonomi og regnskab\n\nKassereren gennemgik regnskabet.\n\n"
        "3. Lukket møde\n\nDrøftet.\n\n4. Eventuelt\n\nIntet.\n"
    )
    meeting = only_meeting(text)
    assert [(item.number, item.title, item.access) for item in meeting.items] == [
        ("1", "Status på forsikringerne", "public"),
        ("2", "Økonomi og regnskab", "public"),
        ("3", "", "closed"),  # (no title is printed: "Lukket møde" says the access)
        ("4", "Eventuelt", "public"),
    ]


def test_attendance_lists_that_lost_their_shape_are_read_whole() -> None:
    def names(*texts: str) -> list[tuple[str, str | None, str | None]]:
        return [(person.name, person.party, person.status) for person in read_participants(list(texts))]

    assert names("Deltagere: Sten Holm, Bent Lund, Paul Erik Berg, Vagn E Larsen") == [
        ("Sten Holm", None, "present"),
        ("Bent Lund", None, "present"),
        ("Paul Erik Berg", None, "present"),
        ("Vagn E Larsen", None, "present"),  # a middle initial without its stop
    ]
    # a group word closes the list; it is no organisation of the first member
    assert [name for name, _, _ in names("Afbud: Maibrit Holm, Rikke Lund, Allan Berg, elevråd")] == [
        "Maibrit Holm",
        "Rikke Lund",
        "Allan Berg",
    ]
    assert names(
        "Deltagere",
        "Anna Holm, Henrik Lund (på teams), Ole Berg. Afbud: Jesper Krog,",
        "Ove Dahl. Fraværende: Rasmus Kjær",
    ) == [
        ("Anna Holm", None, "present"),
        ("Henrik Lund", None, "present"),
        ("Ole Berg", None, "present"),
        ("Jesper Krog", None, "absent"),
        ("Ove Dahl", None, "absent"),  # (the sentence's stop is no part of the name)
        ("Rasmus Kjær", None, "absent"),
    ]
    # members' initials in brackets are no party letters; a party letter stays
    assert names("Tilstede: Hugo Madsen (HM), Rose Berg (RB), Anni Holm (A)") == [
        ("Hugo Madsen", None, "present"),
        ("Rose Berg", None, "present"),
        ("Anni Holm", "A", "present"),
    ]
    assert [name for name, _, status in names("Tilstedeværende: Niels Holm, Jan Berg og Brian Lund")] == [
        "Niels Holm",
        "Jan Berg",
        "Brian Lund",
    ]


def test_an_associations_lettered_agenda_minuted_under_ad_letters() -> None:
    text = (
        "Referat af generalforsamling i antennelauget\n\nDato: Onsdag den 6. marts 2003 kl. 19:30\n\n"
        "Dagsorden ifølge vedtægterne\n\na. Valg af dirigent\n\nb. Beretning om året\n\nc. Aflæggelse af regnskab\n\n"
        "d. Indkomne forslag\n\ne. Eventuelt.\n\n"
        "Ad. a\n\nJørgen Holm blev valgt.\n\nAd. b\n\nBeretningen blev fremlagt og godkendt.\n\n"
        "Ad c. Aflæggelse af regnskab\n\nRegnskabet blev godkendt.\n"
    )
    meeting = only_meeting(text)
    assert [(item.number, item.title) for item in meeting.items] == [
        ("a", "Valg af dirigent"),  # (the agenda's title where the "Ad" line has the letter alone)
        ("b", "Beretning om året"),
        ("c", "Aflæggelse af regnskab"),
        ("d", "Indkomne forslag"),  # listed only: no "Ad d" in the excerpt
        ("e", "Eventuelt"),
    ]
    assert [d.outcome for d in meeting.items[1].decisions] == ["approved"]


def test_minutes_answering_numbered_points_need_no_agenda_list() -> None:
    text = (
        "REFERAT AF GENERALFORSAMLING 2013\n\nReferat af generalforsamling i sejlklubben onsdag d. 13. marts 2013\n\n"
        "Ad 1.      Per Holm blev valgt til dirigent.\n\n"
        "Ad 2.      Bestyrelsens beretning blev fremlagt af formanden.\n\nSæsonen begyndte med standerhejsning.\n\n"
        "Ad 3.      Regnskabet blev godkendt.\n"
    )
    meeting = only_meeting(text)
    assert [item.number for item in meeting.items] == ["1", "2", "3"]


def test_a_body_is_a_name_not_a_phrase_about_aonly_meeting() -> None:
    assembly = only_meeting(
        "NORDBY VANDVÆRK - REFERAT AF GENERALFORSAMLING 2020\n\n25. august 2020, kl. 19:30\n\n"
        "1. Valg af dirigent\n\nKim Holm blev valgt.\n\n2. Regnskab\n\nRegnskabet blev godkendt.\n"
    )
    assert assembly.body == "Generalforsamling"  # (the waterworks is who holds it)
    board = only_meeting(
        "Referat fra BR møde December 2015\n\nTilstedeværende: Niels Holm, Jan Berg\n\n"
        "1. Referat fra sidste møde:\n\nGodkendt.\n\n2. Økonomi\n\nRegnskabet var godkendt af revisor.\n"
    )
    assert board.body is None  # not "BR møde December", "sidste møde" or "Regnskabet"


def test_a_school_boards_points_opened_by_their_time_slots() -> None:
    text = (
        "Skolebestyrelsesmøde august 2022\n\nReferat fra den 31. august 2022.\n\nAfbud: Tonni\n\n"
        "19.00 - 19.45\n\nBestyrelsens arbejde\n\n • Orientering v. TP\n\n"
        "19.45 – 20.00\n\nStatus\nTonni laver en plan for hytterne.\n\n"
        "20.00-20.30\n\nDer planlægges en række møder på skolen, hvor trivslen er i fokus.\n"
    )
    meeting = only_meeting(text)
    assert [(item.number, item.title) for item in meeting.items] == [
        ("", "Bestyrelsens arbejde"),
        ("", "Status"),
        ("", ""),  # (text at once under the slot: the point has no title)
    ]


def test_agreement_and_the_perfect_tense_record_decisions_in_prose() -> None:
    from referat.extract.structure.decisions import prose_decisions

    said = {
        "Der var enighed om, at foreningen køber en ny plæneklipper.": "approved",
        "Menighedsrådet har besluttet at arbejde for, at kirken males.": "approved",
        "Bestyrelsen var enige om at sende sagen til høring.": "approved",
    }
    for sentence, outcome in said.items():
        assert [(d.text, d.outcome) for d in prose_decisions(sentence)] == [(sentence, outcome)]
    assert prose_decisions("Der var ikke enighed om sagen.") == []  # (no agreement, nothing decided)


def test_a_small_boards_topics_closed_by_colons_are_its_items() -> None:
    text = (
        "Referat af bestyrelsesmøde 18. oktober 2011\n\nAfbud:\nMichael Holm\n\n"
        "Konstituering:\nFormand: Heimo Berg\n\nDaglig drift:\nIntet unormalt at bemærke.\n\n"
        "Økonomi:\nØkonomien ser ud som sidste år.\n\nHjertestarter:\nHB sørger for registreringen.\n"
    )
    meeting = only_meeting(text)
    assert [(item.number, item.title) for item in meeting.items] == [
        ("", "Konstituering"),
        ("", "Daglig drift"),
        ("", "Økonomi"),  # (a section heading's word, a topic among the others)
        ("", "Hjertestarter"),
    ]
