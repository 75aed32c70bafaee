"""Checks on the shipped gazetteer ``kg/data/actors.jsonl``: format, consistency, a few known facts."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path
from typing import Any

from conftest import shared_eval

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "kg" / "data" / "actors.jsonl"

TYPES = {"STATE", "ORGANIZATION", "ARMED_GROUP", "PERSON", "LOCATION"}
COMMON = {"name": str, "type": str, "aliases": list, "case_sensitive_aliases": list}
REQUIRED: dict[str, dict[str, type]] = {
    "STATE": {
        **COMMON,
        "demonyms": list,
        "metonyms": list,
        "government": str,
        "government_aliases": list,
        "government_case_sensitive_aliases": list,
    },
    "ARMED_GROUP": {**COMMON, "descriptions": list},
    "ORGANIZATION": {**COMMON, "descriptions": list},
    "PERSON": {**COMMON, "role": str},
    "LOCATION": dict(COMMON),
}
OPTIONAL: dict[str, dict[str, type]] = {
    "STATE": {},
    "ARMED_GROUP": {"country": str},
    "ORGANIZATION": {"country": str},
    "PERSON": {"country": str, "leads": str, "also_led": list, "member_of": str},
    "LOCATION": {"country": str},
}
# Fields whose strings are surface forms that find an actor in text.
PLAIN_FORMS = ("aliases", "demonyms", "metonyms", "government_aliases")
EXACT_FORMS = ("case_sensitive_aliases", "government_case_sensitive_aliases")


@cache
def entries() -> tuple[dict[str, Any], ...]:
    with DATA.open(encoding="utf-8") as f:
        return tuple(json.loads(line) for line in f if line.strip())


@cache
def by_name() -> dict[str, dict[str, Any]]:
    return {e["name"]: e for e in entries()}


def plain_forms(entry: dict[str, Any]) -> list[str]:
    """Forms matched in any case: the name (unless listed as case-sensitive) and the plain lists."""
    forms = [] if entry["name"] in entry["case_sensitive_aliases"] else [entry["name"]]
    if entry["type"] == "STATE":
        forms.append(entry["government"])
    for field in PLAIN_FORMS:
        forms += entry.get(field, [])
    return forms


def exact_forms(entry: dict[str, Any]) -> list[str]:
    return [form for field in EXACT_FORMS for form in entry.get(field, [])]


def capital_forms() -> dict[str, str]:
    """Casefolded name or alias of every LOCATION -> its country (a state may claim it as a metonym)."""
    out: dict[str, str] = {}
    for e in entries():
        if e["type"] == "LOCATION" and "country" in e:
            for form in [e["name"], *e["aliases"]]:
                out[form.casefold()] = e["country"]
    return out


def owners() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Who claims each plain form (casefolded) and each exact form, with a state's own places left out."""
    places = capital_forms()
    plain: dict[str, set[str]] = defaultdict(set)
    exact: dict[str, set[str]] = defaultdict(set)
    for e in entries():
        for form in plain_forms(e):
            if form in e.get("metonyms", []) and places.get(form.casefold()) == e["name"]:
                continue  # "Damascus" is both a LOCATION of Syria and a metonym of Syria, by design
            plain[form.casefold()].add(e["name"])
        for form in exact_forms(e):
            exact[form].add(e["name"])
    return plain, exact


def test_every_line_is_one_json_object() -> None:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    assert lines
    for number, line in enumerate(lines, 1):
        assert isinstance(json.loads(line), dict), f"line {number}"


def test_every_entry_has_the_fields_of_its_type_and_no_others() -> None:
    for e in entries():
        assert e.get("type") in TYPES, e
        required, optional = REQUIRED[e["type"]], OPTIONAL[e["type"]]
        assert set(required) <= set(e), (e["name"], set(required) - set(e))
        assert set(e) <= set(required) | set(optional), (e["name"], set(e) - set(required) - set(optional))
        for field, kind in {**required, **optional}.items():
            if field in e:
                assert isinstance(e[field], kind), (e["name"], field)
                if kind is list:
                    assert all(isinstance(x, str) for x in e[field]), (e["name"], field)


