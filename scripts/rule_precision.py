#!/usr/bin/env python3
"""Measure every extraction rule's precision over all gold sets, and calibrate confidences.

    python scripts/rule_precision.py                  # the per-rule table (Markdown) and each set's score
    python scripts/rule_precision.py --calibrate      # also write kg/data/rule_confidence.json

A rule's precision is the share of the distinct relations it produced, over all gold sets,
that say a gold fact (``kg.evaluation`` credits each relation to every rule that produced it).
``--calibrate`` writes each rule's measured precision, smoothed towards 0.5 for rules with few
relations, as the confidence the extractor gives that rule's evidence.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
# smoothing: a rule with few relations is pulled towards an uninformed 0.5
PRIOR_WEIGHT = 2.0


def gold_sets() -> dict[str, tuple[Path, list[Path]]]:
    """Name -> (gold folder, its articles), for every gold set present."""
    out: dict[str, tuple[Path, list[Path]]] = {}
    gold = ROOT / "tests" / "data" / "gold"
    if (SHARED / "seed").is_dir():
        out["reference"] = (SHARED / "seed", [SHARED / "seed" / "homs-hama.txt"])
    if (SHARED / "wire-dev").is_dir():
        out["wire-dev"] = (SHARED / "wire-dev", sorted((SHARED / "wire-dev").glob("*.txt")))
    if (gold / "dev").is_dir():
        out["dev"] = (gold / "dev", sorted((ROOT / "examples").glob("*.txt")))
    for folder in sorted(p for p in gold.iterdir() if p.is_dir() and p.name != "dev") if gold.is_dir() else []:
        articles = sorted(folder.glob("*.txt"))
        if articles and (folder / "relations.jsonl").is_file():
            out[folder.name] = (folder, articles)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--calibrate", action="store_true", help="write kg/data/rule_confidence.json")
    ap.add_argument("--skip", action="append", default=[], help="leave out a gold set (e.g. an unscored held-out set)")
    args = ap.parse_args()

    sys.path.insert(0, str(ROOT))
    import kg
    from kg.evaluation import Counts, GoldSet, Predictions, score

    totals: dict[str, Counts] = {}
    print("| gold set | relations P / R / F1 | actors resolved |")
    print("|---|---|---|")
    for name, (folder, articles) in gold_sets().items():
        if name in args.skip:
            continue
        result = score(GoldSet.read(folder), Predictions.from_graph(kg.extract(articles)))
        r = result.relations
        print(f"| {name} | {r.precision:.3f} / {r.recall:.3f} / **{r.f1:.3f}** | {result.actors_resolved_share:.3f} |")
        for rule, counts in result.by_rule.items():
            t = totals.setdefault(rule, Counts())
            t.hits += counts.hits
            t.predicted += counts.predicted
    print()
    print("| rule | relations | right | precision |")
    print("|---|---|---|---|")
    for rule, c in sorted(totals.items(), key=lambda kv: (-kv[1].predicted, kv[0])):
        print(f"| {rule} | {c.predicted} | {c.hits} | {c.precision:.2f} |")
    if args.calibrate:
        calibrated = {
            rule: round((c.hits + 0.5 * PRIOR_WEIGHT) / (c.predicted + PRIOR_WEIGHT), 2)
            for rule, c in sorted(totals.items())
        }
        path = ROOT / "kg" / "data" / "rule_confidence.json"
        path.write_text(json.dumps(calibrated, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"\nwrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
