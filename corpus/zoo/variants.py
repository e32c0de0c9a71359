"""Style zoo, development values: the publisher conventions rule writers may look at.

Every dimension maps to a list of values; ``generate.py`` combines one value per
dimension (some per item) independently of the others. A value is a template string
or a dict. Templates use ``{token}`` fields that the generator fills in: ``{Body}``,
``{date}``, ``{n}`` and so on; a token in capitals (``{KIND}``) is printed in capitals,
a capitalised token (``{When}``) with a capital first letter. A dict may carry
``weight`` (default 1) and its own word lists (``topic``, ``months``).

The held-out counterpart, ``heldout_values.py``, has the same dimensions with other
values. Rules are written against this file and the documents made from it only.
The forms were chosen after reading published Danish minutes (municipal councils and
committees, regional councils, school boards, housing and sports associations); the
sentences and names that fill them are invented by the generator.
"""

VALUES: dict[str, list] = {
    # -- the document and its meeting header -------------------------------------------
    # The word that names the document; "kind" is the gold meeting kind, "prep" the
    # preposition a sentence header uses after it ("Referat fra mødet i …").
    "kind_word": [
        {"word": "Referat", "kind": "referat", "prep": "fra", "weight": 5},
        {"word": "Beslutningsprotokol", "kind": "beslutningsprotokol", "prep": "fra", "weight": 2},
        {"word": "Dagsorden", "kind": "dagsorden", "prep": "for", "weight": 1},
    ],
    # Title lines at the top of a meeting. "fields": "all" prints date, time and place
    # as label-value fields below; "people" only the participant fields (the title
    # line already says when and where).
    "header_form": [
        {"lines": ["{Kind}", "{Body}"], "fields": "all"},
        {"lines": ["{Body} - {Kind}"], "fields": "all"},
        {"lines": ["{KIND}", "{Body}"], "fields": "all"},
        {"lines": ["{Kind} {prep} mødet i {Body} {when} {time} på {place}"], "fields": "people"},
        {"lines": ["{Kind} {prep} møde i {Body}", "{When} {time}", "{place}"], "fields": "people"},
    ],
    # How one label-value field is printed. "line" is a text template ("\n" a line
    # break, "\t" a tab); "per_row" puts that many short fields on one line.
    "field_layout": [
        {"line": "{label}: {value}"},
        {"line": "{label}\n{value}"},
        {"line": "{label}\t{value}"},
        {"line": "{label}: {value}", "per_row": 3, "sep": "      "},
    ],
    "date_format": [
        "{d}. {month} {yyyy}",
        "{dd}.{mm}.{yyyy}",
        "{dd}-{mm}-{yyyy}",
        "{d}.{m}.{yyyy}",
        {
            "pattern": "{d}. {month} {yyyy}",
            "months": [
                "Januar",
                "Februar",
                "Marts",
                "April",
                "Maj",
                "Juni",
                "Juli",
                "August",
                "September",
                "Oktober",
                "November",
                "December",
            ],
        },
    ],
    # Printed before the date ("onsdag den 12. marts 2025").
    "weekday_form": ["", "{weekday} den ", "{Weekday} den ", "{weekday} d. "],
    # {HH}:{MM} start, {EH}:{EM} end.
    "time_format": ["kl. {HH}.{MM}", "kl. {HH}:{MM}", "kl. {HH}.{MM} - {EH}.{EM}", "{HH}:{MM}"],
    "label_date": ["Mødedato", "Dato"],
    "label_time": ["Tidspunkt", "Starttidspunkt", "Tid"],
    "label_end": ["Sluttidspunkt", "Mødet slut"],
    "label_location": ["Mødested", "Sted", "Lokale"],
    "label_present": ["Deltagere", "Til stede", "Tilstede"],
    "label_absent": ["Afbud", "Fraværende", "Afbud fra"],
    "label_secretary": ["Referent", "Sekretær"],
    "label_body": ["Udvalg", "Forum"],
    # Who meets. "org" is the authority printed above the title (gold organisation),
    # "political" bodies list party letters, "upper" is the council a committee
    # recommends to, "refer" where a matter can be sent on, "dept" who recommends, "unit" the
    # secretariat printed under the organisation.
    "body_form": [
        {
            "body": "{topic}udvalget",
            "topic": ["Teknik- og Miljø", "Børne- og Unge", "Social- og Sundheds", "Kultur- og Fritids", "Økonomi"],
            "org": "{Town} Kommune",
            "political": True,
            "upper": ["Byrådet", "Kommunalbestyrelsen"],
            "refer": ["Økonomiudvalget", "Byrådet"],
            "dept": ["Center for Teknik og Miljø", "Center for Børn og Familie", "Forvaltningen"],
            "unit": ["Center for Politik og Borgerservice", "Sekretariatet"],
            "weight": 3,
        },
        {
            "body": "Byrådet",
            "org": "{Town} Kommune",
            "political": True,
            "upper": [],
            "refer": ["Økonomiudvalget"],
            "dept": ["Kommunaldirektøren", "Direktøren for Økonomi"],
            "unit": ["Byrådssekretariatet", "Center for Politik og Borgerservice"],
            "weight": 2,
        },
        {
            "body": "Kommunalbestyrelsen",
            "org": "{Town} Kommune",
            "political": True,
            "upper": [],
            "refer": ["Økonomiudvalget"],
            "dept": ["Borgmesteren", "Kommunaldirektøren"],
            "unit": ["Sekretariatet"],
        },
        {
            "body": "Regionsrådet",
            "org": "Region {Region}",
            "political": True,
            "upper": [],
            "refer": ["Forretningsudvalget"],
            "dept": ["Regionsdirektøren", "Koncern Økonomi"],
            "unit": ["Koncernstab", "Regionssekretariatet"],
        },
        {
            "body": "Bestyrelsen",
            "org": "Boligforeningen {Name}",
            "political": False,
            "upper": [],
            "refer": ["Generalforsamlingen"],
            "dept": ["Formanden", "Administrationen"],
            "unit": ["Administrationen"],
        },
        {
            "body": "Skolebestyrelsen",
            "org": "{Name}skolen",
            "political": False,
            "upper": [],
            "refer": ["Skolelederen"],
            "dept": ["Skolelederen", "Formanden"],
            "unit": ["Skolens kontor"],
        },
        {
            "body": "Ældrerådet",
            "org": "{Town} Kommune",
            "political": False,
            "upper": [],
            "refer": ["Social- og Sundhedsudvalget"],
            "dept": ["Formanden", "Sekretariatet"],
            "unit": ["Sekretariatet for Ældrerådet"],
        },
    ],
    # The organisation line(s) above the title ({Unit}: the body's secretariat).
    "org_form": ["{Org}", "{Org}\n{Unit}"],
    # -- agenda items ------------------------------------------------------------------
    # {n} the item number, {L} a capital letter when items are lettered.
    "item_heading": [
        "{n}. {title}",
        "Punkt {n}: {title}",
        "Pkt. {n} {title}",
        "{n}) {title}",
        "{n}\t{title}",
        "{n} {title}",
        "Punkt {n} - {title}",
        "Sag {n}: {title}",
        "{n}.\t{title}",
        "• {n}. {title}",
    ],
    # How a closed item is marked: before or after its heading, on a line of its own
    # under it, or by a heading before the closed part of the meeting.
    "access_closed": [
        {"mode": "suffix", "text": "(Lukket)"},
        {"mode": "prefix", "text": "Lukket:"},
        {"mode": "prefix", "text": "Lukket punkt:"},
        {"mode": "suffix", "text": "(Fortrolig)"},
        {"mode": "prefix", "text": "LUKKET:"},
        {"mode": "part", "text": "Lukket møde"},
        {"mode": "line", "text": "Lukket punkt"},
    ],
    "access_public": [
        {"mode": "none", "weight": 3},
        {"mode": "suffix", "text": "(Åben)"},
        {"mode": "line", "text": "Åbent punkt"},
        {"mode": "part", "text": "Åbent møde"},
    ],
    # {l} a lower-case letter, {L} a capital, {n} the parent's number, {k} the index.
    "subitem_form": ["{l}) {title}", "{l}. {title}", "{L}) {title}"],
    # -- section headings by contract kind -----------------------------------------------
    "sec_summary": ["Resumé", "Sammendrag", "Resume"],
    "sec_background": ["Sagsfremstilling", "Baggrund", "Sagsbeskrivelse", "Sagens indhold"],
    "sec_recommendation": [
        "Indstilling",
        "Administrationens indstilling",
        "Forvaltningens indstilling",
        "Beslutningspunkter",
        "Indstilling fra {Dept}",
    ],
    # {BodyGen} the body in the genitive ("Økonomiudvalgets"), {n} the item number.
    "sec_decision": [
        "Beslutning",
        "Beslutninger",
        "{BodyGen} beslutning",
        "Beslutning i {Body} den {date}",
        "{BodyGen} beslutning den {date}",
    ],
    "sec_economy": ["Økonomi", "Økonomiske konsekvenser", "Økonomi og finansiering"],
    "sec_attachments": ["Bilag", "Vedlagte bilag"],
    "sec_process": ["Videre proces", "Proces"],
    "sec_communication": ["Kommunikation"],
    "sec_minutes": ["Referat", "Drøftelse"],
    # Headings of kind "other".
    "sec_other": ["Høring", "Lovgrundlag", "Beslutningskompetence", "Personalemæssige konsekvenser"],
    # A heading on a line of its own, or in a left column with the text beside it.
    "section_heading_style": [
        {"mode": "line"},
        {"mode": "line", "bold": True, "weight": 2},
        {"mode": "line", "bold": True, "upper": True},
        {"mode": "inline", "sep": "\t"},
    ],
    # The order sections appear in; each item prints a subset.
    "section_order": [
        [
            "summary",
            "background",
            "economy",
            "other",
            "process",
            "communication",
            "recommendation",
            "decision",
            "attachments",
        ],
        [
            "summary",
            "recommendation",
            "background",
            "economy",
            "other",
            "process",
            "communication",
            "attachments",
            "decision",
        ],
    ],
    # -- recommendations -----------------------------------------------------------------
    # "inline": one sentence "<intro>, at A, at B, og at C."; "lines": an intro line and
    # one line per clause. {c} a clause, {C} a clause that starts a sentence, {k} its
    # number, {K} its capital letter. "sep" ends every clause but the last ("last_sep"
    # the one before the last), "end" the last; a "." stays part of the clause.
    "rec_form": [
        {"mode": "inline", "first": "{intro}, at ", "sep": ", at ", "last_sep": ", og at ", "end": "."},
        {"mode": "lines", "intro": "{intro},", "item": "at {c}", "sep": ",", "last_sep": ", og", "end": "."},
        {"mode": "lines", "intro": "{intro}:", "item": "At {k}) {c}", "sep": "", "last_sep": "", "end": ""},
        {"mode": "lines", "intro": "{intro}, at", "item": "{K}) {C}", "sep": ".", "last_sep": ".", "end": "."},
        {"mode": "lines", "intro": "{intro},", "item": "{k}. at {c}", "sep": "", "last_sep": "", "end": ""},
        {"mode": "lines", "intro": "", "item": "{C}", "sep": ".", "last_sep": ".", "end": "."},
    ],
    "rec_intro": ["Det indstilles", "{Dept} indstiller", "Administrationen indstiller"],
    # -- decisions -----------------------------------------------------------------------
    # Outcome as in gold/README.md. "Anbefales over for {Upper}" is the committee's
    # approval of the recommendation (the council decides later): approved.
    "decision_phrase": [
        {"text": "Godkendt.", "outcome": "approved"},
        {"text": "Indstillingen godkendt.", "outcome": "approved"},
        {"text": "Tiltrådt.", "outcome": "approved"},
        {"text": "Anbefales over for {Upper}.", "outcome": "approved"},
        {"text": "Godkendt med den ændring, at {change}.", "outcome": "approved", "weight": 0.5},
        {"text": "Taget til efterretning.", "outcome": "noted"},
        {"text": "Orienteringen blev taget til efterretning.", "outcome": "noted"},
        {"text": "Udsat.", "outcome": "postponed"},
        {"text": "Sagen blev udsat.", "outcome": "postponed"},
        {"text": "Forkastet.", "outcome": "rejected"},
        {"text": "Ikke godkendt.", "outcome": "rejected"},
        {"text": "Oversendes til {Refer}.", "outcome": "referred"},
        {"text": "Sagen sendes videre til {Refer}.", "outcome": "referred"},
        {"text": "Drøftet.", "outcome": "discussed"},
        {"text": "Intet.", "outcome": None},
        {"text": "Ingen bemærkninger.", "outcome": None},
    ],
    # Vote lines after the decision. {for}/{against}/{abstain} are party letters (gold
    # positions), {nfor}/{nagainst}/{nabstain} counts; a line whose group is empty is
    # left out; "only" limits a form to one outcome.
    "vote_form": [
        {
            "lines": [
                "For stemte: {for} ({nfor})",
                "Imod stemte: {against} ({nagainst})",
                "Undlod at stemme: {abstain} ({nabstain})",
            ]
        },
        {"lines": ["{for} stemte for.", "{against} stemte imod."]},
        {
            "lines": [
                "Et flertal bestående af {for} stemte for.",
                "{against} stemte imod.",
                "{abstain} undlod at stemme.",
            ]
        },
        {"lines": ["Beslutningen var enstemmig."], "only": "approved"},
    ],
    # How several party letters are joined: "A, V og C" / "A, V, C".
    "letters_join": [{"sep": ", ", "last": " og "}, {"sep": ", ", "last": ", "}],
    # A member who took no part in an item ({who}: name, with party letter when political).
    "not_participating": ["{who} deltog ikke i sagens behandling.", "{who} deltog ikke i behandlingen af punktet."],
    # -- participants --------------------------------------------------------------------
    # One person, by what is printed about them.
    "participant_format": [
        {
            "plain": "{name}",
            "party": "{name} ({party})",
            "role": "{name}, {role}",
            "party_role": "{name} ({party}), {role}",
        },
        {
            "plain": "{name}",
            "party": "{name} ({party})",
            "role": "{name} ({role})",
            "party_role": "{name} ({party}) - {role}",
        },
        {
            "plain": "{name}",
            "party": "{name} ({party})",
            "role": "{name} - {role}",
            "party_role": "{name} ({party}) - {role}",
        },
    ],
    # A list of people: on the label's line joined by "sep" (and "last"), one per line,
    # or a table (name, party, role).
    "participant_layout": [
        {"mode": "inline", "sep": ", "},
        {"mode": "lines"},
        {"mode": "lines", "bullet": "• "},
        {"mode": "inline", "sep": ", ", "last": " og "},
        {"mode": "table"},
    ],
    # -- page furniture ------------------------------------------------------------------
    # Running header and footer lines; {p} the page, {P} the page count.
    "furniture": [
        {"weight": 2},
        {"header": "{Body} - {date}"},
        {"footer": "Side {p} af {P}"},
        {"header": "{Kind} {Body}", "footer": "Side {p}"},
        {"footer": "{street} · {zip} {town} · Side {p} af {P}"},
    ],
}
