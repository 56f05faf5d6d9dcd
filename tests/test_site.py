"""The shipped course itself: it validates and builds with `mkdocs build --strict`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from generator.loader import load_course


def test_the_shipped_course_validates() -> None:
    course = load_course(ROOT)
    assert course.lessons
    assert course.scenarios
    assert course.quizzes


def test_the_shipped_site_builds_strictly(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "s")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert (tmp_path / "s" / "index.html").is_file()
    shutil.rmtree(tmp_path / "s")
