"""Where an item's title ends on its heading line and the minutes begin: association and
parish minutes write each item as one paragraph that opens with its title ("3. Formandens
beretning blev godkendt. …", "b) Nøgler: Venter til næste møde.")."""

from __future__ import annotations

import re

from referat.extract.decision_words import PROSE_DECISION
from referat.extract.title_words import CASE_TYPE_PREFIXES, MINUTES_AFTER_TITLE, SENTENCE_OPENERS, STANDING_ITEM_TITLES
from referat.extract.vocabulary import NAME_MAY_FOLLOW, TITLE_CONTINUES_AFTER


def minutes_after_title(title: str) -> tuple[str, str]:
    """The title, and the minutes printed after it on the heading line (association and
    parish minutes write each item as one paragraph that opens with its title).

    Four ways the title ends: a separator before words of minutes ("Valg af dirigent: Kim
    blev valgt"); a colon before a sentence ("Kontrakter: Venter til næste møde."); a full
    stop before sentences ("Valg i henhold til vedtægter. Kim er genvalgt. Begge for 2 år.");
    a standing title before prose ("Eventuelt Formanden fortalte om udflugten"). A council
    title keeps its parts ("Lokalplan 12 - Boliger ved Søvej. Endelig vedtagelse"): they
    are not sentences.

    Example:
        >>> minutes_after_title("Kontrakter: Venter til næste møde.")
        ('Kontrakter', 'Venter til næste møde.')
        >>> minutes_after_title("BESLUTNING: Valg af formand (5 min.)")
        ('BESLUTNING: Valg af formand (5 min.)', '')
        >>> minutes_after_title("Godkendelse af referat Godkendt med følgende rettelse: pkt. 3 udgår.")
        ('Godkendelse af referat', 'Godkendt med følgende rettelse: pkt. 3 udgår.')
        >>> minutes_after_title("Referat af mødet 3. maj 2008 Bestyrelsen underskrev referatet uden rettelser")
        ('Referat af mødet 3. maj 2008', 'Bestyrelsen underskrev referatet uden rettelser')
        >>> minutes_after_title("Lokalplan 12 for Søvej. Forslag til offentlig høring")
        ('Lokalplan 12 for Søvej. Forslag til offentlig høring', '')
        >>> minutes_after_title("Eventuelt Frede fortalte om årets udflugt.")
        ('Eventuelt', 'Frede fortalte om årets udflugt.')
        >>> minutes_after_title("Evt. Næste møde holdes i klubhuset.")
        ('Evt.', 'Næste møde holdes i klubhuset.')
        >>> minutes_after_title("Godkendelse af dagsordenen efter evt. tilføjelser. Godkendt.")
        ('Godkendelse af dagsordenen efter evt. tilføjelser', 'Godkendt.')
    """
    # (a dash left dangling after the minutes: "… i hele afdelingen. -", a web post's separator)
    title = re.sub(r"(?<=[.!?])\s+[-–]$", "", title)
    head, sentences = _first_sentence_and_the_rest(title)
    short_head, minutes = _title_before_minutes(head)
    if minutes:
        # ("… af møde Godkendt med følgende rettelser: Punkt 13 …": the minutes began before the colon)
        shorter, opening = _title_before_sentence(short_head)
        if opening and (_NAME_AND_PAST_VERB.match(opening) or _VERDICT_OPENING.match(opening)):
            short_head, minutes = shorter, f"{opening}: {minutes}"
        return short_head, f"{minutes} {sentences}".strip()
    short_head, minutes = _title_before_sentence(head)
    if minutes:
        return short_head, f"{minutes} {sentences}".strip()
    if sentences:
        # (an abbreviation keeps its stop: "Evt. Man overvejer …")
        abbreviated = re.fullmatch(r"[A-ZÆØÅ][a-zæøå]{1,3}\.", head)
        return head.rstrip(".").strip() if head.endswith(".") and not abbreviated else head, sentences
    return title, ""


