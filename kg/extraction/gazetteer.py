"""The gazetteer: canonical actors with their aliases, demonyms, metonyms and common
descriptions, read from ``kg/data/actors.jsonl`` and optionally a user's own file.

One JSON object a line::

    {"name": "Russia", "type": "STATE", "aliases": ["Russian Federation"],
     "case_sensitive_aliases": ["RF"], "demonyms": ["Russian", "Russians"],
     "metonyms": ["Moscow", "the Kremlin"], "government": "Russian government",
     "government_aliases": ["Russian army"], "country": null}

Other fields: ``descriptions`` (common nouns a group goes by: "jihadists"), ``country``
(the state a group, person or place belongs to), and for people ``leads`` (what they
head when a title names no organisation), ``member_of`` and ``role``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..errors import ActorsFileError
from ..model import ACTOR_TYPES, fold

ENTRY_TYPES = frozenset(ACTOR_TYPES) - {"GOVERNMENT"}

# How a surface form names its entry, strongest first: when two entries claim one
# form, the stronger kind wins ("Damascus" the city's name beats "Damascus" the metonym).
KINDS = ("name", "alias", "government", "demonym", "metonym")


# British and American spellings of one name: "Defence"/"Defense", "Organisation"/"Organization"
_SPELLINGS = {"defence": "defense", "organisation": "organization", "centre": "center", "programme": "program",
              "labour": "labor"}
_SPELLING = re.compile(r"\b(" + "|".join(_SPELLINGS) + r")\b")
_OTHER_SPELLING = re.compile(r"\b(" + "|".join([*_SPELLINGS, *_SPELLINGS.values()]) + r")\b")
_SWAPPED = {**_SPELLINGS, **{v: k for k, v in _SPELLINGS.items()}}


def spelling_variant(text: str) -> str | None:
    """The same lower-case name in the other spelling, or ``None`` when it has no word to swap.

    Examples
    --------
    >>> spelling_variant("volunteers for the defense of the homeland")
    'volunteers for the defence of the homeland'
    """
    swapped = _OTHER_SPELLING.sub(lambda m: _SWAPPED[m.group(0)], text)
    return swapped if swapped != text else None


def normalize(text: str) -> str:
    """Return the lookup key of a surface form: ASCII, case-folded, no leading article,
    no possessive, hyphens and spaces folded.

    Examples
    --------
    >>> normalize("the Kremlin's")
    'kremlin'
    >>> normalize("Erdoğan")
    'erdogan'
    >>> normalize("Ministry of Defence")
    'ministry of defense'
    """
    s = fold(text).casefold()  # other scripts keep their letters: "Вагнер" has a key too
    s = s.replace("\u2019", "'")
    s = re.sub(r"'s?$", "", s.strip())
    s = re.sub(r"[-_.,()\"'\u2010-\u2015]", " ", s)
    s = re.sub(r"^(the|a|an)\s+", "", s.strip())
    s = _SPELLING.sub(lambda m: _SPELLINGS[m.group(0)], s)
    return re.sub(r"\s+", " ", s).strip()



@dataclass
class Entry:
    """One canonical actor of the gazetteer."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    case_sensitive_aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)
    government: str | None = None
    government_aliases: list[str] = field(default_factory=list)
    government_case_sensitive_aliases: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    country: str | None = None
    leads: str | None = None
    member_of: str | None = None
    also_led: list[str] = field(default_factory=list)
    role: str | None = None

    @classmethod
    def from_dict(cls, obj: dict[str, Any]) -> Entry:
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in obj.items() if k in known})


@dataclass(frozen=True)
class Hit:
    """What a surface form names: an entry, and how (one of :data:`KINDS`)."""

    entry: str
    kind: str


