"""The shipped course itself: it validates and builds with `mkdocs build --strict`."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, mkdocs_build

from generator.edition import trainer_only
from generator.loader import load_course


def test_the_shipped_course_validates() -> None:
    course = load_course(ROOT)
    assert course.lessons
    assert course.scenarios
    assert course.quizzes


def test_the_shipped_site_builds_strictly(tmp_path: Path) -> None:
    result = mkdocs_build(ROOT, "--site-dir", str(tmp_path / "s"))
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert (tmp_path / "s" / "index.html").is_file()
    shutil.rmtree(tmp_path / "s")


def test_no_trainer_only_text_reaches_any_file_of_the_learner_edition(tmp_path: Path) -> None:
    """Facilitator notes, agenda notes and format descriptions: in no page, search index,
    sitemap or Markdown page that `build --out` writes."""
    from generator.cli import main

    secrets = sorted(set(trainer_only(load_course(ROOT))))
    assert len(secrets) >= 25, "the shipped course has trainer notes to look for"
    site, pages = tmp_path / "site", tmp_path / "pages"
    assert mkdocs_build(ROOT, "--site-dir", str(site)).returncode == 0
    assert main(["--root", str(ROOT), "build", "--out", str(pages)]) == 0
    for folder in (site, pages):
        for path in folder.rglob("*"):
            if path.is_file() and path.suffix in (".html", ".json", ".js", ".xml", ".md"):
                text = " ".join(path.read_text(encoding="utf-8").split())
                words = [s for s in secrets if " ".join(s.split())[:60] in text]
                assert words == [], f"{path.relative_to(folder)}: {words[:2]}"
