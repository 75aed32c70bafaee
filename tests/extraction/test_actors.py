"""Mention finding and resolution (kg/extraction/actors.py)."""

from __future__ import annotations

from extraction.extraction_helpers import extract_text


def actors(text: str) -> dict[str, tuple[str, list[str]]]:
    return {a.name: (a.type, a.aliases) for a in extract_text(text).actors}


def test_acronym_and_full_name_are_one_actor() -> None:
    found = actors("Hayat Tahrir al-Sham (HTS) advanced. HTS fighters entered the city.")
    assert found["Hayat Tahrir al-Sham"] == ("ARMED_GROUP", ["HTS", "HTS fighters"])


def test_nom_de_guerre_and_surname_are_one_person() -> None:
    found = actors(
        "The head of the HTS, Ahmed al-Shareh, better known by the nom de guerre "
        "Abu Mohammed al-Julani, spoke. Later al-Julani left."
    )
    assert found["Ahmed al-Sharaa"] == ("PERSON", ["Abu Mohammed al-Julani", "Ahmed al-Shareh", "al-Julani"])


def test_surname_after_full_name_of_unknown_person_is_the_same_person() -> None:
    found = actors("Local commander Yusuf Haddad Karimov met reporters. Karimov said nothing.")
    assert found["Yusuf Haddad Karimov"][0] == "PERSON"
    assert "Karimov" not in found


def test_capital_acting_is_its_state_and_capital_as_place_is_a_location() -> None:
    found = actors("Moscow launched airstrikes. Thousands fled to Damascus.")
    # the capital's name stays the city's alias, never the state's
    assert found == {"Russia": ("STATE", []), "Damascus": ("LOCATION", [])}


def test_home_government_forms_name_the_government() -> None:
    found = actors("Government forces shelled Idlib while the regime's jets struck Aleppo in Syria.")
    assert found["Syrian government"][0] == "GOVERNMENT"
    assert "Syria" not in found


def test_foreign_army_is_its_state() -> None:
    found = actors("Fighting in Lebanon: the Israeli army shelled Tyre.")
    assert found["Israel"][0] == "STATE"


def test_description_resolves_to_the_named_group() -> None:
    found = actors("The jihadists of Hayat Tahrir al-Sham advanced. The jihadists took the town.")
    assert "jihadists" in found["Hayat Tahrir al-Sham"][1]


def test_generic_rebels_resolve_to_the_home_opposition() -> None:
    found = actors("In Syria, the rebels and anti-regime fighters entered Hama.")
    assert found["Syrian opposition"] == ("ARMED_GROUP", ["anti-regime fighters", "rebels"])


def test_same_text_gives_same_ids() -> None:
    text = "Russia backs Assad. Iran-backed militias attacked Homs."
    assert [a.id for a in extract_text(text).actors] == [a.id for a in extract_text(text, "other").actors]


def test_state_name_inside_a_town_name_is_the_town() -> None:
    found = actors("Two soldiers died at a base in Puerto Jordan, in Colombia.")
    assert "Jordan" not in found
    assert found["Puerto Jordan"] == ("LOCATION", [])


def test_place_in_a_locative_phrase_is_a_location_even_when_ner_says_organisation() -> None:
    found = actors("An army raid killed two commanders in Arauca, Colombia.")
    assert found["Arauca"][0] == "LOCATION"


def test_short_name_an_article_defines_is_the_full_name_there_and_later() -> None:
    text = ("Rebels of the Patriotic Union for Kivu (PUK) signed a deal with the government on Monday. "
            "PUK fighters later attacked Walikale.")
    found = actors(text)
    assert found["Patriotic Union for Kivu"] == ("ORGANIZATION", ["PUK"])
    assert "Patriotic Union of Kurdistan" not in found  # the gazetteer's PUK is another group


def test_short_name_defined_in_the_article_beats_the_gazetteers_owner() -> None:
    found = actors("The Ambazonia Defence Forces (ADF) attacked Bamenda. Cameroon's army accused the ADF of arson.")
    assert found["Ambazonia Defence Forces"][0] == "ARMED_GROUP"
    assert "Allied Democratic Forces" not in found


