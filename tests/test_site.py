"""The shipped course itself: it validates and builds with `mkdocs build --strict`."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, mkdocs_build, zensical_build

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
    """Facilitator notes, agenda notes and format descriptions: in no page, search index or
    sitemap of the site MkDocs builds, nor in the project `build --out` writes, nor in the
    site Zensical builds from that project."""
    import html
    import re

    secrets = sorted(set(trainer_only(load_course(ROOT))))
    assert len(secrets) >= 25, "the shipped course has trainer notes to look for"
    site = tmp_path / "site"
    assert mkdocs_build(ROOT, "--site-dir", str(site)).returncode == 0
    pages = zensical_build(ROOT, tmp_path / "project").parent  # the project and its site
    assert (pages / "site" / "index.html").is_file()
    shown = [" ".join(s.replace("*", "").split())[:60] for s in secrets]  # emphasis as shown
    for folder in (site, pages):
        for path in folder.rglob("*"):
            if path.is_file() and path.suffix in (".html", ".json", ".js", ".xml", ".md"):
                raw = path.read_text(encoding="utf-8")
                text = " ".join(raw.split())
                plain = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())
                words = [s for s in secrets if " ".join(s.split())[:60] in text]
                words += [s for s in shown if s in plain]
                assert words == [], f"{path.relative_to(folder)}: {words[:2]}"


def test_the_trainer_edition_holds_the_notes_and_says_so_on_every_page(tmp_path: Path) -> None:
    """Built from the same YAML by `mkdocs-trainer.yml`: every trainer-only text is there, and
    each page carries the notice under its title."""
    import html
    import re

    site = tmp_path / "trainer"
    result = mkdocs_build(ROOT, "-f", "mkdocs-trainer.yml", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    slides = [*(site / "trainer" / "slides").glob("*.html"), site / "trainer" / "room-vote.html"]
    pages = sorted(p for p in site.rglob("*.html") if p.name != "404.html" and p not in slides)
    texts = {
        p: html.unescape(re.sub(r"<[^>]+>", " ", p.read_text(encoding="utf-8"))) for p in pages
    }
    unmarked = [str(p.relative_to(site)) for p, t in texts.items() if "Trainer edition" not in t]
    assert unmarked == []
    texts.update({p: html.unescape(re.sub(r"<[^>]+>", " ", p.read_text("utf-8"))) for p in slides})
    everything = " ".join(" ".join(t.split()) for t in texts.values())
    secrets = sorted(set(trainer_only(load_course(ROOT))))
    shown = [" ".join(s.replace("*", "").split())[:40] for s in secrets]  # emphasis as shown
    missing = [s for s in shown if s not in everything]
    assert missing == []
