"""Participant lists in the shapes real minutes print them and the text layer leaves them:
run-on names without separators, two names in one table row, groups under short labels,
first names with notes, member tables with house numbers, rolls without a heading. The
names and bodies are invented."""

from __future__ import annotations

from referat.extract.person_names import split_run_on_names
from referat.extract.structure.participants import read_participants


def people(texts: list[str]) -> list[tuple[str, str | None]]:
    return [(person.name, person.status) for person in read_participants(texts)]


def test_a_transcripts_member_list_without_separators_is_parted_at_given_names():
    # (the page number the transcript ran on after the last name is no part of it)
    assert people(["Medlemmer: Karin Holm Sørensen Jens Dalgaard Hans Peter Vinther Lise Bro Ottesen Bent Krag 1"]) == [
        ("Karin Holm Sørensen", "present"),
        ("Jens Dalgaard", "present"),
        ("Hans Peter Vinther", "present"),
        ("Lise Bro Ottesen", "present"),
        ("Bent Krag", "present"),
    ]


def test_a_run_of_words_that_does_not_open_with_given_names_is_not_parted():
    assert split_run_on_names("Teknik Miljø Udvalget Holm") is None
    assert split_run_on_names("Anne Marie Louise Kragh") is None  # one person, three given names
    assert split_run_on_names("Poul Erik Nørgaard") is None  # too short to be two


def test_two_names_in_one_row_of_a_flattened_two_column_table_are_two_members():
    assert people(["Medlemmer:", "Ole K. Bruun Grethe Mikkelsen", "Susanne Dahl Per Winther", "Jytte Lau"]) == [
        ("Ole K. Bruun", "present"),
        ("Grethe Mikkelsen", "present"),
        ("Susanne Dahl", "present"),
        ("Per Winther", "present"),
        ("Jytte Lau", "present"),
    ]


def test_groups_under_labels_with_colons_keep_the_list_going_with_their_own_status():
    assert people(
        [
            "I mødet deltog:",
            "Valgte medlemmer:",
            "Rikke Aagaard, Sune Bech og Tove Friis.",
            "Fra aftenskolerne:",
            "Lone Vestergaard, Kim Thrane (for Eva Lindholm) og Arne Sejr.",
            "Fra forvaltningen:",
            "Mads Ibsen og Dorte Skau.",
            "Følgende havde meldt afbud:",
            "Eva Lindholm og Peter Krog.",
        ]
    ) == [
        ("Rikke Aagaard", "present"),
        ("Sune Bech", "present"),
        ("Tove Friis", "present"),
        ("Lone Vestergaard", "present"),
        ("Kim Thrane", "present"),
        ("Arne Sejr", "present"),
        ("Mads Ibsen", "guest"),
        ("Dorte Skau", "guest"),
        ("Eva Lindholm", "absent"),
        ("Peter Krog", "absent"),
    ]


def test_first_names_with_a_class_or_a_group_after_them():
    assert people(
        [
            "Deltagere: Sanne, Bo, Hans Henrik, Ea (7.b) og Lars samt fra elevrådet Maja Holt og Ida",
            "Afbud: Tim (Aarhus), Naja",
        ]
    ) == [
        ("Sanne", "present"),
        ("Bo", "present"),
        ("Hans Henrik", "present"),
        ("Ea", "present"),
        ("Lars", "present"),
        ("Maja Holt", "present"),
        ("Ida", "present"),
        ("Tim", "absent"),
        ("Naja", "absent"),
    ]


def test_a_member_table_with_house_numbers_and_role_cells():
    board = read_participants(
        ["Deltagere: | Gitte Sand | #14 | Formand", "Ove Kjær | #3 | Kasserer", "Lis Berg (referent) | #40 | Suppleant"]
    )
    assert [(p.name, p.role, p.status) for p in board] == [
        ("Gitte Sand", "formand", "present"),
        ("Ove Kjær", "kasserer", "present"),
        ("Lis Berg", "suppleant", "secretary"),
    ]


def test_members_with_their_organisation_after_a_dash_in_groups_between_rules():
    board = read_participants(
        [
            "Deltagere: Alf Hede - Sommerhusejerne Nord",
            "Rita Bjerg - Sommerhusejerne Nord",
            "-",
            "Kurt Vang - Grundejerforeningen Klitten",
            "-",
            "Nina Fog - Planchef Byg og Miljø",
            "Fraværende: Ebbe Strand",
            "Helsingevejens Grundejersammenslutning",
        ]
    )
    assert [(p.name, p.organisation, p.status) for p in board] == [
        ("Alf Hede", "Sommerhusejerne Nord", "present"),
        ("Rita Bjerg", "Sommerhusejerne Nord", "present"),
        ("Kurt Vang", "Grundejerforeningen Klitten", "present"),
        ("Nina Fog", None, "present"),
        ("Ebbe Strand", None, "absent"),
    ]


