"""`kg extract` on a corpus with a wire story reprinted by five outlets."""

from __future__ import annotations

import json

from web_server import WEB_DATA


def test_document_lines_name_the_story_a_reprint_repeats(run_kg) -> None:
    done = run_kg("extract", WEB_DATA / "wire" / "bara.jsonl")
    assert done.returncode == 0, done.stderr
    documents = [json.loads(line) for line in done.stdout.splitlines() if '"kind": "document"' in line]
    assert [(d["id"], d["source"], d.get("duplicate_of")) for d in documents] == [
        ("continental-press-bara", "Continental Press", None),
        ("savanna-herald-bara", "Savanna Herald", "continental-press-bara"),
        ("daily-courier-bara", "The Daily Courier", "continental-press-bara"),
        ("red-sea-times-bara", "Red Sea Times", "continental-press-bara"),
        ("nile-observer-bara", "Nile Observer", "continental-press-bara"),
        ("kordofan-voice-bara", "Kordofan Voice", None),
    ]
    assert "duplicate_of" not in documents[0]  # an original's line is as before: no null key
