"""The spaCy pipeline kg builds (kg/nlp.py): what it changes for speed must not change a parse."""

from __future__ import annotations

from pathlib import Path

import pytest

import kg.nlp
from kg.extraction.gazetteer import load_gazetteer

ROOT = Path(__file__).resolve().parents[1]
# Every kind of attribute-ruler pattern: two-token ones ("gon na", "let 's"), a regular expression
# ("nothin'"), dependencies ("it" as a subject and as an object), white space and contractions.
ODD_ENGLISH = (
    "Y'all ain't gonna say nothin' 'bout it, c'm on, let's go.  I told it to you and it got you.\n\n"
    "There is a war; there were two.  He'd had enough of 'em, he wo n't and she ca n't.\t Doin' fine."
)


def _token_attributes(nlp, texts: list[str]) -> list[list[tuple]]:  # type: ignore[no-untyped-def]
    return [[(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_)
             for t in doc] for doc in nlp.pipe(texts)]


def test_indexed_attribute_ruler_and_remembered_lemmas_give_spacys_own_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))] + [ODD_ENGLISH] * 2
    gazetteer = load_gazetteer(None)
    faster = kg.nlp.build_nlp(gazetteer)
    assert "match" in vars(faster.get_pipe("attribute_ruler"))  # the lookup is in use
    assert "pipe" in vars(faster.get_pipe("lemmatizer"))
    monkeypatch.setattr(kg.nlp, "_index_attribute_ruler", lambda ruler: None)
    monkeypatch.setattr(kg.nlp, "_remember_lemmas", lambda lemmatizer: None)
    spacys = kg.nlp.build_nlp(gazetteer)
    assert "match" not in vars(spacys.get_pipe("attribute_ruler"))

    assert _token_attributes(faster, texts) == _token_attributes(spacys, texts)


def test_a_rank_abbreviation_keeps_its_full_stop_and_ends_no_sentence() -> None:
    doc = kg.nlp.get_nlp()[0]("Army spokesman Brig. Ahmed Ali spoke. Col. Ali left.")
    assert [t.text for t in doc][:3] == ["Army", "spokesman", "Brig."]
    assert [s.text for s in doc.sents] == ["Army spokesman Brig. Ahmed Ali spoke.", "Col. Ali left."]