def _title_before_minutes(title: str) -> tuple[str, str]:
    # ("BESLUTNING: Valg af formand (5 min.)": the case type before the title, no minutes)
    typed = title.partition(": ")[0].strip().casefold() in CASE_TYPE_PREFIXES
    for separator in (": ", " – ", " - "):  # "Valg af dirigent – Bent Skov blev valgt" too
        head, found, rest = title.partition(separator)
        # (after a dash, a longer phrase is the title's note: "Rammer for udvalgene – udsat fra
        # møde nr. 4"; minutes are a word or two ("– ingen", "– godkendt"), say "blev", or end
        # as a sentence)
        dash_note = (
            separator != ": "
            and len(rest.split()) >= 3
            and not (re.search(r"\bblev\b", rest) or rest.rstrip().endswith("."))
        )
        if (
            found
            and head
            and not (typed and separator == ": ")
            and MINUTES_AFTER_TITLE.search(rest)
            and not MINUTES_AFTER_TITLE.search(head)
            and not dash_note
            and not _CONTINUES_TITLE.match(rest)
        ):
            return head.strip(), rest.strip()
    # "Godkendelse af dagsordenen efter evt. tilføjelser. Godkendt.", and in a transcript that
    # lost the stop, "Referat fra mødet den 11. januar Godkendt." (the verdict capitalised)
    verdict = _VERDICT_AFTER_STOP.match(title) or _VERDICT_AFTER_TITLE.match(title)
    if verdict:
        return verdict.group("head"), verdict.group("verdict")
    standing = _standing_title(title)
    if standing:
        return standing
    head, found, rest = title.partition(": ")
    if found and not typed and 1 <= len(head.split()) <= 10 and reads_as_sentences(rest, fewest_words=2):
        return head.strip(), rest.strip()
    for separator in (" – ", " - "):
        # (a clause after the dash, not a title's second part: "Kontingent – bestyrelsen
        # foreslår, at …", but "Café X - ansøgning om ændrede vilkår for udeservering m.m.")
        head, found, rest = title.partition(separator)
        clause = _CLAUSE.search(rest) or _SENTENCE_STOP.search(rest)
        if found and 1 <= len(head.split()) <= 10 and clause and reads_as_sentences(rest, fewest_words=6):
            return head.strip(), rest.strip()
    return title, ""


# A sentence of minutes run onto the title without a stop between: an opener and a word in
# lower case ("Den udsendte protokol godkendes."), a word and a verdict ("Dagsorden
# godkendt."), or a name and a verb in the past ("Inge Frandsen indledte …").
_SENTENCE_START = re.compile(
    rf"(?:{'|'.join(SENTENCE_OPENERS)})\s+[a-zæøå\d]"
    r"|[A-ZÆØÅ][a-zæøå]+\s+(?:blev\s+)?(?:godkendt|vedtaget|taget\s+til\s+efterretning|udsat|drøftet)\b"
)
# (the strongest sign, so also where the sentence goes on past the line: a person's name
# and a verb in the past, "… (10 min.) Inge Frandsen indledte med at byde alle velkommen")
_NAME_AND_PAST_VERB = re.compile(
    r"[A-ZÆØÅ][a-zæøå]+(?:\s+[A-ZÆØÅ][a-zæøå]+){1,2}\s+(?:[a-zæøå]{3,}(?:ede|te)|bød|gav|sagde|foreslog|bad)\b"
    # or the meeting's own people in the definite form: "… 2008 Bestyrelsen underskrev referatet"
    r"|(?:Bestyrelsen|Formanden|Udvalget|Rådet|Forsamlingen|Direktøren|Direktionen|Sekretariatet|Medlemmerne)"
    r"\s+(?:[a-zæøå]{3,}(?:ede|te)|[a-zæøå]*(?:skrev|gav|tog|fik|bød|sagde|foreslog|bad|gik|holdt|lagde))\b"
)
# A clause opening the minutes: a subject and a finite verb ("Lyddørene udskiftes, mens …",
# "Bygningen er færdig", "Kassereren havde …"); the adjectives in -te that a title uses
# ("sidste", "næste") are no verbs.
_CLAUSE_OPENING = re.compile(
    # (the subject a noun in the definite form or a pronoun, not a surname: "Pia Staalager blev
    # valgt …" and "… Hansen blev …" are a title that is itself the minute)
    r"(?:[A-ZÆØÅ][\wæøå-]*(?:(?<!s)en|et|ne|erne)|Vi|Han|Hun|De|Der|Det|Man)(?:\s+[a-zæøå][\wæøå-]*)?\s+"
    r"(?!(?:sidste|første|næste|eneste|bedste|største|mindste|seneste|halvdelen|hele)\b)"
    r"(?:[a-zæøå]{3,}(?:es|ede|te)|er|var|blev|bliver|har|havde|kommer|kom|skal|skulle|vil|ville|kan|kunne)\b"
)
# The verdict opening the minutes: "… af møde Godkendt med følgende rettelser".
_VERDICT_OPENING = re.compile(
    r"(?:Godkendt|Vedtaget|Tiltrådt|Taget\s+til\s+efterretning)\s+(?:med|uden|af|idet|enstemmigt)\b"
)


