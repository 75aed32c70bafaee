"""Typography that should not change a parse: curly quotes and apostrophes, citation markers.

The small English parser reads "Assad’s" differently from "Assad's" (a modifier, not a
possessor) and takes "Assad.[12] Iran" for one sentence.  :func:`straighten` gives the text to
parse with straight quotes and citation markers blanked, character for character, so every
offset found in it is an offset in the article.
"""

from __future__ import annotations

import re

# curly and other typographic quotes -> straight ones (one character each)
_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
})
# "[12]", "[a]", "[citation needed]", "[note 3]" after a word or punctuation
_CITATION = re.compile(r"\[(?:\d{1,3}|[a-z]|note \d{1,3}|citation needed|clarification needed)\]")


def straighten(text: str) -> str:
    """Return ``text`` with straight quotes and citation markers blanked; same length.

    Parameters
    ----------
    text : str
        The article (or the text prepared for parsing).

    Returns
    -------
    str

    Examples
    --------
    >>> straighten("Russia backed Bashar al-Assad\u2019s regime.[12] \u201cWe stand by him\u201d")
    'Russia backed Bashar al-Assad\\'s regime.     "We stand by him"'
    >>> len(straighten("a[1][2]")) == len("a[1][2]")
    True
    """
    text = text.translate(_QUOTES)
    return _CITATION.sub(lambda m: " " * len(m.group()), text)
