"""Wire-copy furniture around the story: bylines, photo captions and credits, datelines,
all-caps subheads and a standfirst repeated as the lead.

None of it states a fact: "By AFP", "PHOTO | REUTERS", "Smoke rises over Tehran. (AP
Photo/Jane Roe)" and "GOMA, Congo, Jan 27 (Reuters) -" name no actor and no relation, and a
standfirst that the lead repeats is one fact, not two.  :func:`furniture_spans` says what
to blank (as ``(start, end, why)``, offsets of the article); :func:`recase_subheads` gives
an all-caps subhead ("KINSHASA CUTS TIES") the case of a headline so it parses as one.
Both keep every character where it is, as :mod:`kg.extraction.text` requires.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

_AGENCY = r"(?:Reuters|REUTERS|AFP|AP|Associated Press|Agence France-Presse|Anadolu|dpa|Xinhua)"
# "By AFP", "By Jane Roe and John Doe": a short line of capitalised words after "By"
_BYLINE = re.compile(r"^By\s+(?:[A-Z][\w.'\u2019-]*)(?:\s+(?:and|[A-Z][\w.'\u2019-]*|of|in))*\s*$")
# "PHOTO | REUTERS", "Photo: AFP", "Video | AP"
_CREDIT = re.compile(r"^(?:photo|picture|image|video|file photo)s?\s*[|:]\s*[\w .,/'\u2019-]{2,60}$", re.IGNORECASE)
# a caption ends with its credit: "... PHOTO | AFP", "(AP Photo/Jane Roe)", "REUTERS/File Photo"
_CAPTION_END = re.compile(
    r"(?:\bPHOTO\s*\|\s*[A-Z][\w ./-]{1,40}|\((?:AP|AFP|Reuters|REUTERS)\s+(?:Photo|PHOTO|Video)[^)]{0,60}\)"
    rf"|\b{_AGENCY}/[\w .'\u2019-]{{2,60}}|\bvia Getty Images)\s*$"
)
# "GOMA, Congo, Jan 27 (Reuters) - ", "ISLAMABAD (AP) \u2014 ", "BEIRUT, Nov 23, 2025 (AFP) - "
_DATELINE = re.compile(
    rf"^[A-Z][A-Z.'\u2019/ -]{{1,40}}(?:,[^()\n]{{1,40}})?\s*\({_AGENCY}\)\s*[-\u2013\u2014]+\s*"
)
# a subhead: a short line of capital letters ("ALLIES CONDEMN ATTACKS")
_SUBHEAD = re.compile(r"^[A-Z0-9][A-Z0-9 ,.'\u2019:;&-]{3,60}$")
_STANDFIRST_MIN = 40  # a shorter line repeated later is no standfirst
_HEADLINE_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
_BODY_WORD = re.compile(r"\b[a-z][a-z'\u2019-]*\b")
# a capital inside a sentence, not after a full stop, quote or line start: a name's word
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[\w,;)] )([A-Z][A-Za-z'\u2019-]*)")


def _lines(text: str) -> list[tuple[int, str]]:
    out = []
    offset = 0
    for line in text.splitlines(keepends=True):
        out.append((offset, line))
        offset += len(line)
    return out


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def furniture_spans(text: str) -> list[tuple[int, int, str]]:
    """Where the furniture of a wire story is: ``(start, end, why)`` in ``text``.

    Examples
    --------
    >>> text = "Rebels take Goma\\n\\nBy AFP\\nPHOTO | REUTERS\\nA road near Goma. REUTERS/File Photo\\n" \\
    ...        "GOMA, Jan 27 (Reuters) - M23 rebels took Goma."
    >>> [(text[s:e].strip(), why) for s, e, why in furniture_spans(text)]
    [('By AFP', 'byline'), ('PHOTO | REUTERS', 'photo credit'), ('A road near Goma. REUTERS/File Photo', \
'photo caption'), ('GOMA, Jan 27 (Reuters) -', 'dateline')]
    """
    spans: list[tuple[int, int, str]] = []
    lines = _lines(text)
    bodies: list[tuple[int, str]] = []  # (start, text) of the lines that stay, without their dateline
    for start, line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        lead = start + len(line) - len(line.lstrip())
        end = lead + len(stripped)
        if _BYLINE.match(stripped) and len(stripped) <= 60:
            spans.append((lead, end, "byline"))
        elif _CREDIT.match(stripped):
            spans.append((lead, end, "photo credit"))
        elif _CAPTION_END.search(stripped) and len(stripped) <= 300:
            spans.append((lead, end, "photo caption"))
        else:
            m = _DATELINE.match(stripped)
            if m:
                spans.append((lead, lead + len(m.group().rstrip()), "dateline"))
                bodies.append((lead + m.end(), stripped[m.end():]))
            else:
                bodies.append((lead, stripped))
    spans += _repeated_standfirst(bodies)
    return sorted(spans)


def _repeated_standfirst(bodies: list[tuple[int, str]]) -> list[tuple[int, int, str]]:
    """A line the next body line repeats word for word at its start: one fact, said once."""
    out = []
    for (start, line), (_, following) in zip(bodies, bodies[1:], strict=False):
        key = _norm(line)
        if len(key) >= _STANDFIRST_MIN and _norm(following).startswith(key) and len(following) > len(line):
            out.append((start, start + len(line), "standfirst repeated as the lead"))
    return out


def _stems(word: str) -> tuple[str, ...]:
    """A headline word and the plain forms it may inflect ("kills" -> "kill", "shelled" -> "shell")."""
    if len(word) < 4:
        return (word,)
    # "strikes" -> "strike", "clashes" -> "clash", "militias" -> "militia", "shelled" -> "shell", "seized" -> "seize"
    return (word, re.sub(r"ies$", "y", word), re.sub(r"s$", "", word), re.sub(r"es$", "", word),
            re.sub(r"ed$", "", word), re.sub(r"d$", "", word))


def recase_title_headline(text: str, common: frozenset[str]) -> str:
    """``text`` with a Title Case headline (its first line) in sentence case (same length).

    Many outlets capitalise every word of a headline ("Turkish Drone Strike Kills Several
    Kurdish Fighters"); the parser then reads "Several Kurdish Fighters" as a name.  A
    capitalised word after the first is lowered when it is a common word: a function word, a
    word of ``common`` (the lexicon's words), or a word the body writes in lower case; never
    when the body capitalises it inside a sentence (a name: "Forces" of "Syrian Democratic
    Forces") or it is an acronym ("SDF").

    Examples
    --------
    >>> text = "Rebels Seize Two Towns From Army In Kivu\\nM23 rebels seized two towns in Kivu from the army."
    >>> recase_title_headline(text, frozenset({"seize"})).splitlines()[0]
    'Rebels seize two towns from army in Kivu'
    >>> recase_title_headline("Rebels seize two towns\\nBody.", frozenset({"seize"})).splitlines()[0]
    'Rebels seize two towns'
    """
    lines = _lines(text)
    first = next((k for k, (_, line) in enumerate(lines) if line.strip()), None)
    if first is None or len(lines) < first + 2:
        return text
    start, headline = lines[first]
    words = list(_HEADLINE_WORD.finditer(headline))
    content = [m.group() for m in words if m.group().lower() not in STOP_WORDS]
    if len(words) < 4 or len(content) < 3 or not all(w[0].isupper() or not w[0].isalpha() for w in content) \
            or headline.strip().isupper():
        return text
    body = text[start + len(headline):]
    lowered = set(_BODY_WORD.findall(body))
    named = {m.group(1) for m in _MID_SENTENCE_CAPITAL.finditer(body)}
    out = list(headline)
    for m in words[1:]:
        word = m.group()
        if not word[0].isupper() or not word[1:].replace("-", "").islower() or word in named:
            continue
        low = word.lower()
        if low in STOP_WORDS or low in lowered or any(s in common for s in _stems(low)):
            out[m.start()] = low[0]
    return text[:start] + "".join(out) + text[start + len(headline):]


def recase_subheads(text: str) -> str:
    """``text`` with each all-caps subhead line in sentence case (same length).

    The first line (the headline) is left alone.

    Examples
    --------
    >>> recase_subheads("Headline\\n\\nALLIES CONDEMN ATTACKS\\nBody text.")
    'Headline\\n\\nAllies condemn attacks\\nBody text.'
    """
    out = []
    for k, (_, line) in enumerate(_lines(text)):
        stripped = line.strip()
        if k > 0 and _SUBHEAD.match(stripped) and any(c.isalpha() for c in stripped) and len(stripped.split()) <= 8:
            lead = len(line) - len(line.lstrip())
            line = line[:lead] + stripped[0] + stripped[1:].lower() + line[lead + len(stripped):]
        out.append(line)
    return "".join(out)
