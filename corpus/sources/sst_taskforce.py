"""a. Sundhedsstyrelsen-style referat (invented content).

Blocks inside an item, in document order:
  ("h", kind, heading)      section heading (kind = contract vocabulary)
  ("p", text)               paragraph
  ("ul", [text, ...])       "-" list
  ("rec", intro, [clause])  Indstilling text: "Det indstilles, at A, og at B."
  ("bilag", [(label, title)])  attachment lines ("Bilag 2: ...")
  ("sub", item)             sub-item "a) Title"
Markup: "~" soft hyphen (break point), "^1" footnote marker, "\\n" line break.
"""

DOC = {
    "meta": {
        "title": "Referat - 3. møde i Task Force for Børne- og Ungdomspsykiatri",
        "author": "Sundhedsstyrelsen",
        "subject": "Referat",
    },
    "organisation": "Sundhedsstyrelsen",
    "body": "Task Force for Børne- og Ungdomspsykiatri",
    "kind": "referat",
    "front": {
        "doctype": "Referat",
        "fields": [
            ("Emne", "3. møde i Task Force for Børne- og Ungdomspsykiatri"),
            ("Mødedato", "11. september 2025, kl. 13.00-15.30"),
            ("Sted", "Sundhedsstyrelsen, Islands Brygge 67, 2300 København S, mødelokale 2.14"),
            (
                "Deltagere",
                [
                    "Mette Kjærsgaard Lund, Sundhedsstyrelsen (formand)",
                    "Jonas Brink Højer, Danske Regioner",
                    "Sofie Aagaard Winther, KL",
                    "Peter Vindum Olsen, Indenrigs- og Sundhedsministeriet",
                    "Lærke Østergaard, Region Syddanmark",
                    "Karsten Bøgh Iversen, Sundhedsdatastyrelsen",
                    "Afbud: Hanne Rytter Bach, Region Nordjylland",
                ],
            ),
        ],
        "agenda_heading": "Referat 3. møde i Task Force for Børne- og Ungdomspsykiatri",
        "bilag": [
            ("Bilag 1", "Notat om kapacitet og ventetider i Børne- og Ungdomspsykiatrien, 1. halvår 2025"),
            ("Bilag 2", "Opgørelse af udredningsretten, 2. kvartal 2025"),
            ("Bilag 3", "Forslag til indikatorer for akutte genindlæggelser (udkast)"),
            ("Bilag 4", "Fordelingsnøgle for puljen til tidlig indsats"),
        ],
    },
    # letterhead drawn in a narrow right-hand column on page 1
    "letterhead": [
        "2. oktober 2025",
        "",
        "Sagsnr. 07-0311-14/2",
        "Sagsbehandler jkla/mrho",
        "",
        "Sundhedsstyrelsen",
        "Islands Brygge 67",
        "2300 København S",
        "Danmark",
        "",
        "T +45 72 22 74 00",
        "E bup-taskforce@sst.dk",
        "www.sst.dk",
    ],
    # annotation: the meeting's participants (rendered in the Deltagere field)
    "participants": [
        {"name": "Mette Kjærsgaard Lund", "party": None, "role": "formand", "status": "present"},
        {"name": "Jonas Brink Højer", "party": None, "role": None, "status": "present"},
        {"name": "Sofie Aagaard Winther", "party": None, "role": None, "status": "present"},
        {"name": "Peter Vindum Olsen", "party": None, "role": None, "status": "present"},
        {"name": "Lærke Østergaard", "party": None, "role": None, "status": "present"},
        {"name": "Karsten Bøgh Iversen", "party": None, "role": None, "status": "present"},
        {"name": "Hanne Rytter Bach", "party": None, "role": None, "status": "absent"},
    ],
    "footnotes": {
        "1": "Aftale om kapacitetsløft i børne- og ungdomspsykiatrien "
        "2025-2028, indgået mellem regeringen, KL og Danske Regioner i "
        "juni 2025.",
    },
    "items": [
        {
            "number": "1",
            "title": "Velkomst og godkendelse af dagsorden",
            "blocks": [
                ("h", "minutes", "Referat"),
                (
                    "p",
                    "Sundhedsstyrelsen bød velkommen til tredje møde i Task "
                    "Force for Børne- og Ungdomspsykiatri. Formanden "
                    "orienterede om, at Region Nordjylland havde meldt "
                    "afbud, og at Region Syddanmark deltog med en ny "
                    "repræsen~tant, som kort præsenterede sig.",
                ),
                ("p", "Dagsordenen blev godkendt uden bemærkninger."),
            ],
        },
        {
            "number": "2",
            "title": "Kapacitet og ventetider i Børne- og Ungdomspsykiatrien",
            "blocks": [
                ("h", "recommendation", "Indstilling"),
                (
                    "rec",
                    "Det indstilles",
                    [
                        "Task Force tager orienteringen om udviklingen i kapacitet og ventetider til efter~retning",
                        "medlemmerne drøfter, hvordan de afsatte midler til "
                        "kapacitets~løft bedst kan ud~møntes, så ventetiderne "
                        "nedbringes mest muligt i 2026",
                    ],
                ),
                ("h", "background", "Baggrund"),
                (
                    "p",
                    "Ventetiden til udredning i Børne- og␣Ungdomspsykiatrien er steget i fire af de fem "
                    "regioner siden 2023. Ved udgangen af juni 2025 ventede "
                    "knap 7.400 børn og unge på en første udrednings~samtale, "
                    "og den gennemsnitlige ventetid var 74 dage mod 61 dage "
                    "et år tidligere. Stigningen er størst for børn under "
                    "tolv år, der er henvist med mistanke om ADHD eller "
                    "autisme.",
                ),
                (
                    "p",
                    "Med aftalen om et kapacitetsløft^1 er der afsat 420 "
                    "mio. kr. i perioden 2025-2028 til flere behandlings~"
                    "pladser, ambulante teams og rekrut~tering. Regionerne "
                    "har indsendt foreløbige planer for anvendelsen af "
                    "midlerne, og Sundheds~styrelsen har på den baggrund "
                    "udarbejdet et samlet notat, som danner grundlag for "
                    "drøftelsen på mødet.",
                ),
                (
                    "bilag",
                    [("Bilag 1", "Notat om kapacitet og ventetider i Børne- og Ungdomspsykiatrien, 1. halvår 2025")],
                ),
                ("h", "minutes", "Referat"),
                (
                    "p",
                    "Sundhedsstyrelsen gennemgik hoved~resultaterne fra "
                    "notatet og fremhævede, at stigningen i henvis~ninger "
                    "ikke alene kan forklares med demografi, men også "
                    "afspejler en ændret visitations~praksis i flere "
                    "kommuner.",
                ),
                (
                    "p",
                    "Danske Regioner foreslog, at der udarbejdes en fælles "
                    "model for opgørelse af ventetider, så tallene fra de "
                    "fem regioner kan sammen~lignes direkte. Danske "
                    "Regioner understregede desuden, at rekruttering af "
                    "special~læger fortsat er den væsentligste flaske~hals, "
                    "og at flere pladser ikke i sig selv løser kapacitets~"
                    "udfordringen.",
                ),
                (
                    "p",
                    "KL bemærkede, at en del af de henviste børn og unge "
                    "med fordel kunne have fået hjælp i et kom~munalt "
                    "tilbud. KL pegede desuden på behovet for klare "
                    "retnings~linjer for henvisning til den regionale "
                    "Børne- og␣Ungdomspsykiatri.",
                ),
                (
                    "p",
                    "Indenrigs- og Sundhedsministeriet oplyste, at "
                    "ministeriet vil følge op på anvendelsen af midlerne én "
                    "gang årligt, første gang i foråret 2026.",
                ),
                (
                    "p",
                    "Task Force tog orien~teringen til efter~retning. "
                    "Medlemmerne var enige om, at Sundhedsstyrelsen i "
                    "sam~arbejde med Danske Regioner og KL udarbejder et "
                    "forslag til en fælles opgørelses~model.",
                ),
                ("h", "process", "Videre proces"),
                (
                    "p",
                    "Sundhedsstyrelsen sender et udkast til opgørelses~model "
                    "i skriftlig høring blandt medlemmerne ultimo oktober "
                    "2025. Forslaget forelægges til endelig drøftelse på "
                    "mødet i december.",
                ),
            ],
        },
        {
            "number": "3",
            "title": "Monitorering",
            "blocks": [
                ("p", "Under punktet blev to nye opgørelser præsenteret."),
                (
                    "sub",
                    {
                        "number": "a",
                        "title": "Udredningsretten: Opgørelse for 2. kvartal 2025",
                        "blocks": [
                            ("h", "recommendation", "Indstilling"),
                            (
                                "rec",
                                "Det indstilles",
                                [
                                    "Task Force tager opgørel~sen af udrednings~retten "
                                    "for 2. kvartal 2025 til efter~retning"
                                ],
                            ),
                            ("h", "background", "Baggrund"),
                            (
                                "p",
                                "Sundheds~data~styrelsen opgør hvert kvartal "
                                "andelen af børn og unge, der er udredt inden "
                                "for 30 dage efter henvisning. I 2. kvartal "
                                "2025 blev 38 pct. af forløbene afsluttet inden "
                                "for fristen, hvilket er et fald på fire "
                                "procent~point i forhold til kvartalet før. Der "
                                "er fortsat store regionale forskelle, og i to "
                                "regioner blev under hver fjerde udredt "
                                "rettidigt.",
                            ),
                            ("bilag", [("Bilag 2", "Opgørelse af udredningsretten, 2. kvartal 2025")]),
                            ("h", "minutes", "Referat"),
                            (
                                "p",
                                "Sundhedsdatastyrelsen præsenterede "
                                "opgørelsen. Region Syddanmark bemærkede, at en "
                                "del af faldet skyldes en ny registrerings~"
                                "praksis, som blev indført i april, og at "
                                "tallene for 3. kvartal for~ventes at vise en "
                                "bedring. Task Force tog opgørelsen til "
                                "efterretning.",
                            ),
                        ],
                    },
                ),
                (
                    "sub",
                    {
                        "number": "b",
                        "title": "Nye indikatorer for akutte genind~læggelser",
                        "blocks": [
                            ("h", "recommendation", "Indstilling"),
                            (
                                "rec",
                                "Det indstilles",
                                [
                                    "Task Force godkender forslaget til to nye indikatorer for akutte genind~læggelser",
                                    "indikatorerne indgår i monitoreringen fra 1. kvartal 2026",
                                ],
                            ),
                            ("h", "background", "Baggrund"),
                            (
                                "p",
                                "Som led i opfølgningen på psykiatriplanen har "
                                "Sundhedsstyrelsen udviklet forslag til to "
                                "indika~torer, der belyser andelen af børn og "
                                "unge, som genindlægges akut inden for "
                                "henholdsvis 7 og 30 dage efter udskrivning. "
                                "Indikatorerne er udviklet i en tekniker~gruppe "
                                "med deltagelse fra alle fem regioner.",
                            ),
                            ("bilag", [("Bilag 3", "Forslag til indikatorer for akutte genindlæggelser (udkast)")]),
                            ("h", "minutes", "Referat"),
                            (
                                "p",
                                "Medlemmerne bakkede op om forslaget. Danske "
                                "Regioner foreslog, at indikatoren for "
                                "genind~læggelse inden for 7 dage i første "
                                "omgang kun offentliggøres på landsplan, da "
                                "antallet af forløb i de mindre regioner er "
                                "lavt. Sundhedsstyrelsen tilsluttede sig "
                                "forslaget, og Task Force god~kendte "
                                "indikatorerne med denne justering.",
                            ),
                        ],
                    },
                ),
            ],
        },
        {
            "number": "4",
            "title": "Udmøntning af midler til tidlig indsats i kommunerne",
            "blocks": [
                ("h", "recommendation", "Indstilling"),
                (
                    "rec",
                    "Det indstilles",
                    [
                        "Task Force drøfter den foreslåede fordelingsnøgle for puljen til tidlig indsats",
                        "medlemmerne kommer med input til kriterierne for opfølgning",
                    ],
                ),
                ("h", "background", "Baggrund"),
                (
                    "p",
                    "Der er afsat 95 mio. kr. årligt fra 2026 til kommunale "
                    "tilbud om tidlig indsats for børn og unge i psykisk "
                    "mistrivsel. Midlerne fordeles efter en nøgle, der tager "
                    "højde for antallet af 6-17-årige og kom~munernes "
                    "sociale profil. KL og Social- og Boligstyrelsen har "
                    "udarbejdet et fælles forslag til fordelings~nøgle.",
                ),
                ("bilag", [("Bilag 4", "Fordelingsnøgle for puljen til tidlig indsats")]),
                ("h", "minutes", "Referat"),
                (
                    "p",
                    "KL præsenterede forslaget og understregede, at "
                    "kommunerne har brug for en hurtig af~klaring, hvis "
                    "tilbuddene skal være i drift fra januar. Flere "
                    "medlemmer efterlyste, at opfølg~ningen ikke alene "
                    "måler aktivitet, men også om børnene efterfølgende "
                    "undgår henvisning til Børne- og␣Ungdomspsykiatrien.",
                ),
                (
                    "p",
                    "Danske Regioner foreslog, at der fastsættes en fælles "
                    "definition af, hvornår et forløb i det kommunale "
                    "tilbud er afsluttet. Indenrigs- og Sundhedsministeriet "
                    "tog forbehold for den endelige fordelings~nøgle, som "
                    "skal godkendes politisk.",
                ),
                ("h", "process", "Videre proces"),
                (
                    "p",
                    "KL og Social- og Boligstyrelsen justerer forslaget på "
                    "baggrund af drøftelsen. Den endelige fordelingsnøgle "
                    "forventes offentliggjort i uge 44.",
                ),
            ],
        },
        {
            "number": "5",
            "title": "Orienteringer",
            "blocks": [
                (
                    "sub",
                    {
                        "number": "a",
                        "title": "Revision af vejledning om spiseforstyrrelser",
                        "blocks": [
                            (
                                "p",
                                "Sundhedsstyrelsen er i gang med at revidere "
                                "vejledningen om udredning og behandling af "
                                "spise~forstyrrelser hos børn og unge. En "
                                "arbejdsgruppe med klinikere fra Børne- og␣Ungdomspsykiatrien og praktiserende læger "
                                "mødes første gang i oktober. Et udkast "
                                "forventes sendt i høring i 1. kvartal 2026.",
                            ),
                        ],
                    },
                ),
                (
                    "sub",
                    {
                        "number": "b",
                        "title": "Status for rekruttering af speciallæger",
                        "blocks": [
                            (
                                "p",
                                "Antallet af hoved~uddannelses~forløb i børne- og "
                                "ungdomspsykiatri er øget fra 42 til 55 om året "
                                "fra 2025. Der er fortsat ubesatte forløb i "
                                "Region Sjælland og Region Nordjylland, og "
                                "Sundheds~styrelsen følger op med de regionale "
                                "uddannelses~råd.",
                            ),
                        ],
                    },
                ),
                (
                    "sub",
                    {
                        "number": "c",
                        "title": "Kommende høringer",
                        "blocks": [
                            (
                                "p",
                                "Medlemmerne vil i løbet af efteråret modtage "
                                "to høringer: en forløbs~beskrivelse for børn og "
                                "unge med angst og en revideret pjece om "
                                "rettigheder i psykiatrien.",
                            ),
                        ],
                    },
                ),
                # restates the sub-item markers -> belongs to item 5 itself
                ("h", "minutes", "Referat"),
                (
                    "p",
                    "Ad a) Der var ingen bemærkninger. Ad b) KL spurgte, om "
                    "de nye uddannelses~forløb også omfatter ophold i "
                    "kommunale tilbud, hvilket Sundhedsstyrelsen vil "
                    "undersøge. Ad c) Medlemmerne tog orienteringen til "
                    "efterretning.",
                ),
            ],
        },
        {
            "number": "6",
            "title": "Eventuelt",
            "blocks": [
                ("h", "minutes", "Referat"),
                (
                    "p",
                    "Sundhedsstyrelsen mindede om, at næste møde afholdes "
                    "den 4. december 2025. Der var ikke yder~ligere til "
                    "eventuelt.",
                ),
            ],
        },
    ],
}