def test_government_lines_are_not_emitted() -> None:
    assert not [e for e in entries() if e["type"] == "GOVERNMENT"]


def test_every_string_is_trimmed_and_non_empty() -> None:
    for e in entries():
        for field, value in e.items():
            for text in value if isinstance(value, list) else [value]:
                assert text and text == text.strip() and "  " not in text, (e["name"], field, text)


def test_canonical_names_are_unique() -> None:
    counts = Counter(e["name"] for e in entries())
    assert [name for name, n in counts.items() if n > 1] == []


def test_no_list_repeats_a_form() -> None:
    for e in entries():
        for field in PLAIN_FORMS + ("descriptions",):
            folded = [x.casefold() for x in e.get(field, [])]
            assert len(folded) == len(set(folded)), (e["name"], field)
        for field in EXACT_FORMS:
            exact = e.get(field, [])
            assert len(exact) == len(set(exact)), (e["name"], field)


def test_no_surface_form_is_claimed_by_two_entries() -> None:
    plain, exact = owners()
    clashes = {form: names for form, names in plain.items() if len(names) > 1}
    for form, names in exact.items():
        claimants = names | plain.get(form.casefold(), set())
        if len(claimants) > 1:
            clashes[form] = claimants
    assert clashes == {}


def test_acronyms_are_only_matched_with_their_exact_case() -> None:
    for e in entries():
        for form in plain_forms(e):
            letters = [c for c in form if c.isalpha()]
            assert not (letters and form == form.upper()), (e["name"], form)


def test_descriptions_are_not_names_of_other_entries() -> None:
    plain, _ = owners()
    for e in entries():
        for description in e.get("descriptions", []):
            assert plain.get(description.casefold(), {e["name"]}) <= {e["name"]}, (e["name"], description)


def test_country_references_name_a_state() -> None:
    states = {e["name"] for e in entries() if e["type"] == "STATE"}
    for e in entries():
        if "country" in e:
            assert e["country"] in states, (e["name"], e["country"])


def test_leads_and_member_of_name_a_state_group_or_organisation() -> None:
    heads = {e["name"] for e in entries() if e["type"] in {"STATE", "ARMED_GROUP", "ORGANIZATION"}}
    for e in entries():
        for ref in [e.get("leads"), e.get("member_of"), *e.get("also_led", [])]:
            if ref is not None:
                assert ref in heads, (e["name"], ref)


def test_every_capital_metonym_is_also_a_location_of_that_state() -> None:
    syria, ukraine, sudan = by_name()["Syria"], by_name()["Ukraine"], by_name()["Sudan"]
    assert "Damascus" in syria["metonyms"]
    assert by_name()["Damascus"]["type"] == "LOCATION"
    assert by_name()["Damascus"]["country"] == "Syria"
    assert ["Kyiv", "Kiev"] == [m for m in ukraine["metonyms"] if m.startswith("K")]
    assert by_name()["Kyiv"]["aliases"] == ["Kiev"]
    assert by_name()["Port Sudan"]["country"] == "Sudan"
    assert sudan["metonyms"] == ["Khartoum", "Port Sudan"]


def test_coverage_targets_are_met() -> None:
    counts = Counter(e["type"] for e in entries())
    assert counts["STATE"] == 197  # 193 UN members, Palestine, Taiwan, Kosovo, Vatican
    assert counts["ARMED_GROUP"] + counts["ORGANIZATION"] >= 150
    assert counts["PERSON"] >= 150
    assert counts["LOCATION"] >= 150


def test_hts_is_found_by_its_acronym_and_spellings() -> None:
    hts = by_name()["Hayat Tahrir al-Sham"]
    assert hts["type"] == "ARMED_GROUP"
    assert "HTS" in hts["case_sensitive_aliases"]
    assert {"Hayat Tahrir al Sham", "Tahrir al-Sham"} <= set(hts["aliases"])
    assert {"jihadists", "Islamists"} <= set(hts["descriptions"])
    assert hts["country"] == "Syria"


