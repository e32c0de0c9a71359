"""The words of meeting places: rooms, buildings and the online tools that stand for a place
(structure/meeting_place.py, header_fields.py). Data the structure grammar reads, like
``vocabulary``."""

from __future__ import annotations

# Where a meeting is held, as its last word ends: rooms ("Mødelokale 2", "Byrådssalen",
# "Rådhuset") and buildings ("Kignæshallen", "Pedersholm Kro"); and the meeting tools that
# stand for a place. Matched as word endings: "byrådssalen" ends in "salen".
ROOM_WORDS = (
    "værelse", "værelset", "sal", "salen", "lokale", "lokalet", "lokaler", "lokalerne", "stue", "stuen",
    "rum", "rummet", "kontor", "kontoret", "rådhus", "rådhuset",
)  # fmt: skip
BUILDING_WORDS = (
    "hus", "huset", "gård", "gården", "center", "centret", "skole", "skolen", "hal", "hallen",
    "kirke", "kirken", "kro", "kroen", "hotel", "hotellet", "bibliotek", "biblioteket",
)  # fmt: skip
MEETING_TOOLS = ("teams", "skype", "zoom")
ONLINE_MEETING_WORDS = (*MEETING_TOOLS, "online", "virtuelt", "videomøde")


def word_ending(words: tuple[str, ...]) -> str:
    """A regular expression for a word that ends in one of ``words`` (longest first, so
    "salen" wins over "sal")."""
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")\b"
