"""d. Acadre-style byrådsreferat (invented municipality and content).

Rendered twice from this one source:
  * byraad-acadre-referat.pdf  - item numbers typed ("101.", sub-items "a)")
  * byraad-acadre-referat.docx - item numbers NOT typed: Heading1 paragraphs
    carry w:numPr (numbering.xml, level 0 "%1." starting at 101; level 1
    "%2)" lower-case letters for sub-items); page header/footer live in
    header1.xml/footer1.xml.
The "number" fields below are therefore only used by the PDF and the gold
file; the DOCX derives the same numbers from the numbering definition, so
items must stay consecutive from 101.

Blocks: see sst_taskforce.py; ("rec", intro, [clauses]) prints inline
"Direktøren indstiller, at A, og at B."; ("table", {...}) a budget table;
("bilag", [(no, title, journal no)]) prints "1  Åben  Title 31877/25".
"""

DOC = {
    "meta": {"title": "Referat - Byrådet 12. marts 2025", "author": "Nørreå Kommune", "subject": "Referat"},
    "organisation": "Nørreå Kommune",
    "body": "Byrådet",
    "kind": "referat",
    "title": "Ordinært byrådsmøde",
    "date": "2025-03-12",
    "start_time": "17:00",
    "location": "Byrådssalen, Nørreå Rådhus",
    "front": {
        "date_long": "Onsdag den 12. marts 2025",
        "time": "Kl. 17:00",
        "location_lines": ["Byrådssalen", "Nørreå Rådhus"],
        "header_when": "12. marts 2025 - kl. 17:00",
    },
    "footer": "Nørreå Kommune - Referat Byrådet 12. marts 2025",
    # listed_as_member: printed in the two-column "Medlemmer" list
    "participants": [
        {"name": "Anders Kjeldsen", "party": "A", "role": None, "status": "present", "listed_as_member": True},
        {"name": "Marianne Skov", "party": "V", "role": None, "status": "present", "listed_as_member": True},
        {"name": "Rasmus Bech", "party": "A", "role": None, "status": "present", "listed_as_member": True},
        {"name": "Tove Lauritsen", "party": "C", "role": None, "status": "present", "listed_as_member": True},
        {"name": "Ida Mølgaard", "party": "F", "role": None, "status": "present", "listed_as_member": True},
        {"name": "Jens Peter Hald", "party": "V", "role": None, "status": "present", "listed_as_member": True},
        {"name": "Mona Sejer", "party": "A", "role": None, "status": "present", "listed_as_member": True},
        {"name": "Kristian Holt", "party": "Ø", "role": None, "status": "absent", "listed_as_member": True},
        {"name": "Sara Lykke Damm", "party": "B", "role": None, "status": "present", "listed_as_member": True},
    ],
    "items": [
        # ------------------------------------------------------------ 101
        {
            "number": "101",
            "access": "public",
            "title": "Godkendelse af dagsorden",
            "case_numbers": ["25/0212"],
            "afgores": "Byrådet",
            "blocks": [
                ("h", "decision", "Beslutning i Byrådet den 12-03-2025"),
                ("dec", "Godkendt.", "approved"),
            ],
        },
        # ------------------------------------------------------------ 102
        {
            "number": "102",
            "access": "public",
            "title": "Regnskab 2024 - overførsel af uforbrugte driftsmidler til 2025",
            "case_numbers": ["25/1234"],
            "afgores": "Byrådet",
            "blocks": [
                ("h", "summary", "Resumé"),
                (
                    "p",
                    "Regnskabet for 2024 viser et samlet mindreforbrug på "
                    "serviceudgifterne. Efter kommunens regler for "
                    "overførsel kan op til 5 pct. af driftsbudgettet "
                    "overføres til det følgende år. Der søges om "
                    "overførsel af i alt 14.620.000 kr. til 2025.",
                ),
                ("h", "background", "Sagsfremstilling"),
                (
                    "p",
                    "Fagudvalgene har behandlet overførselsanmodningerne "
                    "på deres møder i februar. Overførslerne fordeler sig "
                    "således:",
                ),
                (
                    "table",
                    {
                        "caption": "Overførsler fra 2024 til 2025 (kr.)",
                        "widths": [46, 18, 18, 18],
                        "header": ["Område", "Budget 2024", "Regnskab 2024", "Overførsel"],
                        "rows": [
                            ["Børn og Skole", "612.400.000", "605.950.000", "6.450.000"],
                            ["Social og Sundhed", "734.800.000", "729.610.000", "5.190.000"],
                            ["Teknik og Miljø", "118.300.000", "116.920.000", "1.380.000"],
                            ["Kultur og Fritid", "52.700.000", "51.100.000", "1.600.000"],
                            ["I alt", "1.518.200.000", "1.503.580.000", "14.620.000"],
                        ],
                        "total_last": True,
                    },
                ),
                (
                    "p",
                    "Børn og Skoles overførsel vedrører primært "
                    "forsinkede indkøb af it-udstyr til skolerne, mens "
                    "overførslen på Social og Sundhed skyldes vakante "
                    "stillinger i hjemmeplejen i efteråret 2024.",
                ),
                ("h", "economy", "Økonomi og organisatoriske konsekvenser"),
                (
                    "p",
                    "Overførslerne finansieres af kassebeholdningen, som "
                    "efter overførslerne forventes at udgøre 96,4 mio. kr. "
                    "ved udgangen af 2025.",
                ),
                ("h", "recommendation", "Indstilling"),
                (
                    "rec",
                    "Direktøren indstiller",
                    [
                        "overførsler af uforbrugte driftsmidler på i alt "
                        "14.620.000 kr. fra 2024 til 2025 godkendes som vist i "
                        "tabellen",
                        "de overførte midler indarbejdes i budgetopfølgningen pr. 31. marts 2025",
                    ],
                ),
                ("h", "decision", "Beslutning i Byrådet den 12-03-2025"),
                ("dec", "Godkendt.", "approved"),
                ("h", "attachments", "Bilag"),
                ("bilag", [("1", "Specifikation af overførsler 2024-2025", "31877/25")]),
            ],
        },
        # ------------------------------------------------------------ 103
        {
            "number": "103",
            "access": "public",
            "title": "Udpegning af medlemmer til råd og nævn",
            "case_numbers": ["25/0876"],
            "afgores": "Byrådet",
            "blocks": [
                ("h", "summary", "Resumé"),
                ("p", "Der skal foretages to nye udpegninger som følge af udtrædelser."),
                (
                    "sub",
                    {
                        "number": "a",
                        "title": "Ældrerådet - ny suppleant",
                        "blocks": [
                            (
                                "p",
                                "Kirsten Vang er udtrådt som suppleant for "
                                "Ældrerådet efter eget ønske. Venstre har "
                                "indstillet Poul Erik Nørgaard som ny "
                                "suppleant for den resterende valgperiode.",
                            ),
                        ],
                    },
                ),
                (
                    "sub",
                    {
                        "number": "b",
                        "title": "Handicaprådet - nyt medlem",
                        "blocks": [
                            (
                                "p",
                                "Danske Handicaporganisationer har meddelt, at "
                                "organisationens repræsentant er fraflyttet "
                                "kommunen. Organisationen indstiller Louise "
                                "Bjerre som nyt medlem, og hendes hidtidige "
                                "plads som suppleant bliver dermed ledig.",
                            ),
                        ],
                    },
                ),
                # both sections restate the sub-item markers a) and b), so
                # they belong to item 103 itself
                ("h", "recommendation", "Indstilling"),
                ("rec", "Direktøren indstiller", ["byrådet foretager udpegningerne som beskrevet under a) og b)"]),
                ("h", "decision", "Beslutning i Byrådet den 12-03-2025"),
                (
                    "dec",
                    "Ad a) Godkendt. Ad b) Godkendt, idet Handicaprådet selv indstiller en ny suppleant.",
                    "approved",
                ),
            ],
        },
        # ------------------------------------------------------------ 104
        {
            "number": "104",
            "access": "public",
            "title": "Lokalplan nr. 88 for boligområde ved Engvej, endelig vedtagelse",
            "case_numbers": ["24/5517"],
            "afgores": "Byrådet",
            "blocks": [
                ("h", "summary", "Resumé"),
                (
                    "p",
                    "Forslag til lokalplan nr. 88 har været i offentlig "
                    "høring i otte uger. Der er indkommet seks "
                    "høringssvar, som især vedrører trafik på Engvej og "
                    "højden på byggeriet mod naboerne.",
                ),
                ("h", "background", "Sagsfremstilling"),
                (
                    "p",
                    "Lokalplanen giver mulighed for op til 42 rækkehuse "
                    "og en mindre legeplads. Forvaltningen foreslår, at "
                    "den maksimale bygningshøjde nedsættes fra 8,5 til 7,5 "
                    "meter i delområde B som følge af høringssvarene.",
                ),
                ("h", "economy", "Økonomi og organisatoriske konsekvenser"),
                ("p", "Ingen."),
                ("h", "recommendation", "Indstilling"),
                (
                    "rec",
                    "Direktøren indstiller",
                    ["lokalplan nr. 88 vedtages endeligt med de ændringer, der fremgår af sagsfremstillingen"],
                ),
                ("h", "decision", "Beslutning i Byrådet den 12-02-2025"),
                ("dec", "Udsat.", "postponed"),
                ("h", "background", "Supplerende sagsfremstilling"),
                (
                    "p",
                    "Forvaltningen har efter byrådets møde i februar holdt "
                    "et dialogmøde med grundejerforeningen Engvænget. "
                    "Referat af mødet er vedlagt som bilag.",
                ),
                ("h", "decision", "Beslutning i Byrådet den 12-03-2025"),
                ("dec", "Godkendt.\nØ stemte imod.", "approved"),
                ("h", "attachments", "Bilag"),
                (
                    "bilag",
                    [
                        ("1", "Forslag til lokalplan nr. 88", "118204/24"),
                        ("2", "Høringssvar og forvaltningens bemærkninger", "29540/25"),
                        ("3", "Referat af dialogmøde med grundejerforeningen Engvænget", "33012/25"),
                    ],
                ),
            ],
        },
        # ------------------------------------------------------------ 105
        {
            "number": "105",
            "access": "public",
            "title": "Kommunegaranti for lån til Nørreå Fjernvarme a.m.b.a.",
            "case_numbers": ["25/0455"],
            "afgores": "Byrådet",
            "blocks": [
                ("h", "summary", "Resumé"),
                (
                    "p",
                    "Nørreå Fjernvarme a.m.b.a. ansøger om kommunegaranti "
                    "for et lån på op til 23,5 mio. kr. til etablering af "
                    "en luft-til-vand-varmepumpe.",
                ),
                ("h", "background", "Sagsfremstilling"),
                (
                    "p",
                    "Projektet er godkendt efter varmeforsyningsloven, og "
                    "selskabet forventer, at varmeprisen for et "
                    "standardhus falder med ca. 1.100 kr. om året.",
                ),
                ("h", "economy", "Økonomi og organisatoriske konsekvenser"),
                (
                    "p",
                    "Garantien påvirker ikke kommunens låneramme. Der opkræves en garantiprovision på 0,5 pct. årligt.",
                ),
                ("h", "recommendation", "Indstilling"),
                (
                    "rec",
                    "Direktøren indstiller",
                    [
                        "der stilles kommunegaranti for et lån på op til 23,5 mio. kr. med en løbetid på højst 25 år",
                        "garantiprovisionen fastsættes til 0,5 pct. årligt",
                    ],
                ),
                ("h", "decision", "Beslutning i Byrådet den 12-03-2025"),
                (
                    "dec",
                    "Sagen sendes tilbage til Økonomiudvalget med henblik "
                    "på yderligere belysning af selskabets økonomi.",
                    "referred",
                ),
            ],
        },
    ],
}