def test_russia_has_its_demonym_metonyms_and_government() -> None:
    russia = by_name()["Russia"]
    assert russia["demonyms"] == ["Russian", "Russians"]
    assert russia["metonyms"] == ["Moscow", "Kremlin", "the Kremlin"]
    assert russia["government"] == "Russian government"


def test_national_armies_are_government_aliases_of_their_state() -> None:
    assert "Assad regime" in by_name()["Syria"]["government_aliases"]
    assert "SAA" in by_name()["Syria"]["government_case_sensitive_aliases"]
    assert "SAF" in by_name()["Sudan"]["government_case_sensitive_aliases"]
    assert "Tatmadaw" in by_name()["Myanmar"]["government_aliases"]
    assert "IDF" in by_name()["Israel"]["government_case_sensitive_aliases"]
    assert "ENDF" in by_name()["Ethiopia"]["government_case_sensitive_aliases"]
    assert "FARDC" in by_name()["DR Congo"]["government_case_sensitive_aliases"]
    assert by_name()["Palestine"]["government"] == "Palestinian Authority"


def test_risky_short_forms_are_case_sensitive() -> None:
    assert {"IS", "ISIS", "ISIL"} <= set(by_name()["Islamic State"]["case_sensitive_aliases"])
    assert "Daesh" in by_name()["Islamic State"]["aliases"]
    assert {"UN", "U.N."} <= set(by_name()["United Nations"]["case_sensitive_aliases"])
    assert {"US", "U.S.", "USA"} <= set(by_name()["United States"]["case_sensitive_aliases"])
    assert by_name()["Tyre"]["case_sensitive_aliases"] == ["Tyre"]


def test_leaders_point_at_what_they_lead() -> None:
    assert by_name()["Bashar al-Assad"]["leads"] == "Syria"
    assert {"Assad", "al-Assad", "Bashar"} <= set(by_name()["Bashar al-Assad"]["aliases"])
    sharaa = by_name()["Ahmed al-Sharaa"]
    assert (sharaa["leads"], sharaa["also_led"]) == ("Syria", ["Hayat Tahrir al-Sham"])
    assert {"Abu Mohammed al-Julani", "Julani", "al-Jolani"} <= set(sharaa["aliases"])
    assert by_name()["Antonio Guterres"]["leads"] == "United Nations"
    assert by_name()["Naim Qassem"]["leads"] == "Hezbollah"
    assert by_name()["Sergei Lavrov"]["member_of"] == "Russia"
    assert {"Erdogan", "Erdoğan"} <= set(by_name()["Recep Tayyip Erdogan"]["aliases"])


def test_civil_war_umbrellas_carry_rebel_descriptions() -> None:
    opposition = by_name()["Syrian opposition"]
    assert opposition["type"] == "ARMED_GROUP"
    assert {"rebels", "rebel groups", "anti-government forces"} <= set(opposition["descriptions"])
    assert "paramilitaries" in by_name()["Rapid Support Forces"]["descriptions"]
    assert "monitor" in by_name()["Syrian Observatory for Human Rights"]["descriptions"]


def seed_actors() -> list[dict[str, Any]]:
    path = shared_eval("seed", "actors.jsonl")
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def test_the_npa_and_its_party_are_apart_and_rebels_describe_the_npa() -> None:
    entries = by_name()
    npa, cpp = entries["New People's Army"], entries["Communist Party of the Philippines"]
    assert (npa["type"], npa["case_sensitive_aliases"], npa["country"]) == ("ARMED_GROUP", ["NPA"], "Philippines")
    assert (cpp["type"], cpp["case_sensitive_aliases"]) == ("ORGANIZATION", ["CPP"])
    assert {"rebels", "communist rebels"} <= set(npa["descriptions"])
