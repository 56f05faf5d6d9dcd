"""The slowest inputs found so far, each timed through the command an author runs, against a
bound: the sample course checks in about 0.3 s and builds in about 1 s.

    python benchmarks/worst.py      # prints a Markdown table; exits 1 if a bound is exceeded
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
TEA = ROOT / "tests" / "courses" / "tea"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
Change = Callable[[Path], None]


def _lesson(change: Callable[[dict[str, Any]], None]) -> Change:
    def apply(project: Path) -> None:
        path = project / "content/lessons/serving.yml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    return apply


def _misspelt_references(project: Path) -> None:
    _lesson(
        lambda d: d["guidelines"].extend(
            dict(d["guidelines"][0], id=f"guide-number-{i}") for i in range(800)
        )
    )(project)
    path = project / "content/scenarios/late-guests.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["guidelines"] = [f"guide-numbr-{i}" for i in range(800)]
    path.write_text(yaml.safe_dump(data), encoding="utf-8")


def _misspelt_keys(project: Path) -> None:
    path = project / "content/lessons/serving.yml"
    extra = "".join(f"titel{i}: x\n" for i in range(5000))
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")


def _deep(project: Path) -> None:
    (project / "content/lessons/serving.yml").write_text("a: " + "[" * 100_000, encoding="utf-8")


CASES: dict[str, tuple[str, Change, float]] = {
    "9,999 backticks in one text (build --out)": (
        "build",
        _lesson(lambda d: d.update(introduction="`" * 9_999)),
        2.0,
    ),
    "9,000 `&` and 500 `*` in one text (mkdocs build)": (
        "mkdocs",
        _lesson(lambda d: d.update(introduction="&" * 9_000 + " " + "*" * 500)),
        5.0,
    ),
    "800 misspelt references among 800 ids (check)": ("check", _misspelt_references, 2.0),
    "5,000 misspelt keys (check)": ("check", _misspelt_keys, 2.0),
    "100,000 nested brackets (check)": ("check", _deep, 1.0),
}
COMMANDS = {
    "check": [sys.executable, "-m", "generator", "check"],
    "build": [sys.executable, "-m", "generator", "build", "--out", "out", "--force"],
    "mkdocs": [sys.executable, "-m", "mkdocs", "build", "--quiet"],
}


def timed(name: str, work: Path) -> tuple[float, int]:
    command, change, _ = CASES[name]
    project = work / "case"
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(TEA, project)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "site_overrides", project / "site_overrides")
    change(project)
    started = time.perf_counter()
    result = subprocess.run(
        COMMANDS[command], cwd=project, env=ENV, capture_output=True, check=False
    )
    return time.perf_counter() - started, result.returncode


def table() -> tuple[str, bool]:
    """The report, and whether every case kept within its bound."""
    lines = ["| input | seconds | bound | exit |", "|---|--:|--:|--:|"]
    fine = True
    with tempfile.TemporaryDirectory(prefix="coursewright-worst-") as folder:
        for name, (_, _, bound) in CASES.items():
            seconds, code = timed(name, Path(folder))
            fine &= seconds <= bound and "Traceback" not in str(code)
            lines.append(f"| {name} | {seconds:.2f} | {bound:.1f} | {code} |")
    return "\n".join(lines) + "\n", fine


if __name__ == "__main__":
    report, within = table()
    print(report)  # noqa: T201 - the report is the output
    sys.exit(0 if within else 1)
