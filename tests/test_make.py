"""`make site` swaps in a new site only when the build succeeded."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, copy_project, edit


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def make_site(project: Path) -> subprocess.CompletedProcess[str]:
    venv = Path(sys.executable).parent.parent
    return subprocess.run(
        # -o: take the installed environment as it is, instead of reinstalling into the copy
        ["make", "site", f"VENV={venv}", "-o", f"{venv}/.site", "-o", f"{venv}/bin/python"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )


def test_a_failed_build_leaves_the_previous_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copy(ROOT / "Makefile", project / "Makefile")
    first = make_site(project)
    assert first.returncode == 0, first.stderr
    before = fingerprint(project / "site")
    assert "index.html" in before
    edit(project, "content/lessons/serving.yml", "summary:", "sumary:")
    second = make_site(project)
    assert second.returncode != 0
    assert "sumary: unknown field `sumary`" in second.stderr
    assert fingerprint(project / "site") == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site-")) == []


def test_two_builds_at_once_each_give_a_whole_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copy(ROOT / "Makefile", project / "Makefile")
    assert make_site(project).returncode == 0
    whole = fingerprint(project / "site")
    venv = Path(sys.executable).parent.parent
    command = ["make", "site", f"VENV={venv}", "-o", f"{venv}/.site", "-o", f"{venv}/bin/python"]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    builds = [
        subprocess.Popen(command, cwd=project, env=environment, stdout=subprocess.DEVNULL)
        for _ in range(2)
    ]
    assert [build.wait() for build in builds] == [0, 0]
    assert fingerprint(project / "site").keys() == whole.keys()
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site-")) == []


def test_the_wheel_carries_everything_a_course_elsewhere_needs(tmp_path: Path) -> None:
    """`make dist`'s wheel, installed apart from this checkout, starts and builds a course:
    templates, theme, starter course and schemas all travel inside the package."""
    venv = Path(sys.executable).parent.parent
    made = subprocess.run(
        ["make", "dist", f"VENV={venv}", "-o", f"{venv}/bin/python"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    (wheel,) = (ROOT / "dist").glob("coursewright-*.whl")
    installed = tmp_path / "installed"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            installed,
            wheel,
        ],
        check=True,
    )
    env = {**os.environ, "PYTHONPATH": str(installed), "NO_MKDOCS_2_WARNING": "1"}

    def run(*arguments: str, cwd: Path = tmp_path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, *arguments],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            check=False,
        )

    where = run("-c", "import generator; print(generator.__file__)")
    assert where.stdout.startswith(str(installed)), where.stdout
    assert run("-m", "generator", "init", "course").returncode == 0
    built = run("-m", "generator", "build", cwd=tmp_path / "course")
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "course/site/assets/quiz.js").is_file()
    assert (tmp_path / "course/site/quizzes/first-check.html").is_file()
