"""Demands put as what another must do (kg/extraction/rules/demands.py)."""

from __future__ import annotations

from extraction.rules.rule_cases import check


def test_saying_another_must_act_calls_on_it() -> None:
    check("The Kremlin insisted that Ukraine should give up four regions.",
          {("Russia", "CALLS_ON", "Ukraine", "demand")})
    check("President Felix Tshisekedi said Rwanda must pull its troops out of Congo.",
          {("Felix Tshisekedi", "CALLS_ON", "Rwanda", "demand"), ("Felix Tshisekedi", "LEADS", "DR Congo", "title")})


def test_no_demand_of_one_s_own_side_a_passive_or_a_denied_saying() -> None:
    check("Putin said Russia must win the war.", set())
    check("Hamas said its fighters must be protected.", set())
    check("The army did not say the RSF must leave.", set())


def test_saying_another_will_suffer_is_a_threat() -> None:
    check("Hezbollah said Israel will pay a heavy price for the attack.",
          {("Hezbollah", "OPPOSES", "Israel", "threat")})
    check("The Houthis said the United States should expect a crushing response.",
          {("Houthis", "OPPOSES", "United States", "threat")})
    # a forecast of help is neither a threat nor a demand
    check("Zelensky said Ukraine should expect more aid from Germany.", {("Germany", "BACKS", "Ukraine", "noun")})
