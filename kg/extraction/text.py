"""Prepare an article's text for parsing without moving a character.

Page boilerplate (everything after a "Source:" line, truncated teasers ending in an
ellipsis, share/follow/copyright lines) is blanked with spaces, and parentheticals
between paired dashes are lifted out to be parsed on their own: the small English
parser attaches the rest of the sentence to the wrong words around them.  Blanking
keeps every offset equal to the original text's, so evidence offsets stay exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_END_MARKERS = re.compile(
    r"^\s*(source|sources|read (also|more)|related( articles| stories)?|see also|follow us|share this|"
    r"copyright|all rights reserved|\u00a9|advertisement|subscribe)\b",
    re.IGNORECASE,
)
_TEASER = re.compile(r"(\u2026|\.\.\.)\s*$")
_DASHES = "\u2014\u2013"
# " — his country is a key backer — " : the inner text of a paired-dash aside.
_ASIDE = re.compile(rf"\s[{_DASHES}]\s?([^{_DASHES}\n]{{3,160}}?)\s?[{_DASHES}]\s")


@dataclass
class PreparedText:
    """The text to parse (same length as the original) and the asides to parse apart."""

    parse_text: str
    asides: list[tuple[int, str]] = field(default_factory=list)
    boilerplate_from: int | None = None


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def prepare(text: str) -> PreparedText:
    """Blank boilerplate and lift out dash asides.

    Parameters
    ----------
    text : str
        The article as given.

    Returns
    -------
    PreparedText

    Examples
    --------
    >>> p = prepare("Erdogan \u2014 his country backs them \u2014 called on Assad.\\nSource: x.gr\\nTeaser\u2026")
    >>> p.parse_text.split()
    ['Erdogan', 'called', 'on', 'Assad.']
    >>> p.asides
    [(10, 'his country backs them')]
    """
    parse_text = text
    boilerplate_from = None
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if boilerplate_from is None and stripped and _END_MARKERS.match(stripped):
            boilerplate_from = offset
        if boilerplate_from is None and stripped and _TEASER.search(stripped):
            parse_text = _blank(parse_text, offset, offset + len(line))
        offset += len(line)
    if boilerplate_from is not None:
        parse_text = _blank(parse_text, boilerplate_from, len(text))
    asides = []
    for m in _ASIDE.finditer(parse_text):
        asides.append((m.start(1), m.group(1)))
        parse_text = _blank(parse_text, m.start(), m.end() - 1)
    return PreparedText(parse_text, asides, boilerplate_from)
