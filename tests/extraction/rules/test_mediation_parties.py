"""The parties of a mediated meeting found in the clause around it (kg/extraction/rules/formal_acts.py)."""

from __future__ import annotations

from extraction.rules.rule_cases import check


def test_talks_mediated_before_a_main_clause_are_between_its_subjects() -> None:
    check("The United States and Yemen's Houthi rebels have agreed to stop attacking each other, after talks "
          "mediated by Muscat brought an abrupt halt to the campaign.",
          {("Oman", "NEGOTIATES_WITH", "Houthis", "mediation"),
           ("Oman", "NEGOTIATES_WITH", "United States", "mediation"),
           ("United States", "NEGOTIATES_WITH", "Houthis", "verb")})


def test_a_host_negotiates_with_the_delegations_of_the_clause_not_with_his_own_state() -> None:
    check("Russian and Ukrainian officials held talks in Istanbul on Friday. At Friday's meeting, hosted by Turkish "
          "Foreign Minister Hakan Fidan, the two delegations agreed to exchange 1,000 prisoners of war each.",
          {("Hakan Fidan", "MEMBER_OF", "Turkey", "title"), ("Hakan Fidan", "NEGOTIATES_WITH", "Russia", "mediation"),
           ("Hakan Fidan", "NEGOTIATES_WITH", "Ukraine", "mediation"),
           ("Russia", "NEGOTIATES_WITH", "Ukraine", "mediation"),
           ("Russia", "NEGOTIATES_WITH", "Ukraine", "noun")})


def test_counted_talks_hosted_have_their_parties() -> None:
    check("Oman has hosted several rounds of talks between Iran and the United States.",
          {("Oman", "NEGOTIATES_WITH", "Iran", "mediation"), ("Oman", "NEGOTIATES_WITH", "United States", "mediation"),
           ("Iran", "NEGOTIATES_WITH", "United States", "mediation")})
    # a count of anything else is no talks
    check("Oman hosted dozens of diplomats from Iran and the United States.", set())