class Gazetteer:
    """Canonical actors and the index of every surface form that names them.

    Parameters
    ----------
    entries : list of Entry

    Examples
    --------
    >>> g = Gazetteer([Entry("Iran", "STATE", demonyms=["Iranian"], metonyms=["Tehran"])])
    >>> g.lookup("Iranian")
    Hit(entry='Iran', kind='demonym')
    >>> g.lookup("tehran").kind
    'metonym'
    """

    def __init__(self, entries: list[Entry]) -> None:
        self.entries: dict[str, Entry] = {}
        for e in entries:
            self.entries[e.name] = e
        self._index: dict[str, Hit] = {}
        self._exact: dict[str, Hit] = {}
        self.metonym_of: dict[str, str] = {}
        self.descriptions: dict[str, list[str]] = {}
        rank = {k: i for i, k in enumerate(KINDS)}
        for e in self.entries.values():
            # an all-caps name ("NATO", "M23") listed among its exact-case aliases is matched exactly only
            exact_name = e.name in e.case_sensitive_aliases
            forms: list[tuple[str, str]] = [] if exact_name else [(e.name, "name")]
            forms += [(a, "alias") for a in e.aliases]
            forms += [(a, "government") for a in e.government_aliases]
            if e.government:
                forms.append((e.government, "government"))
            forms += [(d, "demonym") for d in e.demonyms]
            forms += [(m, "metonym") for m in e.metonyms]
            for text, kind in forms:
                key = normalize(text)
                if not key:
                    continue
                old = self._index.get(key)
                # later entries (a user's file) win ties
                if old is None or rank[kind] <= rank[old.kind]:
                    self._index[key] = Hit(e.name, kind)
                if kind == "metonym":
                    self.metonym_of[key] = e.name
            for text in e.case_sensitive_aliases:
                self._exact[text] = Hit(e.name, "alias")
            for text in e.government_case_sensitive_aliases:
                self._exact[text] = Hit(e.name, "government")
            for d in e.descriptions:
                self.descriptions.setdefault(normalize(d), []).append(e.name)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, name: object) -> bool:
        return name in self.entries

    def __getitem__(self, name: str) -> Entry:
        return self.entries[name]

    def words_of(self, name: str) -> set[str]:
        """The normalised words of an entry's name, aliases and descriptions.

        Examples
        --------
        >>> gaz = Gazetteer([Entry("UN Security Council", "ORGANIZATION", aliases=("Security Council",),
        ...                        descriptions=("council",))])
        >>> sorted(gaz.words_of("UN Security Council"))
        ['council', 'security', 'un']
        """
        entry = self.entries[name]
        return {w for form in (entry.name, *entry.aliases, *entry.descriptions) for w in normalize(form).split()}

    def lookup(self, text: str) -> Hit | None:
        """Return what ``text`` names, or ``None``: exact-case acronyms first, then
        the normalised index."""
        return self._exact.get(text.strip()) or self._index.get(normalize(text))

    def ruler_patterns(self, nlp: Language) -> list[dict[str, Any]]:
        """Return entity-ruler patterns: phrase patterns (matched on lower case) for
        every indexed form, token patterns on exact text for case-sensitive acronyms.
        Each pattern's ``id`` is ``"ENTRY|KIND"`` and its label the entry type."""
        patterns: list[dict[str, Any]] = []
        seen: set[str] = set()
        for e in self.entries.values():
            forms = [] if e.name in e.case_sensitive_aliases else [e.name]
            forms += [*e.aliases, *e.government_aliases, *e.demonyms, *e.metonyms]
            if e.government:
                forms.append(e.government)
            for text in forms:
                lowered = text.lower().strip()
                if lowered.startswith("the "):
                    lowered = lowered[4:]
                if not lowered or lowered in seen:
                    continue
                hit = self._index[normalize(text)]
                label = self.entries[hit.entry].type
                for form in (lowered, spelling_variant(lowered)):
                    if form and form not in seen:
                        seen.add(form)
                        patterns.append({"label": label, "pattern": form, "id": f"{hit.entry}|{hit.kind}"})
            exact = [(t, "alias") for t in e.case_sensitive_aliases]
            exact += [(t, "government") for t in e.government_case_sensitive_aliases]
            for text, kind in exact:
                tokens = [t.text for t in nlp.make_doc(text)]
                patterns.append(
                    {"label": e.type, "pattern": [{"ORTH": t} for t in tokens], "id": f"{e.name}|{kind}"}
                )
        return patterns

    def state_of(self, name: str) -> str | None:
        """Return the state an entry is, or belongs to (``None`` when unknown)."""
        e = self.entries.get(name)
        if e is None:
            return None
        if e.type == "STATE":
            return e.name
        return e.country if e.country in self.entries else None


def _read_entries(path: Path | None, text: str, where: str) -> list[Entry]:
    entries = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise ActorsFileError(f"{where}:{n}: not JSON: {e.msg}") from e
        if not isinstance(obj, dict) or not isinstance(obj.get("name"), str) or not obj["name"].strip():
            raise ActorsFileError(f"{where}:{n}: each line needs a \"name\"")
        kind = obj.get("type", "ORGANIZATION")
        if kind not in ENTRY_TYPES:
            raise ActorsFileError(
                f"{where}:{n}: type {kind!r} is not one of {', '.join(sorted(ENTRY_TYPES))}"
            )
        for key in ("aliases", "case_sensitive_aliases", "demonyms", "metonyms", "government_aliases",
                    "government_case_sensitive_aliases", "descriptions"):
            value = obj.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ActorsFileError(f"{where}:{n}: {key!r} must be a list of strings")
        entries.append(Entry.from_dict({**obj, "type": kind}))
    return entries


def load_gazetteer(user_file: Path | None = None) -> Gazetteer:
    """Return the built-in gazetteer, extended (and overridden by name) by a user file.

    Parameters
    ----------
    user_file : Path, optional
        A JSONL file of extra actors in the same format.

    Returns
    -------
    Gazetteer

    Raises
    ------
    ActorsFileError
        When the user file is missing or malformed (the message names file and line).

    Examples
    --------
    >>> load_gazetteer().lookup("Kremlin").entry
    'Russia'
    """
    builtin = resources.files("kg").joinpath("data/actors.jsonl").read_text(encoding="utf-8")
    entries = _read_entries(None, builtin, "kg/data/actors.jsonl")
    if user_file is not None:
        try:
            text = user_file.read_text(encoding="utf-8")
        except FileNotFoundError as e:
            raise ActorsFileError(f"{user_file}: no such actors file") from e
        except (OSError, UnicodeDecodeError) as e:
            raise ActorsFileError(f"{user_file}: cannot read: {e}") from e
        entries += _read_entries(user_file, text, str(user_file))
    return Gazetteer(entries)
