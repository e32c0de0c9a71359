"""b. FirstAgenda-style file from Danske Regioner (invented content).

One PDF holding two meetings: the agenda (dagsorden) for the December meeting,
then the referat of the October meeting (its numbering restarts at 1), and
after the last item an appended attachment of slide-like landscape pages.

Item heading as printed: "<number> (Offentlig) <title>" / "<number> (Fortrolig)";
under it the responsible person and the case number.
Blocks: see sst_taskforce.py; ("rec", intro, [clauses]) prints as
"Det indstilles,\\nat A, og\\nat B"; ("dec", text, outcome) is the text of a
Beslutninger section (outcome is the annotation used for the gold file);
("bilag", [(label, title, "docid - case")]) prints "1. Title (docid - case)".
"""

NONE = "Ingen bemærkninger"


def standard_tail(decision=None, bilag=None):
    """Økonomi / Sekretariatets bemærkninger / Kommunikation [/ Beslutninger] / Bilag."""
    out = [
        ("h", "economy", "Økonomi"),
        ("p", NONE),
        ("h", "secretariat_note", "Sekretariatets bemærkninger"),
        ("p", NONE),
        ("h", "communication", "Kommunikation"),
        ("p", NONE),
    ]
    if decision:
        out += [("h", "decision", "Beslutninger"), ("dec",) + decision]
    out.append(("h", "attachments", "Bilag"))
    if bilag:
        out.append(("bilag", bilag))
    return out


