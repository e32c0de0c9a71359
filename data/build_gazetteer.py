"""Build data/gazetteer.tsv: Danish public bodies as (canonical, label, kind, aliases).

Facts come from two places: the reference lists in ../shared/data/lists (98
municipalities, 5 regions, 2026 ministries and agencies — checked by hand: the
entry "Regeringen.dk" is a website, not a body, and is left out) and the
hand-written table below (associations, councils, parties, and names that the
2023–2026 documents use but the 2026 lists no longer have, such as
"Indenrigs- og Sundhedsministeriet"). The output is committed; run this again
only when the lists change:  python data/build_gazetteer.py
"""

from __future__ import annotations

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
LISTS = HERE.parent.parent / "shared" / "data" / "lists"

# canonical, label, kind, aliases (| separated)
HAND_WRITTEN = [
    ("Danske Regioner", "ORG", "organisation", "DR|Danske Regioners"),
    ("Kommunernes Landsforening", "ORG", "organisation", "KL|Kommunernes Landsforenings"),
    (
        "Indenrigs- og Sundhedsministeriet",
        "ORG",
        "organisation",
        "ISM|Indenrigs- og Sundhedsministeriets|Indenrigs og Sundhedsministeriet",
    ),
    ("Social- og Boligministeriet", "ORG", "organisation", ""),
    ("Sundhedsministeriet", "ORG", "organisation", "SUM"),
    ("Indenrigs- og Boligministeriet", "ORG", "organisation", ""),
    ("Sundhedsstyrelsen", "ORG", "organisation", "SST|Sundhedsstyrelsens"),
    ("Sundhedsdatastyrelsen", "ORG", "organisation", "SDS|Sundhedsdatastyrelsens"),
    ("Social- og Boligstyrelsen", "ORG", "organisation", "SBST"),
    ("Styrelsen for Undervisning og Kvalitet", "ORG", "organisation", "STUK"),
    ("Nordisk Ministerråd", "ORG", "organisation", ""),
    ("Kommunekontaktrådet", "ORG", "body", "KKR"),
    ("Folketinget", "ORG", "body", ""),
    ("Regeringen", "ORG", "body", ""),  # capitalised only: lower-case "regeringen" is a common noun
    ("Kræftens Bekæmpelse", "ORG", "organisation", ""),
    ("Socialpædagogerne", "ORG", "organisation", ""),
    ("Psykiatrifonden", "ORG", "organisation", ""),
    ("Røde Kors", "ORG", "organisation", ""),
    ("Mødrehjælpen", "ORG", "organisation", ""),
    ("Task Force for Kræft- og Psykiatriområdet", "ORG", "body", "Task Force for kræft- og psykiatriområdet"),
    ("Nationalt Råd for 10-årsplanen for Psykiatrien", "ORG", "body", ""),
    ("Psykiatrirådet", "ORG", "body", ""),
    ("Ministeriet for Sundhed og Forebyggelse", "ORG", "organisation", ""),  # 2011-2015 name
    ("Danske Multidisciplinære Cancer Grupper", "ORG", "organisation", "DMCG"),
    ("Danske Multidisciplinære Psykiatri Grupper", "ORG", "organisation", "DMPG"),
    ("World Health Organization", "ORG", "organisation", "WHO|WHO’s|WHO's"),
    ("EN AF OS", "ORG", "organisation", ""),  # the national anti-stigma initiative
    # Unions and associations that speak in the minutes, by the abbreviations they use.
    ("Dansk Sygeplejeråd", "ORG", "organisation", "DSR"),
    ("Praktiserende Lægers Organisation", "ORG", "organisation", "PLO"),
    ("FOA - Fag og Arbejde", "ORG", "organisation", "FOA"),
    # Political parties: canonical name and the letter they stand on the ballot with.
    ("Socialdemokratiet", "ORG", "party", "A|Socialdemokraterne|Sociald"),
    ("Radikale Venstre", "ORG", "party", "B|Det Radikale Venstre"),
    ("Det Konservative Folkeparti", "ORG", "party", "C|Konservative"),
    ("SF - Socialistisk Folkeparti", "ORG", "party", "F|Socialistisk Folkeparti|SF"),
    ("Liberal Alliance", "ORG", "party", "I"),
    ("Moderaterne", "ORG", "party", "M"),
    ("Dansk Folkeparti", "ORG", "party", "O"),
    ("Venstre", "ORG", "party", "V"),
    ("Enhedslisten", "ORG", "party", "Ø"),
    ("Alternativet", "ORG", "party", "Å"),
    ("Danmarksdemokraterne", "ORG", "party", "Æ"),
]

# Abbreviations of bodies that come from the lists (the minutes write "SSI", "STPS").
LISTED_ALIASES = {
    "Statens Serum Institut": "SSI",
    "Styrelsen for Patientsikkerhed": "STPS",
    "Lægemiddelstyrelsen": "LMST",
    "Finansministeriet": "FM",
}


def build() -> list[tuple[str, str, str, str]]:
    rows = list(HAND_WRITTEN)
    known = {row[0] for row in rows}

    def add(name: str, kind: str = "organisation", aliases: str = "") -> None:
        if name and name not in known:
            rows.append((name, "ORG", kind, aliases or LISTED_ALIASES.get(name, "")))
            known.add(name)

    if LISTS.is_dir():
        with open(LISTS / "kommuner_98.tsv", encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                add(
                    row["formelt_navn"],
                    "organisation",
                    f"{row['navn']} Kommune" if row["formelt_navn"] != f"{row['navn']} Kommune" else "",
                )
        with open(LISTS / "regioner_5.tsv", encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                add(row["navn"])
        with open(LISTS / "styrelser_ministerienyt_2026.tsv", encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                add(row["myndighed"])
                add(row["ressortministerium"])
        for line in (LISTS / "ministerier_ministerienyt_2026.txt").read_text(encoding="utf-8").splitlines():
            if line.strip() and "." not in line:  # "Regeringen.dk" is a website
                add(line.strip())
    return rows


if __name__ == "__main__":
    rows = build()
    with open(HERE / "gazetteer.tsv", "w", encoding="utf-8", newline="") as handle:
        handle.write("# canonical\tlabel\tkind\taliases (|-separated). Generated by data/build_gazetteer.py\n")
        for row in rows:
            handle.write("\t".join(row) + "\n")
    print(f"wrote {len(rows)} entries")
