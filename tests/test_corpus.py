"""The malformed-input corpus: each case under tests/corpus/ overlays broken files on the sample
course; `coursewright check` must print exactly `expected.txt` to stderr and exit 1. Cases run
in this process through the command line's `main` (test_cli runs the installed command)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import HERE, TEA

from generator.cli import main

CORPUS = HERE / "corpus"
CASES = sorted(path.name for path in CORPUS.iterdir() if path.is_dir())


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


def check(project: Path, capsys: pytest.CaptureFixture[str]) -> Result:
    """`coursewright check` in `project`, run through `main` in this process."""
    capsys.readouterr()
    status = main(["--root", str(project), "check"])
    out, err = capsys.readouterr()
    return Result(status, out, err)


def assert_clean_failure(result: Result, shown: str, expected: Path, update: bool) -> None:
    """Exit 1, nothing on stdout, no traceback, and exactly the expected problems (`shown` is
    stderr with any machine-specific path replaced)."""
    if update:
        expected.write_text(shown, encoding="utf-8")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert shown == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES)
def test_corpus_case(
    case: str, tmp_path: Path, update_goldens: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "course"
    shutil.copytree(TEA, project)
    overlay = CORPUS / case
    for source in overlay.rglob("*"):
        if source.is_file() and source.name != "expected.txt":
            target = project / source.relative_to(overlay)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    result = check(project, capsys)
    assert_clean_failure(result, result.stderr, overlay / "expected.txt", update_goldens)


def _large(project: Path) -> None:
    filler = "".join(f"  - Key point number {i} about brewing tea.\n" for i in range(30_000))
    (project / "content/lessons/serving.yml").write_text(
        "title: Serving\nsummary: x\nminutes: 5\nkey_points:\n" + filler, encoding="utf-8"
    )


def _symlink_outside(project: Path) -> None:
    outside = project.parent / "secret.yml"
    outside.write_text("title: not part of the course\n", encoding="utf-8")
    (project / "content/lessons/serving.yml").unlink()
    (project / "content/lessons/serving.yml").symlink_to(outside)


def _no_course_file(project: Path) -> None:
    (project / "content/course.yml").unlink()


def _write(rel: str, content: str | bytes) -> Callable[[Path], None]:
    def write(project: Path) -> None:
        path = project / rel
        path.unlink(missing_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    return write


def _symlink_loop(project: Path) -> None:
    (project / "content/lessons/serving.yml").unlink()
    (project / "content/lessons/serving.yml").symlink_to("serving.yml")


def _fifo(project: Path) -> None:
    (project / "content/lessons/serving.yml").unlink()
    os.mkfifo(project / "content/lessons/serving.yml")


def _course_file_folder(project: Path) -> None:
    (project / "content/course.yml").unlink()
    (project / "content/course.yml").mkdir()


def _uppercase_suffix(project: Path) -> None:
    (project / "content/scenarios/late-guests.yml").rename(
        project / "content/scenarios/late-guests.YML"
    )


SERVING = (TEA / "content/lessons/serving.yml").read_text(encoding="utf-8")
GENERATED: dict[str, Callable[[Path], None]] = {
    "large-file": _large,
    "symlink-outside": _symlink_outside,
    "no-course-file": _no_course_file,
    "symlink-loop": _symlink_loop,
    "fifo-lesson": _fifo,
    "course-file-is-a-folder": _course_file_folder,
    "uppercase-suffix": _uppercase_suffix,
    "utf16-lesson": _write("content/lessons/serving.yml", SERVING.encode("utf-16")),
    "deep-brackets": _write("content/lessons/serving.yml", "title: " + "[" * 100_000),
    "deep-flow-mappings": _write("content/lessons/serving.yml", "title: " + "{a: " * 100_000),
    "deep-compact-dashes": _write("content/lessons/serving.yml", "title:\n" + "- " * 50_000),
    "text-too-long": _write(
        "content/lessons/serving.yml",
        SERVING.replace("minutes:", f"introduction: '{'&' * 10_001}'\nminutes:"),
    ),
}


@pytest.mark.parametrize("case", sorted(GENERATED))
def test_generated_case(
    case: str, tmp_path: Path, update_goldens: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "course"
    shutil.copytree(TEA, project)
    GENERATED[case](project)
    result = check(project, capsys)
    shown = result.stderr.replace(str(tmp_path), "TMP")
    assert_clean_failure(result, shown, CORPUS / f"{case}.expected.txt", update_goldens)


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) + len(GENERATED) >= 30
