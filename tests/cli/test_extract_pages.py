"""`kg extract` on saved web pages: the article, not the page's furniture."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from web_server import WEB_DATA

BARA = WEB_DATA / "meridian" / "africa-rsf-bara.html"


def records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_extract_reads_a_saved_page_with_its_metadata(run_kg) -> None:
    done = run_kg("extract", BARA)
    assert done.returncode == 0, done.stderr
    out = records(done.stdout)
    assert out[0] == {
        "kind": "document", "id": "africa-rsf-bara", "title": "RSF fighters seize Bara in North Kordofan",
        "date": "2026-11-28", "url": "https://www.meridianpost.example/africa/2026/11/28/rsf-fighters-seize-bara",
        "source": "The Meridian Post"}
    assert sorted(r["name"] for r in out if r["kind"] == "actor") == [
        "Bara", "El Obeid", "North Kordofan", "Rapid Support Forces", "Sudanese government"]


def test_extract_reads_a_folder_of_pages_and_names_a_page_without_an_article(run_kg, tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for page in (BARA, WEB_DATA / "harbour" / "houthis-strike-tanker.html", WEB_DATA / "fail" / "no-article.html"):
        shutil.copy(page, pages / page.name.replace(".html", ".htm" if "tanker" in page.name else ".html"))
    done = run_kg("extract", pages)
    assert done.returncode == 1
    assert [r["id"] for r in records(done.stdout) if r["kind"] == "document"] == [
        "africa-rsf-bara", "houthis-strike-tanker"]
    assert done.stderr.splitlines()[0] == f"kg: error: {pages / 'no-article.html'}: no article text found in the page"