def test_a_councils_roll_without_a_heading_is_the_meetings_members():
    roll = read_participants(
        [
            "Byrådet Beslutningsprotokol Dato: 3. maj 2010",
            "Jonas Hald, Formand (V) Rita Lund Mortensen (V) Ib Sand (A) Karen Holt (A) Ole Friis (C)",
        ]
    )
    assert [(p.name, p.party, p.status) for p in roll] == [
        ("Jonas Hald", "V", "present"),
        ("Rita Lund Mortensen", "V", "present"),
        ("Ib Sand", "A", "present"),
        ("Karen Holt", "A", "present"),
        ("Ole Friis", "C", "present"),
    ]
    # a sentence that names members with their parties is no roll
    assert read_participants(["Forslaget blev vedtaget, idet Ib Sand (A) og Karen Holt (A) stemte imod."]) == []


def test_a_heading_without_its_colon_or_inside_a_run_on_line_starts_a_list():
    assert people(
        [
            "Mødelokale 2, Torvegade 4, 4300 Til stede Dorte Winther, Ib Holt, Carl Erik Frost",
            "Fraværende Sanne Kjær, Bo Nyholm",
        ]
    ) == [
        ("Dorte Winther", "present"),
        ("Ib Holt", "present"),
        ("Carl Erik Frost", "present"),
        ("Sanne Kjær", "absent"),
        ("Bo Nyholm", "absent"),
    ]
    # a heading word at a line's start with one member after it, the rest one a line
    assert people(["Medlemmer Ulla Dam", "Kurt Fisker", "Jette Holm Bak"]) == [
        ("Ulla Dam", "present"),
        ("Kurt Fisker", "present"),
        ("Jette Holm Bak", "present"),
    ]


def test_a_meeting_phrase_before_a_run_on_list_and_text_after_it():
    assert people(
        ["Vejlevej 3, Kbh. Ø På Naturrådets møde deltog: Gerda Holm (Formand) Nils Bager Mette Krogh Vang Udpeget af"]
    )[:2] == [("Gerda Holm", "present"), ("Nils Bager", "present")]
    assert people(["Afbud: Bo Tang Jan Mols Tine Ravn * *Ole Bech deltog i stedet for Tine Ravn"]) == [
        ("Bo Tang", "absent"),
        ("Jan Mols", "absent"),
        ("Tine Ravn", "absent"),
    ]


def test_a_name_of_four_words_without_a_second_given_name_is_two_names():
    # ("Abbas" and "Lillie" may be missing from the given names; the shape still parts them)
    assert split_run_on_names("Lars Gade Lise Rask Abbas Razvi Ellen Thrane") == [
        "Lars Gade",
        "Lise Rask",
        "Abbas Razvi",
        "Ellen Thrane",
    ]
    assert split_run_on_names("Inger Marie Holm Lund Bent Bo") == ["Inger Marie Holm Lund", "Bent Bo"]


def test_first_names_with_a_double_given_name_are_no_name_and_organisation():
    assert people(["Afbud fra: Svend Erik, Pernille, Winnie", "Deltagere: Jette, Ulrik – praktikant, Keld ,Lykke"]) == [
        ("Svend Erik", "absent"),
        ("Pernille", "absent"),
        ("Winnie", "absent"),
        ("Jette", "present"),
        ("Ulrik", "present"),
        ("Keld", "present"),
        ("Lykke", "present"),
    ]
    # a member with party letters is read in full, not as a first name and an initial
    assert people(["Fraværende: Lene Rasmussen (F)"]) == [("Lene Rasmussen", "absent")]


def test_an_address_or_an_authority_after_a_list_is_no_member():
    assert people(["Ordstyrer: Ane Holm", "KOMMUNE NORDBY TORVETS PLADS 1, POSTBOKS 20"]) == [("Ane Holm", "present")]


def test_a_signature_sheet_after_the_absentees_does_not_make_everyone_absent():
    assert people(
        [
            "Til stede Alma Juhl, Bent Krog, Carl Vinding",
            "Fraværende Dorte Lykke, Erik Bang",
            "Underskriftsark Alma Juhl Dorte Lykke Bent Krog Erik Bang Carl Vinding",
        ]
    ) == [
        ("Alma Juhl", "present"),
        ("Bent Krog", "present"),
        ("Carl Vinding", "present"),
        ("Dorte Lykke", "absent"),
        ("Erik Bang", "absent"),
    ]


def test_a_run_on_header_is_parted_before_each_participant_label():
    assert people(
        [
            "Referent: Mona Riis Fra bestyrelsen deltog: Lars Holt (formand), Ida Berg, Kim Sand Afbud: Ole Dam",
        ]
    ) == [
        ("Mona Riis", "secretary"),
        ("Lars Holt", "present"),
        ("Ida Berg", "present"),
        ("Kim Sand", "present"),
        ("Ole Dam", "absent"),
    ]
