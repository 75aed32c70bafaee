"""The pair classifier of kg/extraction/learned.py: its features, candidates, model and loader."""

from __future__ import annotations

from importlib import resources

from extraction.extraction_helpers import extractor, triples_by_rule

from kg.extraction.learned import PairModel, learned_relations, load_pair_model, pair_candidates, pair_features
from kg.extraction.relations import RelationExtractor
from kg.extraction.rules import Context, Found


def _article(text: str) -> tuple[Context, list[Found]]:
    """One sentence parsed and resolved as the pipeline does it, with what the rules find."""
    ex = extractor()
    doc = ex.nlp(text)
    actors = ex.resolver.resolve(ex.finder.find(0, doc, 0), [doc])
    rules = RelationExtractor(ex.gazetteer, ex.lexicon)
    ctx = rules.context([doc], actors, [0])
    return ctx, rules.rule_relations(ctx)


def _always(label: str) -> PairModel:
    """A model that gives every candidate ``label`` with probability about 0.95."""
    return PairModel(("NONE", label), (0.0, 3.0), {}, 0.5, 0.7)


def test_features_of_a_subject_and_object_of_an_attack_verb() -> None:
    doc = extractor().nlp("Russia bombed Ukraine.")
    assert pair_features(extractor().lexicon, doc[0], doc[2], "STATE", "STATE", ["t_src:BACKS"]) == [
        "dist:<=2", "lca:bomb", "lca_verb:ATTACKS", "lca_verb:ATTACKS|path:nsubj^VERB_dobj", "lca_wc:weapon_nouns",
        "lca_wc:weapon_nouns|path:nsubj^VERB_dobj", "lcapos:VERB", "len:<=2", "order:st", "path:nsubj^VERB_dobj",
        "path:nsubj^VERB_dobj|stype:STATE", "path:nsubj^VERB_dobj|ttype:STATE", "sdep:nsubj", "stype:STATE",
        "t_src:BACKS", "tdep:dobj", "ttype:STATE", "types:STATE>STATE"]


def test_features_keep_the_preposition_and_mark_a_negation() -> None:
    doc = extractor().nlp("Hamas did not fight against Israel.")
    feats = pair_features(extractor().lexicon, doc[0], doc[5], "ARMED_GROUP", "STATE")
    assert [f for f in feats if f.startswith(("path:", "blocked"))] == [
        "blocked", "path:nsubj^VERB_prep:against_pobj", "path:nsubj^VERB_prep:against_pobj|stype:ARMED_GROUP",
        "path:nsubj^VERB_prep:against_pobj|ttype:STATE"]


def test_candidates_are_the_pairs_no_rule_related() -> None:
    ctx, found = _article("Putin spoke about Iran.")
    assert found == []
    assert [(c.source, c.target) for c in pair_candidates(ctx, found)] == [
        ("Iran", "Vladimir Putin"), ("Vladimir Putin", "Iran")]


def test_a_pair_a_rule_related_is_never_a_candidate_nor_added_again() -> None:
    ctx, found = _article("Russia backs Assad.")
    assert [(f.source, f.relation, f.target) for f in found] == [("Russia", "BACKS", "Bashar al-Assad")]
    assert pair_candidates(ctx, found) == []
    assert learned_relations(ctx, found, _always("ATTACKS")) == []


def test_added_relations_carry_the_rule_name_and_the_measured_precision() -> None:
    ctx, found = _article("Putin spoke about Iran.")
    added = learned_relations(ctx, found, _always("CRITICIZES"))
    assert sorted((f.source, f.relation, f.target, f.rule, f.confidence) for f in added) == [
        ("Iran", "CRITICIZES", "Vladimir Putin", "learned", 0.7),
        ("Vladimir Putin", "CRITICIZES", "Iran", "learned", 0.7)]


def test_a_symmetric_relation_is_added_once() -> None:
    ctx, found = _article("Putin spoke about Iran.")
    added = learned_relations(ctx, found, _always("NEGOTIATES_WITH"))
    assert len(added) == 1 and added[0].relation == "NEGOTIATES_WITH"


def test_below_the_threshold_nothing_is_added() -> None:
    ctx, found = _article("Putin spoke about Iran.")
    model = PairModel(("NONE", "ATTACKS"), (0.0, 0.5), {"blocked": {1: -5.0}}, 0.9, 0.7)
    assert learned_relations(ctx, found, model) == []


def test_the_model_reads_back_what_it_writes() -> None:
    model = PairModel(("NONE", "ATTACKS"), (0.0, -1.0), {"lca:strike": {1: 3.0}, "blocked": {0: 3.0}}, 0.6, 0.8)
    assert PairModel.from_json(model.to_json()) == model
    assert model.best(["lca:strike"]) == ("ATTACKS", 0.881)
    assert model.best(["lca:strike", "blocked"]) == ("NONE", 0.731)


def test_the_loader_reads_the_shipped_file_once() -> None:
    shipped = resources.files("kg").joinpath("data/pair_model.json")
    assert load_pair_model() is load_pair_model()
    if shipped.is_file():
        assert len(shipped.read_bytes()) < 1_000_000
        assert load_pair_model().labels[0] == "NONE"  # type: ignore[union-attr]
    else:
        assert load_pair_model() is None


def _driver_finds(text: str, model: PairModel | None) -> list[tuple[str, str, str, str]]:
    ex = extractor()
    doc = ex.nlp(text)
    actors = ex.resolver.resolve(ex.finder.find(0, doc, 0), [doc])
    found = RelationExtractor(ex.gazetteer, ex.lexicon, pair_model=model).extract([doc], actors, [0])
    return sorted((f.source, f.relation, f.target, f.rule) for f in found)


def test_the_driver_adds_the_models_relations_only_where_no_rule_related_the_pair() -> None:
    assert _driver_finds("Russia backs Assad. Putin spoke about Iran.", _always("CRITICIZES")) == [
        ("Iran", "CRITICIZES", "Vladimir Putin", "learned"), ("Russia", "BACKS", "Bashar al-Assad", "verb"),
        ("Vladimir Putin", "CRITICIZES", "Iran", "learned")]


def test_a_negated_sentence_gets_nothing_from_a_model_that_weighs_the_negation() -> None:
    model = PairModel(("NONE", "CRITICIZES"), (0.0, 3.0), {"blocked": {0: 10.0}}, 0.5, 0.7)
    assert _driver_finds("Putin did not speak about Iran.", model) == []
    assert _driver_finds("Putin spoke about Iran.", model) == [
        ("Iran", "CRITICIZES", "Vladimir Putin", "learned"), ("Vladimir Putin", "CRITICIZES", "Iran", "learned")]


def test_the_driver_alone_adds_nothing_learned() -> None:
    assert not [t for t in triples_by_rule("Putin spoke about Iran. Russia backs Assad.") if t[3] == "learned"]
