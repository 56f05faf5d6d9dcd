"""The shipped course itself: it validates and builds with `mkdocs build --strict`."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, mkdocs_build

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