def test_british_spelling_finds_the_american_name() -> None:
    found = actors("Jihadists attacked a base of the Volunteers for the Defence of the Homeland near Djibo.")
    assert found["Volunteers for the Defense of the Homeland"][0] == "ARMED_GROUP"


def test_a_named_body_whose_head_is_a_description_is_a_name() -> None:
    text = "Tabe Ayuk heads the Southern Cameroons Governing Council. The Defence Ministry said nothing."
    found = actors(text)
    assert found["Southern Cameroons Governing Council"][0] == "ORGANIZATION"
    assert "Defence Ministry" not in found  # a ministry is its state's, not an organisation of its own


def test_a_quoted_nickname_inside_a_name_is_an_alias_of_the_person() -> None:
    found = actors('Police arrested Rafael "El Toro" Quintana in Sinaloa.')
    assert found["Rafael Quintana"] == ("PERSON", ["El Toro"])


def test_a_named_cartel_or_gang_is_an_armed_group_whatever_the_tagger_said() -> None:
    found = actors("The United States designated the Gulf Cartel a terrorist organisation.")
    assert found["Gulf Cartel"][0] == "ARMED_GROUP"


def test_a_name_the_tagger_took_for_a_person_is_a_place_once_used_as_one() -> None:
    found = actors("Nasir fell on Monday. Government aircraft later bombed villages around Nasir.")
    assert found == {"Nasir": ("LOCATION", [])}


def test_a_second_name_after_known_as_or_alias_is_the_same_person() -> None:
    assert actors("The militia is led by commander Ramon Ortiz, known as Tigre, who fled.") == {
        "Ramon Ortiz": ("PERSON", ["Tigre"])}
    found = actors('Police found that Pedro Alvarado, alias "Gato," the leader of Los Lobos, was missing.')
    assert found["Pedro Alvarado"] == ("PERSON", ["Gato"])


def test_the_name_of_an_operation_known_as_such_is_no_actor() -> None:
    assert actors("The alliance launched an offensive against the military, known as Operation 1027, in "
                  "October.") == {}


def test_the_surname_of_a_person_named_in_full_is_that_person() -> None:
    found = actors("Israel said it killed Hezbollah's chief of staff, Haytham Ali Tabatabai, in a strike on Beirut. "
                   "Hezbollah confirmed the death of Tabatabai.")
    assert found["Haytham Ali Tabatabai"] == ("PERSON", ["Tabatabai"])


def test_a_name_told_by_the_role_in_apposition_is_a_person() -> None:
    found = actors("Okello Nathaniel Amuge, the deputy chairman of the party, accused the army of lying.")
    assert found["Okello Nathaniel Amuge"][0] == "PERSON"


def test_a_known_surname_after_another_first_name_is_another_person() -> None:
    found = actors("Israel killed Yahya al-Hayya, the son of Hamas negotiator Khalil al-Hayya.")
    assert found["Yahya al-Hayya"][0] == "PERSON"
    assert found["Khalil al-Hayya"][0] == "PERSON"


def test_the_last_name_the_tagger_left_out_is_part_of_the_name() -> None:
    found = actors("The regional commander, General Francisco Jesus Leana Ojeda, spoke on Monday.")
    assert found == {"Francisco Jesus Leana Ojeda": ("PERSON", [])}


def test_gazetteer_knows_recent_armed_groups_by_short_name() -> None:
    found = actors("The UPC and 3R signed a deal. Los Chapitos fought La Mayiza in Culiacan.")
    assert {name for name, (kind, _) in found.items() if kind == "ARMED_GROUP"} == {
        "Union for Peace in the Central African Republic", "Return, Reclamation and Rehabilitation", "Los Chapitos",
        "La Mayiza"}


def test_the_government_in_a_capital_is_that_states_and_the_capital_no_place() -> None:
    found = actors("M23 rebels seized Goma. The government in Kinshasa accused Rwanda of backing the rebels.")
    assert found["Congolese government"][0] == "GOVERNMENT"
    assert "Kinshasa" not in found