# Who recommends, then the verb: "Direktionen indstiller", "Sundheds- og Kulturforvaltningen
# indstiller, at …", "Borgmesteren indstiller".
_RECOMMENDING = re.compile(r"[A-ZÆØÅ][\wæøå-]*(?:\s+og\s+[A-ZÆØÅ][\wæøå-]*)?\s+indstiller\b")


def _title_before_sentence(title: str) -> tuple[str, str]:
    """ "Spørgetid Ingen havde spørgsmål.", "Velkomst Anne Neergaard bød alle velkommen.":
    the title, then a sentence of minutes that starts at a capitalised word (the title's
    own words do not end after a preposition, an article or a conjunction), and ends as
    a sentence does.

    Example:
        >>> _title_before_sentence("Godkendelse af referat fra 3. maj 2013 Den udsendte protokol godkendes.")
        ('Godkendelse af referat fra 3. maj 2013', 'Den udsendte protokol godkendes.')
        >>> _title_before_sentence("Status på Den Blå Planet")
        ('Status på Den Blå Planet', '')
        >>> _title_before_sentence("Byggeri Lyddørene udskiftes i næste uge.")
        ('Byggeri', 'Lyddørene udskiftes i næste uge.')
        >>> _title_before_sentence("Underskrift af referat fra mødet den 4. marts Referatet var rundsendt før mødet.")
        ('Underskrift af referat fra mødet den 4. marts', 'Referatet var rundsendt før mødet.')
        >>> _title_before_sentence("Kontingent 2026 Kommer på næste gang")
        ('Kontingent 2026', 'Kommer på næste gang')
        >>> _title_before_sentence("Referat Referatet fra sidste møde godkendt")
        ('Referat', 'Referatet fra sidste møde godkendt')
        >>> _title_before_sentence("Lone Berg blev valgt til kasserer")
        ('Lone Berg blev valgt til kasserer', '')
        >>> _title_before_sentence("Pia Staalager blev valgt til dirigent.")
        ('Pia Staalager blev valgt til dirigent.', '')
        >>> _title_before_sentence("Salg af grund Direktionen indstiller, at grunden sælges.")
        ('Salg af grund', 'Direktionen indstiller, at grunden sælges.')
    """
    stop = title.rstrip().endswith((".", "!", "?"))
    words = title.split()
    for index in range(1, len(words) - 1):
        if not words[index][:1].isupper() or words[index - 1].lower() in TITLE_CONTINUES_AFTER:
            continue
        rest, length = " ".join(words[index:]), len(words) - index
        if (
            (
                stop
                and (_SENTENCE_START.match(rest) or _NAME_AND_PAST_VERB.match(rest))
                and (length >= 3 or MINUTES_AFTER_TITLE.search(rest))
            )
            or (_NAME_AND_PAST_VERB.match(rest) and length >= 5)
            or (_VERDICT_OPENING.match(rest) and length >= 3)
            # (the administration's recommendation run on after the title: "Budgetprocedure
            # Sundheds- og Kulturforvaltningen indstiller, at …")
            or (_RECOMMENDING.match(rest) and length >= 4)
            # (a title of up to ten words, then a clause that ends as a sentence: "Byggeri Lyddørene
            # udskiftes, …", "Underskrift af referat fra mødet den 4. marts Referatet var rundsendt.")
            or (index <= 10 and stop and length >= 3 and _CLAUSE_OPENING.match(rest))
            # (a decision told in brief after the title: "Referat Referat fra sidste møde
            # godkendt", "Skolepenge 20/21 Kommer på næste gang")
            or (
                2 <= length <= 8
                and PROSE_DECISION.match(rest)
                and not _SENTENCE_STOP.search(rest)
                # (not inside or before a name: "Lykke Eriksen blev valgt …", "v/Inge Frandsen
                # Dagsorden …", "v/ Inge Frandsen Dagsorden …")
                and not (re.search(r"[A-ZÆØÅ]", words[index - 1]) and _NAME_GOES_ON.match(rest))
                and not re.match(r"[A-ZÆØÅ][a-zæøå]+\s+[A-ZÆØÅ]", rest)
                # (a note of the title's: "… Udsat fra mødet den 4. maj")
                and not re.match(r"(?i:udsat|udskudt|genoptaget)\s+(?:fra|på)\b", rest)
            )
        ):
            return " ".join(words[:index]).rstrip(" ,:-–"), rest
    return title, ""


