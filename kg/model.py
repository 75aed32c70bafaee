"""Plain typed records that flow through the pipeline, and the relation ontology.

The data flows one way: :class:`Document` -> actor mentions -> :class:`Actor` ->
:class:`Relation` (each with its :class:`Evidence`) -> graph.  Every other module
speaks in these records; none of them knows about spaCy, networkx or Neo4j.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

ACTOR_TYPES: tuple[str, ...] = (
    "STATE",
    "GOVERNMENT",
    "ARMED_GROUP",
    "ORGANIZATION",
    "PERSON",
    "LOCATION",
)


@dataclass(frozen=True)
class RelationType:
    """One row of the relation ontology.

    ``polarity`` is +1 for cooperation, -1 for conflict and 0 for neutral or
    structural ties; ``cameo`` and ``plover`` name the event family in those coding
    schemes; ``symmetric`` relations read the same in both directions.
    """

    name: str
    polarity: int
    symmetric: bool
    cameo: str
    plover: str
    meaning: str


# The single place where relation types are defined.  Everything else (the
# extractor's lexicon, the Neo4j whitelist, the view colours, the analytics signs)
# reads this table.
ONTOLOGY: dict[str, RelationType] = {
    r.name: r
    for r in (
        RelationType("BACKS", +1, False, "05-07", "SUPPORT, AID", "supports, arms, funds, defends, stands by"),
        RelationType("ALLIED_WITH", +1, True, "05", "AGREE, COOPERATE", "alliance or joint action"),
        RelationType("NEGOTIATES_WITH", +1, True, "03-04", "CONSULT, AGREE", "talks, ceasefire, agreement"),
        RelationType("CALLS_ON", 0, False, "10, 13", "DEMAND, THREATEN", "urges, demands, warns, orders"),
        RelationType("CRITICIZES", -1, False, "11-12", "ACCUSE, REJECT", "condemns, accuses, denounces"),
        RelationType("OPPOSES", -1, True, "16-17", "REJECT, COERCE", "stance against, war between"),
        RelationType("ATTACKS", -1, False, "18-20", "ASSAULT, FIGHT", "strikes, bombs, shells, fights, kills"),
        RelationType("CAPTURED", -1, False, "19", "FIGHT", "takes, seizes, occupies, enters a place"),
        RelationType("CONTROLS", 0, False, "-", "-", "holds a place; rules"),
        RelationType("LEADS", 0, False, "-", "-", "heads, commands, presides"),
        RelationType("MEMBER_OF", 0, False, "-", "-", "belongs to, minister of, faction of"),
    )
}

RELATION_TYPES: tuple[str, ...] = tuple(ONTOLOGY)

# Relations whose target may be a place (LOCATION actor); all others join actors.
PLACE_RELATIONS: frozenset[str] = frozenset({"ATTACKS", "CAPTURED", "CONTROLS"})


def polarity(relation: str) -> int:
    """Return the polarity (+1, 0, -1) of an ontology relation type.

    Parameters
    ----------
    relation : str
        A relation type such as ``"BACKS"`` (case-insensitive).

    Returns
    -------
    int

    Examples
    --------
    >>> polarity("attacks")
    -1
    """
    return ONTOLOGY[relation.upper()].polarity


def fold(text: str) -> str:
    """Return ``text`` with Latin letters stripped to ASCII and letters of other scripts kept.

    Accents go ("Erdoğan" -> "Erdogan"), Latin letters without an ASCII base and symbols are
    dropped, and Cyrillic, Arabic or other letters stay, so names in any script keep a key.

    Examples
    --------
    >>> fold("Recep Tayyip Erdoğan"), fold("Вагнер Group")
    ('Recep Tayyip Erdogan', 'Вагнер Group')
    """
    if text.isascii():
        return text
    kept = []
    for ch in unicodedata.normalize("NFKD", text):
        if ch.isascii() or (ch.isalpha() and not unicodedata.name(ch, "LATIN").startswith("LATIN")):
            kept.append(ch)
    return "".join(kept)


def slugify(name: str) -> str:
    """Return the stable id of a canonical name: lower case, hyphens, Latin letters in ASCII.

    The same text always gives the same id, so ids survive re-runs and re-loads.

    Parameters
    ----------
    name : str
        A canonical actor name.

    Returns
    -------
    str

    Examples
    --------
    >>> slugify("Hayat Tahrir al-Sham")
    'hayat-tahrir-al-sham'
    >>> slugify("Recep Tayyip Erdoğan")
    'recep-tayyip-erdogan'
    >>> slugify("Вагнер")
    'вагнер'
    """
    slug = re.sub(r"[\W_]+", "-", fold(name).casefold()).strip("-")
    return slug or "actor"


@dataclass
class Document:
    """An article: its text and the metadata it came with."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    # the id of the first document of the same story when this one is a reprint (kg.dedup)
    duplicate_of: str | None = None

    def meta(self) -> dict[str, Any]:
        """Return the metadata (everything but the text); ``duplicate_of`` only for a reprint."""
        meta = {"id": self.id, "title": self.title, "date": self.date, "url": self.url, "source": self.source}
        if self.duplicate_of is not None:
            meta["duplicate_of"] = self.duplicate_of
        return meta


@dataclass
class Actor:
    """A resolved actor: one real-world entity under its canonical name."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Evidence:
    """Where a relation is said: the sentence, its offsets in the document, the rule."""

    doc: str
    sentence: str
    start: int
    end: int
    rule: str
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Relation:
    """A typed, directed relation between two actors (by id) with its evidence."""

    source: str
    type: str
    target: str
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def polarity(self) -> int:
        return ONTOLOGY[self.type].polarity

    @property
    def confidence(self) -> float:
        return max((e.confidence for e in self.evidence), default=0.0)


@dataclass
class Extraction:
    """What the pipeline found in one document."""

    document: Document
    actors: list[Actor]
    relations: list[Relation]