def test_a_place_and_its_province_are_one_place() -> None:
    found = actors("Thai jets struck targets in Surin province. Cambodian rockets hit a petrol station in Surin.")
    assert found["Surin"] == ("LOCATION", ["Surin province"])


def test_the_rebel_coalition_is_the_alliance_not_its_biggest_member() -> None:
    text = ("M23 rebels entered Goma. The M23 is part of the Congo River Alliance. The M23 took Bukavu. "
            "The rebel coalition said it would march on Kinshasa.")
    found = actors(text)
    assert "rebel coalition" in found["Congo River Alliance"][1]
    assert "rebel coalition" not in found["M23"][1]


def test_a_description_in_apposition_to_a_named_group_is_that_group() -> None:
    found = actors("Hamas, the Palestinian resistance group, attacked Israeli troops. "
                   "Hezbollah, the Iran-backed militia, fired rockets at Israel.")
    assert found["Hamas"] == ("ARMED_GROUP", ["resistance group"])
    assert found["Hezbollah"] == ("ARMED_GROUP", ["Iran-backed militia"])
    assert "Palestinian opposition" not in found and "Iran-backed militia" not in found


def test_rebels_not_in_apposition_stay_a_side_of_their_own() -> None:
    found = actors("Hamas, the Palestinian resistance group, attacked Israeli troops. Rebels also attacked a post.")
    assert found["Hamas"] == ("ARMED_GROUP", ["resistance group"])
    assert found["Palestinian opposition"] == ("ARMED_GROUP", ["Rebels"])


def test_a_unit_name_without_an_owner_is_no_actor() -> None:
    found = actors("Special Forces killed three militants. The army said Special Forces raided a camp in Borno.")
    assert "Special Forces" not in found


def test_a_unit_named_with_its_owner_is_the_owners() -> None:
    assert actors("Ukrainian Special Forces struck a depot.")["Ukraine"] == ("STATE", ["Ukrainian Special Forces"])


def test_a_name_after_a_joined_title_is_the_person_without_the_title() -> None:
    found = actors("The deal was signed by then-President Mamadou Kabore in 2019. "
                   "Ex-President Ousmane Diallo fled Bangui.")
    assert found["Mamadou Kabore"] == ("PERSON", [])
    assert found["Ousmane Diallo"] == ("PERSON", [])


def test_a_hyphenated_name_is_no_joined_title() -> None:
    found = actors("Ahmed Al-Bashir Kabore fled Bangui.")
    assert "Bashir Kabore" not in found and "Kabore" not in found


def test_a_surname_is_the_man_the_article_named_not_a_famous_namesake() -> None:
    found = actors("Amadou Traore, a herder from Djibo, said the army attacked his village. "
                   "Traore said the soldiers burned homes.")
    assert found["Amadou Traore"] == ("PERSON", ["Traore"])
    assert "Ibrahim Traore" not in found


def test_a_surname_after_the_famous_man_is_named_is_his() -> None:
    found = actors("Amadou Traore, a herder, said the army attacked his village. "
                   "Captain Ibrahim Traore said soldiers fought jihadists. Traore vowed to win.")
    assert found["Amadou Traore"] == ("PERSON", [])
    assert found["Ibrahim Traore"] == ("PERSON", ["Traore"])


def test_rebels_are_of_the_country_whose_places_are_named_not_of_a_foreign_army() -> None:
    found = actors("French troops were deployed in Abidjan. France sent more soldiers to the French base. "
                   "Rebels seized Bouake on Monday.")
    assert found["Ivorian opposition"] == ("ARMED_GROUP", ["Rebels"])
    assert "French opposition" not in found


def test_islamic_state_in_west_africa_is_its_own_province_not_islamic_state() -> None:
    found = actors("Islamic State in West Africa fighters attacked a base in Borno.")
    assert found["Islamic State West Africa Province"] == ("ARMED_GROUP", ["Islamic State in West Africa fighters"])
    assert "Islamic State" not in found and "West Africa" not in found