# A surname going on from the first name before it: "Eriksen blev …", "Frandsen Dagsorden …".
_NAME_GOES_ON = re.compile(r"[A-ZÆØÅ][a-zæøå]+\s+(?:[A-ZÆØÅ]|blev\b|er\b|og\b)")


# A verdict of a word or a few after the title's full stop: the minutes, told in brief.
_VERDICT_AFTER_STOP = re.compile(
    r"^(?P<head>.*[\wæøå)])\.\s+(?P<verdict>(?:[A-ZÆØÅ][a-zæøå]*\s+){0,2}?(?i:godkendt|vedtaget|tiltrådt|udsat"
    r"|taget\s+til\s+efterretning|ingen\s+bemærkninger)\.?)$"
)


_VERDICT_AFTER_TITLE = re.compile(
    r"^(?P<head>\S+(?:\s+\S+)+?[\wæøå)])\s+(?P<verdict>(?-i:Godkendt|Vedtaget|Tiltrådt|Udsat|Taget\s+til\s+efterretning)\.)$"
)


# Words that carry a title on after its separator: "Evt. – Herunder fastsættelse af næste møde".
_CONTINUES_TITLE = re.compile(r"(?:herunder|bl\.\s?a\.|inkl\.|jf\.|samt|vedr\.|v/)(?:\s|:|$)", re.I)


# A subordinate or coordinated clause: what a title does not have.
_CLAUSE = re.compile(r",\s+(?:at|som|der|hvor|men|så|fordi|da|hvis)\b")


def _first_sentence_and_the_rest(title: str) -> tuple[str, str]:
    """ "Klubhus – status. Kim har bestilt en dør. …": the first sentence (with its stop),
    and the sentences after it when they are prose; else the whole title and ""."""
    stop = _SENTENCE_STOP.search(title)
    if stop:
        head, rest = title[: stop.start() + 1].strip(), title[stop.end() :].strip()
        last_word = head.split()[-1]
        abbreviation = last_word[:-1].isdigit() or (last_word[0].islower() and len(last_word) <= 5)
        if not abbreviation and len(head.split()) <= 12 and reads_as_sentences(rest, fewest_words=4):
            return head, rest
    return title, ""


# A sentence ends and the next begins: ". K", "? I", "! D".
_SENTENCE_STOP = re.compile(r"[.?!]\s+(?=[A-ZÆØÅ])")


def reads_as_sentences(text: str, fewest_words: int) -> bool:
    """Prose, not the second part of a title: it ends as a sentence ends, with words
    enough, and does not open with a number ("2. behandling.")."""
    text = text.strip()
    words = text.split()
    # (a paragraph cut off by the page: sentences inside it say the same; "… for lovgrundlag
    # mv." ends on an abbreviation, as titles do)
    stop = text.endswith((".", "!", "?", ".)")) and not _ABBREVIATION_END.search(text)
    ends_as_sentence = stop or (len(words) >= 8 and _SENTENCE_STOP.search(text))
    return (
        len(words) >= fewest_words
        and bool(ends_as_sentence)
        and not words[0][0].isdigit()
        and any(word[0].islower() for word in words)
    )