DOC = {
    "meta": {
        "title": "Psykiatri- og Socialudvalget - dagsorden 4. december 2025",
        "author": "Danske Regioner",
        "subject": "Dagsorden",
    },
    "organisation": "Danske Regioner",
    "meetings": [
        # ------------------------------------------------------------------
        {
            "kind": "dagsorden",
            "doctype": "Dagsorden",
            "body": "Psykiatri- og Socialudvalget",
            "date": "2025-12-04",
            "start_time": "10:00",
            "location": "Danske Regioner, Dampfærgevej 22, 2100 København Ø, mødelokale 2.3",
            "front": [
                ("Mødedato:", "4. december 2025, kl. 10:00 - 13:00"),
                ("Mødested:", "Danske Regioner, Dampfærgevej 22, 2100 København Ø, mødelokale 2.3"),
            ],
            "participants": [],
            "items": [
                {
                    "number": "1",
                    "access": "closed",
                    "title": "",
                    "responsible": None,
                    "case_numbers": [],
                    "blocks": [],
                },
                {
                    "number": "2",
                    "access": "public",
                    "title": "Godkendelse af åbent referat fra mødet den 23. oktober 2025",
                    "responsible": "Lotte Bundgaard Ravn",
                    "case_numbers": ["MDR-2025-00052"],
                    "blocks": [
                        ("h", "summary", "Resumé"),
                        ("p", "Referatet blev sendt til udvalget via First Agenda den 31. oktober 2025."),
                        ("h", "recommendation", "Indstilling"),
                        ("rec", "Det indstilles,", ["udvalget godkender referatet"]),
                        ("h", "background", "Sagsfremstilling"),
                        ("p", "-"),
                    ]
                    + standard_tail(bilag=[("1", "Referat - Åben", "1812907 - MDR-2025-00047")]),
                },
                {
                    "number": "3",
                    "access": "public",
                    "title": "Status for akutpladser og udgående teams i socialpsykiatrien",
                    "responsible": "Karim Haddad",
                    "case_numbers": ["EMN-2025-00412"],
                    "blocks": [
                        ("h", "summary", "Resumé"),
                        (
                            "p",
                            "Regionerne driver i dag 19 akuttilbud i "
                            "socialpsykiatrien med i alt 161 pladser. "
                            "Antallet af pladser er øget med godt 40 pct. "
                            "siden 2023, men belægningen er fortsat høj, og "
                            "flere tilbud må afvise borgere i weekenderne. "
                            "Udvalget får på mødet en status for "
                            "udbygningen og for de udgående teams.",
                        ),
                        ("h", "recommendation", "Indstilling"),
                        (
                            "rec",
                            "Det indstilles,",
                            [
                                "Psykiatri- og Socialudvalget tager status for akutpladserne til efterretning",
                                "udvalget drøfter, hvordan regionerne kan bidrage "
                                "til et mere sammenhængende tilbud til borgere "
                                "med både psykisk lidelse og rusmiddelproblemer",
                            ],
                        ),
                        ("h", "background", "Sagsfremstilling"),
                        (
                            "p",
                            "Akuttilbuddene i socialpsykiatrien giver "
                            "borgere i psykisk krise mulighed for et "
                            "kortvarigt ophold uden forudgående visitation "
                            "fra kommunen. Tilbuddene skal aflaste "
                            "sygehuspsykiatrien og forebygge indlæggelser, "
                            "som kunne være undgået med en tidligere "
                            "indsats.",
                        ),
                        (
                            "p",
                            "I 2025 er der samlet anvendt 214 mio. kr. til "
                            "drift af de regionale akuttilbud, heraf 38 "
                            "mio. kr. fra den statslige pulje til "
                            "kapacitetsløft. Den gennemsnitlige opholdstid "
                            "er 6,5 døgn, og belægningsgraden var i første "
                            "halvår 87 pct. Sekretariatet har i samarbejde "
                            "med regionerne kortlagt de udgående teams, og "
                            "kortlægningen viser store forskelle i "
                            "åbningstider og målgrupper.",
                        ),
                        (
                            "p",
                            "På mødet præsenterer sekretariatet de "
                            "væsentligste resultater. Præsentationen er "
                            "vedlagt som bilag.",
                        ),
                        ("h", "economy", "Økonomi"),
                        ("p", NONE),
                        ("h", "secretariat_note", "Sekretariatets bemærkninger"),
                        (
                            "p",
                            "Sekretariatet vurderer, at der er behov for en "
                            "fælles regional målsætning for tilgængelighed "
                            "i akuttilbuddene, og vil udarbejde et oplæg "
                            "til udvalgets møde i marts 2026.",
                        ),
                        ("h", "communication", "Kommunikation"),
                        ("p", "Kortlægningen offentliggøres på Danske Regioners hjemmeside efter mødet."),
                        ("h", "attachments", "Bilag"),
                        (
                            "bilag",
                            [
                                ("1", "Akutpladser i socialpsykiatrien - præsentation", "1823456 - EMN-2025-00412"),
                                (
                                    "2",
                                    "Kortlægning af de udgående teams i socialpsykiatrien - regionernes bidrag",
                                    "1823460 - EMN-2025-~00412",
                                ),
                            ],
                        ),
                    ],
                },
                {
                    "number": "4",
                    "access": "closed",
                    "title": "",
                    "responsible": None,
                    "case_numbers": [],
                    "blocks": [],
                },
                {
                    "number": "5",
                    "access": "public",
                    "title": "Meddelelser og gensidig orientering",
                    "responsible": "Lotte Bundgaard Ravn",
                    "case_numbers": ["MDR-2025-00052"],
                    "blocks": [
                        ("h", "summary", "Resumé"),
                        ("p", "-"),
                        ("h", "recommendation", "Indstilling"),
                        (
                            "rec",
                            "Det indstilles,",
                            ["Psykiatri- og Socialudvalget tager orienteringen til efterretning"],
                        ),
                        ("h", "background", "Sagsfremstilling"),
                        ("p", "Formanden orienterer om mødet i Nationalt råd for psykiatri den 18. november 2025."),
                        ("p", "Sekretariatet orienterer om den foreløbige mødeplan for 2026:"),
                        (
                            "ul",
                            [
                                "Torsdag den 26. februar 2026, Danske Regioner",
                                "Fredag den 24. april 2026, besøg i Region Sjælland",
                                "Torsdag den 11. juni 2026, Danske Regioner",
                            ],
                        ),
                    ]
                    + standard_tail(),
                },
            ],
        },
        # ------------------------------------------------------------------
        {
            "kind": "referat",
            "doctype": "Referat",
            "body": "Psykiatri- og Socialudvalget",
            "date": "2025-10-23",
            "start_time": "10:00",
            "location": "Regionshuset Viborg, Skottenborg 26, 8800 Viborg",
            "front": [
                ("Mødedato:", "23. oktober 2025, kl. 10:00 - 14:00"),
                ("Mødested:", "Regionshuset Viborg, Skottenborg 26, 8800 Viborg"),
                (
                    "Deltagere:",
                    [
                        "Marianne Thorbjørn (A), formand",
                        "Jesper Kragh Nielsen (V), næstformand",
                        "Hanne Lysgaard (F)",
                        "Morten Bak Ebbesen (C)",
                        "Aisha Rahimi (Ø)",
                    ],
                ),
                ("Afbud:", "Søren Hvidtfeldt (I)"),
                ("Fra sekretariatet:", "Lotte Bundgaard Ravn, Karim Haddad"),
            ],
            "participants": [
                {"name": "Marianne Thorbjørn", "party": "A", "role": "formand", "status": "present"},
                {"name": "Jesper Kragh Nielsen", "party": "V", "role": "næstformand", "status": "present"},
                {"name": "Hanne Lysgaard", "party": "F", "role": None, "status": "present"},
                {"name": "Morten Bak Ebbesen", "party": "C", "role": None, "status": "present"},
                {"name": "Aisha Rahimi", "party": "Ø", "role": None, "status": "present"},
                {"name": "Søren Hvidtfeldt", "party": "I", "role": None, "status": "absent"},
                {"name": "Lotte Bundgaard Ravn", "party": None, "role": None, "status": "secretary"},
                {"name": "Karim Haddad", "party": None, "role": None, "status": "secretary"},
            ],
            "items": [
                {
                    "number": "1",
                    "access": "closed",
                    "title": "",
                    "responsible": None,
                    "case_numbers": ["MDR-2025-00047"],
                    "case_line": "Sags ID: MDR-2025-00047",
                    "blocks": [],
                },
                {
                    "number": "2",
                    "access": "public",
                    "title": "Godkendelse af åbent referat fra mødet den 4. september 2025",
                    "responsible": "Lotte Bundgaard Ravn",
                    "case_numbers": ["MDR-2025-00047"],
                    "blocks": [
                        ("h", "summary", "Resumé"),
                        ("p", "Referatet blev sendt til udvalget via First Agenda den 12. september 2025."),
                        ("h", "recommendation", "Indstilling"),
                        ("rec", "Det indstilles,", ["udvalget godkender referatet"]),
                        ("h", "background", "Sagsfremstilling"),
                        ("p", "-"),
                    ]
                    + standard_tail(
                        decision=("Psykiatri- og Socialudvalget godkendte referatet.", "approved"),
                        bilag=[("1", "Referat - Åben", "1790233 - MDR-2025-00041")],
                    ),
                },
                {
                    "number": "3",
                    "access": "public",
                    "title": "Ny national målsætning for nedbringelse af tvang i psykiatrien",
                    "responsible": "Signe Mørch Lauritzen",
                    "case_numbers": ["EMN-2024-01187"],
                    "blocks": [
                        ("h", "summary", "Resumé"),
                        (
                            "p",
                            "Ministeriet har inviteret Danske Regioner til "
                            "drøftelse af en ny national målsætning for "
                            "nedbringelse af tvang fra 2026.",
                        ),
                        ("h", "recommendation", "Indstilling"),
                        (
                            "rec",
                            "Det indstilles,",
                            [
                                "Psykiatri- og Socialudvalget drøfter Danske "
                                "Regioners indspil til en ny national målsætning "
                                "for nedbringelse af tvang",
                                "udvalget giver sekretariatet mandat til at "
                                "fortsætte dialogen med ministeriet på det "
                                "foreliggende grundlag",
                            ],
                        ),
                        ("h", "background", "Sagsfremstilling"),
                        (
                            "p",
                            "Brugen af bæltefiksering er mere end halveret "
                            "siden 2014, men brugen af tvangsmedicinering og "
                            "fastholdelse er ikke faldet tilsvarende. "
                            "Sekretariatet foreslår, at en ny målsætning for "
                            "perioden 2026-2030 omfatter alle former for "
                            "tvang og suppleres med regionale delmål.",
                        ),
                    ]
                    + standard_tail(
                        decision=(
                            "Udvalget drøftede indspillet og bad "
                            "sekretariatet om et oplæg til regionale "
                            "delmål på mødet i december.",
                            "discussed",
                        ),
                        bilag=[
                            ("1", "Udkast til indspil om national målsætning for tvang", "1801144 - EMN-2024-01187")
                        ],
                    ),
                },
                {
                    "number": "4",
                    "access": "public",
                    "title": "Regionale tilbud til gravide med rusmiddelforbrug",
                    "responsible": "Karim Haddad",
                    "case_numbers": ["EMN-2025-00233"],
                    "blocks": [
                        ("h", "summary", "Resumé"),
                        ("p", "Udvalget orienteres om mulighederne for et specialiseret døgntilbud."),
                        ("h", "recommendation", "Indstilling"),
                        (
                            "rec",
                            "Det indstilles,",
                            ["Psykiatri- og Socialudvalget tager orienteringen til efterretning"],
                        ),
                        ("h", "background", "Sagsfremstilling"),
                        (
                            "p",
                            "Familieambulatorierne fulgte i 2024 i alt 1.140 "
                            "gravide og småbørnsfamilier. Et døgntilbud med "
                            "12 pladser vil koste ca. 28 mio. kr. årligt.",
                        ),
                    ]
                    + standard_tail(decision=("Udvalget tog orienteringen til efterretning.", "noted")),
                },
                {
                    "number": "5",
                    "access": "closed",
                    "title": "",
                    "responsible": None,
                    "case_numbers": [],
                    "blocks": [],
                },
                {
                    "number": "6",
                    "access": "public",
                    "title": "Eventuelt - åbent",
                    "responsible": "Lotte Bundgaard Ravn",
                    "case_numbers": ["MDR-2025-00047"],
                    "blocks": [
                        ("h", "summary", "Resumé"),
                        ("p", "-"),
                        ("h", "recommendation", "Indstilling"),
                        # printed as "Det indstilles,\nat" with nothing after
                        ("rec", "Det indstilles,", [""]),
                        ("h", "background", "Sagsfremstilling"),
                        ("p", "-"),
                    ]
                    + standard_tail(
                        decision=(
                            "Formanden orienterede om en invitation til at besøge et nyt akuttilbud i Region Sjælland.",
                            None,
                        )
                    ),
                },
            ],
        },
    ],
    # appended attachment (bilag 1 to item 3 of the December agenda)
    "appended": {
        "title": "Akutpladser i socialpsykiatrien - præsentation",
        "agenda_title": "Status for akutpladser og udgående teams i socialpsykiatrien",
        "slides": [
            {
                "cover": True,
                "title": "Akutpladser i socialpsykiatrien",
                "lines": ["Status december 2025", "Psykiatri- og Socialudvalget"],
            },
            {
                "title": "Udviklingen i antallet af pladser",
                "bullets": [
                    "2023: 112 pladser fordelt på 14 tilbud",
                    "2025: 161 pladser fordelt på 19 tilbud",
                    "Belægningsgrad 1. halvår 2025: 87 pct.",
                    "Gennemsnitlig opholdstid: 6,5 døgn",
                    "Driftsudgifter 2025: 214 mio. kr.",
                ],
                "footer": "Kilde: Regionernes indberetninger til sekretariatet, oktober 2025",
            },
            {
                "title": "Kortlægning af de udgående teams",
                "bullets": [
                    "23 teams i alt, heraf 9 med døgnåbent",
                    "Målgrupper varierer fra hjemløse til unge 18-25 år",
                    "Kun 6 teams samarbejder fast med akuttilbuddene",
                ],
            },
            {
                "title": "Udfordringer og næste skridt",
                "bullets": [
                    "Afvisninger i weekenderne i tre af fem regioner",
                    "Store forskelle i de udgående teams' åbningstider",
                    "Behov for fælles målsætning for tilgængelighed",
                    "Oplæg til udvalget i marts 2026",
                ],
            },
        ],
    },
}
