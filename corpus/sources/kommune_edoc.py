"""c. Municipal eDoc-style referat (invented municipality and content).

Running header block top right on every page (committee, "Referat",
"Åbent referat"/"Lukket referat", "Dato: dd.mm.yyyy", "Side N"); front page
with Tilstede / Afbud/Fraværende / Sekretær; INDHOLDSFORTEGNELSE with dot
leaders; items "N. Title" with "Sagsnr.:" and "Dok.nr.:"; sub-items "a. ...";
the decision section "<Udvalget>s beslutning den dd.mm.yyyy Punkt N";
closed items "Lukket: N. Title" in a "Lukket referat" part.

Blocks: see sst_taskforce.py.  ("rec", intro, [points]) prints as
"<intro>, at\\nA) ...\\nB) ..."; ("bilag", [(docno, title)]) prints
"docno - title"; ("dec", text, outcome).
"""

BODY = "Ældre- og Sundhedsudvalget"
DEC = "Ældre- og Sundhedsudvalgets beslutning den 14.05.2025 Punkt {}"
CSO = "Center for Sundhed og Omsorg"


def decision(n, text, outcome):
    return [("h", "decision", DEC.format(n)), ("dec", text, outcome)]


DOC = {
    "meta": {
        "title": "Ældre- og Sundhedsudvalget - referat 14.05.2025",
        "author": "Skovbjerg Kommune",
        "subject": "Åbent referat",
    },
    "organisation": "Skovbjerg Kommune",
    "body": BODY,
    "kind": "referat",
    "doctype": "Referat",
    "date": "2025-05-14",
    "date_dmy": "14.05.2025",
    "start_time": "16:30",
    "when": "onsdag den 14. maj 2025, kl. 16:30",
    "where": "i Mødelokale 3 på Skovbjerg Rådhus",
    "location": "Mødelokale 3 på Skovbjerg Rådhus",
    "participants": [
        {"name": "Birgitte Holmgaard", "party": "A", "role": "formand", "status": "present"},
        {"name": "Kasper Lindved", "party": "V", "role": "næstformand", "status": "present"},
        {"name": "Naja Frandsen", "party": "F", "role": None, "status": "present"},
        {"name": "Ole Riis Mikkelsen", "party": "A", "role": None, "status": "present"},
        {"name": "Tanja Bruun", "party": "A", "role": None, "status": "present"},
        {"name": "Jørgen Stenbæk", "party": "V", "role": None, "status": "present"},
        {"name": "Lene Damgaard", "party": "O", "role": None, "status": "absent"},
        {"name": "Camilla Westh Nørby", "party": None, "role": None, "status": "secretary"},
    ],
    "items": [
        # ------------------------------------------------------------ 1
        {
            "number": "1",
            "access": "public",
            "title": "Meddelelser",
            "case_numbers": ["2025-00871"],
            "doknr": "2025-093114",
            "blocks": [
                (
                    "sub",
                    {
                        "number": "a",
                        "title": "Status på ventelisten til plejeboliger",
                        "blocks": [
                            (
                                "p",
                                "Pr. 1. maj 2025 stod 37 borgere på den generelle "
                                "venteliste til en plejebolig mod 29 på samme tid "
                                "sidste år. Plejeboliggarantien på to måneder er "
                                "overholdt for alle borgere på den garanterede "
                                "venteliste.",
                            ),
                        ],
                    },
                ),
                (
                    "sub",
                    {
                        "number": "b",
                        "title": "Konference om demensvenlige kommuner den 12. juni 2025",
                        "blocks": [
                            (
                                "p",
                                "KL afholder konference om demensvenlige kommuner i "
                                "Odense. Udvalgets medlemmer kan tilmelde sig via "
                                "sekretariatet senest den 23. maj 2025.",
                            ),
                            ("h", "attachments", "Bilag"),
                            ("bilag", [("2025-088412", "Program for konference om demensvenlige kommuner")]),
                        ],
                    },
                ),
                (
                    "sub",
                    {
                        "number": "c",
                        "title": "Tilsynsrapport fra Styrelsen for Patientsikkerhed, Plejecenter Egelund",
                        "blocks": [
                            (
                                "p",
                                "Styrelsen for Patientsikkerhed gennemførte den 3. "
                                "april 2025 et planlagt tilsyn på Plejecenter "
                                "Egelund. Tilsynet fandt ingen problemer af "
                                "betydning for patientsikkerheden.",
                            ),
                        ],
                    },
                ),
                # the decision restates the sub-item marker ("Ad a.") and
                # therefore belongs to item 1 itself
            ]
            + decision(
                1,
                "Taget til efterretning\nmed denne bemærkning:\n"
                "Ad a. Udvalget ønsker en opdateret status på "
                "ventelisten på mødet i august.",
                "noted",
            ),
        },
        # ------------------------------------------------------------ 2
        {
            "number": "2",
            "access": "public",
            "title": "Renovering af Plejecenter Solbakken - anlægsbevilling",
            "case_numbers": ["2024-11250"],
            "doknr": "2025-071877",
            "blocks": [
                ("h", "summary", "Sammendrag"),
                (
                    "p",
                    "Køkken og fællesarealer på Plejecenter Solbakken "
                    "trænger til en gennemgribende renovering. Der søges om "
                    "en anlægsbevilling på 4.350.000 kr. til projektet, som "
                    "forventes gennemført i 2. halvår 2025.",
                ),
                ("h", "background", "Baggrund"),
                (
                    "p",
                    "I budget 2025 er der afsat 4,5 mio. kr. på "
                    "investeringsoversigten til renovering af plejecentre. "
                    "Bygningsgennemgangen i efteråret 2024 viste, at "
                    "køkkenet på Solbakken ikke længere lever op til "
                    "kravene til en moderne storkøkkendrift.",
                ),
                ("h", "background", "Sagsfremstilling"),
                (
                    "p",
                    "Projektet omfatter nyt produktionskøkken, udvidelse af "
                    "fællesstuen på 1. sal og en sansehave for beboere med "
                    "demens. I byggeperioden etableres et midlertidigt "
                    "anretterkøkken, så beboerne fortsat kan få varm mad "
                    "hver dag. Beboere og pårørende blev orienteret på et "
                    "informationsmøde den 2. april 2025, og brugerrådet "
                    "bakker op om projektet.",
                ),
                ("h", "economy", "Økonomiske konsekvenser og finansiering"),
                (
                    "p",
                    "Anlægsbevillingen på 4.350.000 kr. finansieres af det "
                    "afsatte rådighedsbeløb på projekt nr. 520118, "
                    "Renovering af plejecentre. Det resterende "
                    "rådighedsbeløb på 150.000 kr. tilgår kassen.",
                ),
                ("h", "attachments", "Bilag"),
                ("bilag", [("2025-071880", "Tidsplan og budget for renovering af Plejecenter Solbakken")]),
                ("h", "other", "Beslutningen træffes af"),
                ("p", "Ældre- og Sundhedsudvalget"),
                ("h", "recommendation", "Indstilling"),
                (
                    "rec",
                    "Center for Ejendomme og Anlæg indstiller",
                    [
                        "Der gives en anlægsbevilling på 4.350.000 kr. til renovering af Plejecenter Solbakken.",
                        "Anlægsbevillingen finansieres af det afsatte rådighedsbeløb på projekt nr. 520118.",
                        "Det resterende rådighedsbeløb på 150.000 kr. tilgår kassen.",
                    ],
                ),
            ]
            + decision(2, "Indstillingen godkendt", "approved"),
        },
        # ------------------------------------------------------------ 3
        {
            "number": "3",
            "access": "public",
            "title": "Kvalitetsstandard for personlig og praktisk hjælp 2025-2026",
            "case_numbers": ["2025-01932"],
            "doknr": "2025-089977",
            "earlier": "Ældre- og Sundhedsudvalget den 9. april 2025 Punkt 4",
            "blocks": [
                ("h", "summary", "Sammendrag"),
                (
                    "p",
                    "Forslaget til kvalitetsstandard for personlig og "
                    "praktisk hjælp har været i høring i Ældrerådet og "
                    "Handicaprådet og forelægges nu til endelig "
                    "behandling.",
                ),
                ("h", "background", "Baggrund"),
                (
                    "p",
                    "Kommunalbestyrelsen skal hvert år fastsætte "
                    "kvalitetsstandarder for hjemmeplejen. Udvalget "
                    "drøftede et første udkast på mødet i april.",
                ),
                ("h", "background", "Sagsfremstilling"),
                (
                    "p",
                    "Ældrerådet anbefaler, at rengøring fortsat tilbydes "
                    "hver anden uge, og at borgere med demens får en fast "
                    "kontaktperson. Forvaltningen har indarbejdet den "
                    "sidste anbefaling i forslaget.",
                ),
                ("h", "economy", "Økonomiske konsekvenser og finansiering"),
                ("p", "Ingen økonomiske konsekvenser"),
                ("h", "attachments", "Bilag"),
                (
                    "bilag",
                    [
                        ("2025-090044", "Kvalitetsstandard for personlig og praktisk hjælp 2025-2026"),
                        ("2025-090051", "Høringssvar fra Ældrerådet og Handicaprådet"),
                    ],
                ),
                ("h", "other", "Beslutningen træffes af"),
                ("p", "Kommunalbestyrelsen"),
                ("h", "recommendation", "Indstilling"),
                (
                    "rec",
                    CSO + " indstiller",
                    [
                        "Forslaget til kvalitetsstandard for personlig og "
                        "praktisk hjælp 2025-2026 anbefales over for "
                        "Kommunalbestyrelsen.",
                    ],
                ),
            ]
            + decision(3, "Udsat", "postponed"),
        },
        # ------------------------------------------------------------ 4
        {
            "number": "4",
            "access": "public",
            "title": "Takster for madservice og cafeer på plejecentre 2026",
            "case_numbers": ["2025-02047"],
            "doknr": "2025-090498",
            "blocks": [
                ("h", "summary", "Sammendrag"),
                (
                    "p",
                    "Det foreslås, at taksten for en hovedret i "
                    "madservice hæves fra 58 kr. til 62 kr. fra 1. januar "
                    "2026, og at priserne i plejecentrenes cafeer følger "
                    "den samme procentvise stigning.",
                ),
                ("h", "background", "Sagsfremstilling"),
                (
                    "p",
                    "Taksten er beregnet ud fra de faktiske udgifter til "
                    "råvarer og produktion i 2024. Stigningen skyldes "
                    "især højere priser på råvarer og emballage.",
                ),
                ("h", "economy", "Økonomiske konsekvenser og finansiering"),
                ("p", "Takstforhøjelsen giver en merindtægt på ca. 310.000 kr. årligt."),
                ("h", "attachments", "Bilag"),
                ("bilag", [("2025-090512", "Takstberegning for madservice 2026")]),
                ("h", "other", "Beslutningen træffes af"),
                ("p", "Ældre- og Sundhedsudvalget"),
                ("h", "recommendation", "Indstilling"),
                (
                    "rec",
                    CSO + " indstiller",
                    [
                        "Taksterne for madservice og cafeer på plejecentre for 2026 godkendes som foreslået i bilaget.",
                    ],
                ),
            ]
            + decision(
                4, "Indstillingen godkendt.\nEt flertal bestående af A og F stemte for. V stemte imod.", "approved"
            ),
        },
        # ------------------------------------------------------------ 5
        {
            "number": "5",
            "access": "public",
            "title": "Demensstrategi 2025-2029",
            "case_numbers": ["2024-09318"],
            "doknr": "2025-087261",
            "blocks": [
                ("h", "summary", "Sammendrag"),
                (
                    "p",
                    "Forvaltningen fremlægger forslag til en ny "
                    "demensstrategi med fire indsatsområder: tidlig "
                    "opsporing, støtte til pårørende, demensvenlige "
                    "boliger og kompetenceudvikling af medarbejderne.",
                ),
                ("h", "background", "Sagsfremstilling"),
                (
                    "p",
                    "Strategien er udarbejdet i samarbejde med "
                    "Alzheimerforeningens lokalafdeling, Ældrerådet og "
                    "medarbejdere fra hjemmeplejen. Den udmøntes i årlige "
                    "handleplaner, som forelægges udvalget hvert år i "
                    "januar.",
                ),
                ("h", "economy", "Økonomiske konsekvenser og finansiering"),
                ("p", "Indsatserne i 2025 finansieres inden for den eksisterende ramme."),
                ("h", "attachments", "Bilag"),
                ("bilag", [("2025-087300", "Demensstrategi 2025-2029")]),
                ("h", "other", "Beslutningen træffes af"),
                ("p", "Ældre- og Sundhedsudvalget"),
                ("h", "recommendation", "Indstilling"),
                (
                    "rec",
                    CSO + " indstiller",
                    [
                        "Demensstrategi 2025-2029 godkendes.",
                        "Handleplanen for 2026 forelægges udvalget i januar 2026.",
                    ],
                ),
            ]
            + decision(
                5,
                "Indstillingen godkendt\nmed denne bemærkning:\n"
                "Udvalget ønsker, at pårørende til yngre "
                "personer med demens inddrages i arbejdet med "
                "handleplanen for 2026.",
                "approved",
            ),
        },
        # ------------------------------------------------------------ 6
        {
            "number": "6",
            "access": "public",
            "title": "Evaluering af aftenåbent i Sundhedshuset",
            "case_numbers": ["2024-07702"],
            "doknr": "2025-085530",
            "blocks": [
                ("h", "summary", "Sammendrag"),
                (
                    "p",
                    "Sundhedshuset har i et års forsøg haft åbent til kl. "
                    "20 om tirsdagen. I alt 412 borgere har benyttet "
                    "aftentilbuddet, heraf to tredjedele i den "
                    "erhvervsaktive alder.",
                ),
                ("h", "economy", "Økonomiske konsekvenser og finansiering"),
                ("p", "Ingen økonomiske konsekvenser"),
                ("h", "attachments", "Bilag"),
                ("p", "Ingen"),
                ("h", "other", "Beslutningen træffes af"),
                ("p", "Ældre- og Sundhedsudvalget"),
                ("h", "recommendation", "Indstilling"),
                (
                    "rec",
                    CSO + " indstiller",
                    [
                        "Evalueringen af aftenåbent i Sundhedshuset tages til efterretning.",
                    ],
                ),
            ]
            + decision(6, "Taget til efterretning", "noted"),
        },
        # ------------------------------------------------------------ 7
        {
            "number": "7",
            "access": "public",
            "title": "Ansøgning om deltagelse i forsøg med udvidet frit valg "
            "af genoptræning efter udskrivning fra sygehus for "
            "borgere over 65 år",
            "case_numbers": ["2025-02388"],
            "doknr": "2025-091106",
            "blocks": [
                ("h", "summary", "Sammendrag"),
                (
                    "p",
                    "Kommunen kan søge om at deltage i et treårigt forsøg, "
                    "hvor ældre borgere kan vælge en privat leverandør af "
                    "genoptræning. Forsøget kræver en kommunal "
                    "medfinansiering på 600.000 kr. om året.",
                ),
                ("h", "economy", "Økonomiske konsekvenser og finansiering"),
                ("p", "Medfinansieringen er ikke indeholdt i budgettet og skal i givet fald finansieres af kassen."),
                ("h", "attachments", "Bilag"),
                ("p", "Ingen"),
                ("h", "other", "Beslutningen træffes af"),
                ("p", "Økonomiudvalget"),
                ("h", "recommendation", "Indstilling"),
                (
                    "rec",
                    CSO + " indstiller",
                    [
                        "Udvalget tager stilling til, om kommunen skal søge om deltagelse i forsøget.",
                    ],
                ),
            ]
            + decision(7, "Sagen oversendes til Økonomiudvalget med henblik på finansiering.", "referred"),
        },
        # ------------------------------------------------ closed part -----
        {
            "number": "8",
            "access": "closed",
            "title": "Personalesag",
            "case_numbers": ["2025-02101"],
            "doknr": "2025-091877",
            "blocks": decision(8, "Taget til efterretning", "noted"),
        },
        {
            "number": "9",
            "access": "closed",
            "title": "Køb af ejendom",
            "case_numbers": ["2025-02210"],
            "doknr": "2025-092015",
            "blocks": decision(9, "Indstillingen godkendt", "approved"),
        },
    ],
}