_ABBREVIATION_END = re.compile(r"(?:\bmv|\bm\.v|\bm\.m|\bmm|\bbl\.a|\bosv|\bo\.l|\bpkt|\bnr|\bvedr|\bjf)\.$", re.I)
# A sentence's start in the minutes: a subject, then a verb in the past ("Formanden fremlagde
# …", "Kim orienterede …", "Bestyrelsen foreslog …"); a title's second word is not one.
_SUBJECT_AND_PAST_VERB = re.compile(
    r"[A-ZÆØÅ][\wæøå]*\s+(?:[a-zæøå]{2,}(?:ede|te|[^n\W]de)"
    r"|[a-zæøå]*(?:blev|var|gav|tog|fik|kom|sagde|foreslog|bad|gik|holdt|lagde))\b"
)
# (longest first: "godkendelse af referatet" before "godkendelse af referat")
_STANDING_LONGEST_FIRST = sorted(STANDING_ITEM_TITLES, key=len, reverse=True)


def _standing_title(title: str) -> tuple[str, str] | None:
    """ "Eventuelt Frede fortalte …", "Godkendelse af referat Referatet blev godkendt",
    "Formandens beretning blev godkendt.": a standing title, then the minutes."""
    folded = title.casefold()
    for standing in _STANDING_LONGEST_FIRST:
        if not folded.startswith(standing):
            continue
        rest = title[len(standing) :]
        after = re.match(r"\s*(?:[-–:,.]\s+|\s)(?P<rest>.*)$", rest)
        if not after or not after.group("rest"):
            return None
        rest = after.group("rest").strip()
        if _CONTINUES_TITLE.match(rest):
            return None
        words = rest.split()
        prose = rest[0].isupper() and (len(words) >= 3 or MINUTES_AFTER_TITLE.search(rest))
        separator = after.group(0)[: after.start("rest")]
        # (a dash after a reported item's title, not after "Valg af dirigent – Bent Skov")
        dashed = standing.startswith(("meddelelse", "orientering")) and re.search(r"\s[-–]", f" {separator}")
        if (standing in CASE_TYPE_PREFIXES and ":" in separator) or dashed:
            # "Orientering: Dialog med Movia om busdrift": a case type before the title's own
            # words (a publisher's prefix), "Meddelelser - Den Skandinaviske Arena": the
            # subject after a dash; minutes after either must read as minutes.
            prose = bool(MINUTES_AFTER_TITLE.search(rest) or _SUBJECT_AND_PAST_VERB.match(rest)) or reads_as_sentences(
                rest, fewest_words=2
            )
        if prose or words[0].lower() == "blev":
            return title[: len(standing)].strip(), rest
        return None
    return None


def title_before_description(cell: str) -> tuple[str, str]:
    """The title and the description after it in a table row's first cell, where a small
    body's Word table prints each point so: the description is a sentence of four words or
    more that ends the cell with its stop, opening with a capital after a small word or a
    number (a name after "og", "i", "for" … is the title's own).

    Example:
        >>> title_before_description("PUK - Budget 2025 Forslag til budget 2025 for provstiudvalgskassen.")
        ('PUK - Budget 2025', 'Forslag til budget 2025 for provstiudvalgskassen.')
        >>> title_before_description("Lunde og Ovtrup - Aftale om solceller Menighedsrådet beder om en godkendelse.")
        ('Lunde og Ovtrup - Aftale om solceller', 'Menighedsrådet beder om en godkendelse.')
        >>> title_before_description("Ansøgning om udtræden af skolebestyrelsen ved Ramsing Skole.")
        ('Ansøgning om udtræden af skolebestyrelsen ved Ramsing Skole.', '')
    """
    words = cell.split()
    if not cell.endswith((".", "!", "?")):
        return cell, ""
    for index in range(1, len(words) - 3):
        word, previous = words[index], words[index - 1]
        small_word = previous[:1].islower() and previous.lower() not in NAME_MAY_FOLLOW
        number = bool(re.fullmatch(r"\d[\d./-]*", previous))
        if word[:1].isupper() and word[:1].isalpha() and (small_word or number) and not previous.endswith((",", "-")):
            return " ".join(words[:index]), " ".join(words[index:])
    return cell, ""
