"""Prepare an article's text for parsing without moving a character.

The text to parse has the same length as the article, character for character, so every
offset found in it is an offset in the article and evidence quotes the article as written:

- **page furniture** is blanked with spaces: from an attribution or copyright line
  ("Source: x.gr", "Copyright 2024.", "(c) 2024 ...") to the end, and link and sharing lines
  ("Read more: ...", "Related: ...", "Share this story", "Advertisement") with the short
  lines that follow them, and truncated teasers ending in an ellipsis.  A line that merely
  starts with such a word ("Sources said ...", "Related talks ...") is body text and stays;
- **control characters** (ANSI escape sequences, NUL, form feeds) become spaces, line
  separators become line breaks;
- **confusable letters** inside a Latin word ("R\u057dssia" with an Armenian letter) are read as
  the Latin letters they imitate, so the word matches; words wholly in another script
  ("\u0412\u0430\u0433\u043d\u0435\u0440") stay as they are;
- **asides between paired dashes** are lifted out to be parsed on their own: the small
  English parser attaches the rest of the sentence to the wrong words around them.

What was blanked is listed in :attr:`PreparedText.blanked` (the CLI shows it with ``-v``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .furniture import furniture_spans, recase_subheads, recase_title_headline
from .lexicon import load_lexicon
from .typography import straighten

# Attribution and copyright: the article is over; teasers and links follow.
_END_LINE = re.compile(
    r"^sources?\s*:\s*(?:\S+\s*){1,6}$"                     # "Source: iefimerida.gr", "Sources: Reuters, AP"
    r"|^(?:copyright|\u00a9|\(c\))\s*(?:\u00a9|\(c\)|\d{4})"  # "Copyright 2024.", "(c) 2024", "© 2024 News Desk"
    r"|^all rights reserved\.?$",
    re.IGNORECASE,
)
# Links, sharing and ads: the line itself, as a label ("Read more: ...") or alone ("Advertisement").
_LINK_LABEL = re.compile(
    r"^(?:read (?:also|more|next)|related(?: articles| stories| topics| coverage| content)?|see also|"
    r"more on this story|advertisement)\s*(?:[:|\u00bb\u203a\u2013\u2014-].*)?$",
    re.IGNORECASE,
)
# Calls to follow, share or subscribe: short lines only ("Subscribe for unlimited access").
_CALL = re.compile(r"^(?:follow us|share this|subscribe)\b", re.IGNORECASE)
_SHORT = 80  # a furniture line is no longer than this
_TEASER = re.compile(r"(\u2026|\.\.\.)\s*$")
_DASHES = "\u2014\u2013"
# " — his country is a key backer — " : the inner text of a paired-dash aside.
_ASIDE = re.compile(rf"\s[{_DASHES}]\s?([^{_DASHES}\n]{{3,160}}?)\s?[{_DASHES}]\s")
# ANSI escape sequences (CSI "ESC [ ... m", OSC "ESC ] ... BEL"), then any other control character.
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"\r(?!\n)|[\u2028\u2029\x85]")

# Letters of other scripts that look like Latin ones (our own short list: Cyrillic, Greek and
# Armenian), each mapped to the one Latin letter it imitates.
_CONFUSABLES = str.maketrans(
    # Cyrillic а е о р с у х і ј ѕ ԁ ԛ ԝ ӏ һ, then А В Е К М Н О Р С Т Х І Ј Ѕ
    "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0501\u051b\u051d\u04cf\u04bb"
    "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0406\u0408\u0405"
    "\u03bf\u03b1\u03bd\u03b9\u03ba\u03c1\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1"
    "\u03a4\u03a5\u03a7"                                                                          # Greek
    "\u057d\u0585\u0570\u0578\u0581\u0566\u0561\u0575\u0563",                                     # Armenian
    "aeopcyxijsdqwlh"
    "ABEKMHOPCTXIJS"
    "oavikpABEZHIKMNOP"
    "TYX"
    "uohngqwjq",
)
_WORD = re.compile(r"\w+")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass
class PreparedText:
    """The text to parse (same length as the original) and the asides to parse apart.

    ``blanked`` lists what was blanked as ``(start, end, why)``; ``boilerplate_from`` is where
    the page furniture at the end of the article starts (``None`` when there is none).
    """

    parse_text: str
    asides: list[tuple[int, str]] = field(default_factory=list)
    boilerplate_from: int | None = None
    blanked: list[tuple[int, int, str]] = field(default_factory=list)


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """The lexicon's words: a Title Case headline writes them capitalised, yet they name nothing."""
    lex = load_lexicon()
    # peoples ("Druze", "Fulani") are capitalised everywhere, and their tag finds the groups named after them
    common = (words for name, words in lex.words.items() if name not in ("peoples", "rank_abbreviations"))
    return frozenset(set(lex.verbs) | set(lex.nouns) | lex.force_nouns | set().union(*common))


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def _spaces(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _fold_confusables(match: re.Match[str]) -> str:
    word = match.group()
    if word.isascii() or not _LATIN.search(word):
        return word
    return word.translate(_CONFUSABLES)


def clean(text: str) -> str:
    """Return ``text`` with control characters blanked, confusable letters folded, quotes straightened
    and citation markers blanked; same length.

    Examples
    --------
    >>> clean("\\x1b[31mR\\u057dssia\\x1b[0m backs Assad")
    '     Russia     backs Assad'
    >>> wagner = "\\u0412\\u0430\\u0433\\u043d\\u0435\\u0440"
    >>> clean(wagner + " fighters") == wagner + " fighters"
    True
    """
    text = _ANSI.sub(_spaces, text)
    text = _LINE_BREAKS.sub("\n", text)
    text = _CONTROL.sub(" ", text)
    # curly quotes parse like straight ones; citation markers ("[12]") don't join sentences
    return straighten(_WORD.sub(_fold_confusables, text))


def _is_furniture(line: str) -> str | None:
    """Why ``line`` (stripped) is page furniture: ``"end"``, ``"link"`` or ``None`` for body text."""
    if _END_LINE.match(line):
        return "end"
    if len(line) <= _SHORT and (_LINK_LABEL.match(line) or _CALL.match(line)):
        return "link"
    return None


def prepare(text: str) -> PreparedText:
    """Blank page furniture and control characters, fold confusables, lift out dash asides.

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
    >>> [why for _, _, why in p.blanked]
    ['page furniture to the end']
    >>> prepare("Sources said Iran backs Hezbollah.\\nRelated talks went on.").blanked
    []
    """
    parse_text = clean(text)
    boilerplate_from = None
    blanked: list[tuple[int, int, str]] = []
    offset = 0
    after_link = False
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        start, end = offset, offset + len(line)
        offset = end
        if not stripped:
            continue
        kind = _is_furniture(stripped)
        if kind == "end":
            boilerplate_from = start
            break
        if kind == "link" or (after_link and len(stripped) <= _SHORT):
            after_link = True
            blanked.append((start, end, "link or sharing line"))
            continue
        after_link = False
        if _TEASER.search(stripped):
            blanked.append((start, end, "truncated teaser"))
    # wire furniture: bylines, photo captions and credits, datelines, a repeated standfirst
    blanked += [s for s in furniture_spans(text) if boilerplate_from is None or s[0] < boilerplate_from]
    if boilerplate_from is not None:
        blanked.append((boilerplate_from, len(text), "page furniture to the end"))
    for start, end, _ in blanked:
        parse_text = _blank(parse_text, start, end)
    parse_text = recase_title_headline(recase_subheads(parse_text), _common_words())
    asides = []
    for m in _ASIDE.finditer(parse_text):
        asides.append((m.start(1), m.group(1)))
        parse_text = _blank(parse_text, m.start(), m.end() - 1)
    return PreparedText(parse_text, asides, boilerplate_from, blanked)
