"""Who publishes a web page: the site's name, as its header prints it.

A council's, a parish's or an association's site prints its own name in the page header,
as the logo's text or its image's alternative text ("Hedensted Kommune", "FK Munkholm",
"Grundejerforeningen Bærmosehøjen"), and often again in the page title after a separator
("Referat af møde … - Sengeløse Kirke"). That name is the minutes' letterhead: the
organisation behind the meeting. The header itself is site furniture and never reaches
the text, so the reader hands the name on beside the furniture.
"""

from __future__ import annotations

import re

# Where sites put their name: the logo, the brand, the site title ("site-title", "sitename",
# "header__logo-text", "topbar__brand").
_NAME_CLASS = re.compile(r"logo|brand|site-?(?:title|name)|sitename", re.I)
# What such an element may say that is no name: a link home, a menu's word, the word "logo".
_NOT_A_NAME = re.compile(
    r"^(?:forside|hjem|home|logo|menu|til\s+forsiden|gå\s+til\s+forsiden|skip.*|spring.*)$|\.(?:dk|com|org|net|nu)\b",
    re.I,
)
# A link home run onto the name ("Region SyddanmarkTil forsiden", "Kolding Kommune - forside").
_HOME_LINK = re.compile(r"\s*(?:[-–|]\s*)?(?:til\s+)?forsiden?$", re.I)
# The word "logo" an image's text says around the name ("Logo Toftlund Distriktsskole",
# "Fjordglimt logo", "Logo for Hadsten Skole", "Ishøj Kommune - logo").
_LOGO_WORD = re.compile(r"^(?:logo|logoet)(?:\s+(?:for|til))?\s+|\s*[-–|]?\s*\blogo$", re.I)
_LONGEST = 60


def site_name(document, title: str = "") -> str | None:
    """The name the page's header prints for the site, or None. Where the header holds
    several (a logo's name and a slogan beside it), the one the page ``title`` repeats.

    Example:
        >>> import lxml.html
        >>> page = lxml.html.document_fromstring(
        ...     '<html><body><header><a class="logo" href="/"><img alt="Logo"><span>Ishøj Kommune</span>'
        ...     '</a></header><main><h1>Referat</h1></main></body></html>')
        >>> site_name(page)
        'Ishøj Kommune'
        >>> site_name(lxml.html.document_fromstring('<html><body><div id="logo"><img alt="SAB"></div></body></html>'))
        'SAB'
        >>> logo = '<a class="logo"><img alt="Logo Toftlund Skole"></a>'
        >>> site_name(lxml.html.document_fromstring(f"<html><body>{logo}</body></html>"))
        'Toftlund Skole'
    """
    names = []
    for element in document.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "body", "head", "main", "article"):
            continue
        if _NAME_CLASS.search(f"{element.get('id') or ''} {element.get('class') or ''}"):
            names += [name for name in _names_in(element) if name not in names]
    return next((name for name in names if name in title), names[0] if names else None)


def _names_in(element) -> list[str]:
    texts = [" ".join(element.text_content().split())]
    texts += [" ".join((image.get("alt") or "").split()) for image in element.iter("img")]
    names = []
    for text in texts:
        text = _LOGO_WORD.sub("", _HOME_LINK.sub("", text)).strip(" -–|")
        words = text.split()
        if not text or len(text) > _LONGEST or len(words) > 6 or _NOT_A_NAME.search(text):
            continue
        if words[0][:1].isupper():  # (not a slogan or a sentence)
            names.append(text)
    return names
