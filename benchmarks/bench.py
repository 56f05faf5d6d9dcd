"""Benchmark the generator and the site build on synthetic courses; write BENCHMARKS.md.

For each size N it measures, as the median of several runs: the generator alone (load, validate,
render), the full `mkdocs build` with the plugin and the shipped mkdocs.yml, and a baseline
`mkdocs build` of the same Markdown written to disk beforehand, without the plugin and with
mkdocs-material's default features. It also records the build's peak memory and the gzip
weight of pages and of the search index, and times a YAML edit under `mkdocs serve --dirty`
--no-strict (as `make serve` runs it) until the served page shows the change.

    python benchmarks/bench.py [--sizes 10 100 1000] [--runs 3] [--serve-size 100]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from importlib.metadata import version
from pathlib import Path
from typing import Any

import yaml
from synthetic import write_course
from worst import table

from generator.loader import load_course
from generator.render import render_site

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def project(folder: Path, lessons: int) -> Path:
    write_course(folder, lessons)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "site_overrides", folder / "site_overrides")
    return folder


def generator_seconds(folder: Path) -> float:
    started = time.perf_counter()
    render_site(load_course(folder))
    return time.perf_counter() - started


FIRST_RUN = """
import sys, time
from pathlib import Path
from generator.loader import load_course
from generator.render import render_site
started = time.perf_counter()
render_site(load_course(Path(sys.argv[1])))
print(time.perf_counter() - started)
"""


def first_run_seconds(folder: Path) -> float:
    """The generator in a fresh process, as in one `mkdocs build`: it compiles its templates."""
    result = subprocess.run(
        [sys.executable, "-c", FIRST_RUN, str(folder)], capture_output=True, text=True, check=True
    )
    return float(result.stdout)


def timed_build(folder: Path, config: str, out: Path) -> tuple[float, float]:
    """Run one `mkdocs build`; return its seconds and its peak memory in MB."""
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(out)]
    process = subprocess.Popen(command, cwd=folder, env=ENV)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"mkdocs build failed in {folder} with {config}")
    return seconds, usage.ru_maxrss / 1024


def zensical_seconds(folder: Path, work: Path) -> tuple[float, float]:
    """Seconds to write the project for Zensical (`build --out`), and for Zensical to build it
    from a clean cache, each in a fresh process as a trainer runs them."""
    out = work / "zensical"
    started = time.perf_counter()
    write = [sys.executable, "-m", "generator", "--root", str(folder), "build", "--out", str(out)]
    subprocess.run([*write, "--force"], cwd=folder, check=True, capture_output=True)
    written = time.perf_counter()
    build = [sys.executable, "-m", "zensical", "build", "--clean"]
    subprocess.run(build, cwd=out, check=True, capture_output=True)
    return written - started, time.perf_counter() - written


def baseline_config(folder: Path) -> str:
    """The same pages, navigation and theme files, written by `build --out --for mkdocs`,
    built without the plugin and with the theme's default features."""
    command = [sys.executable, "-m", "generator", "--root", str(folder), "build", "--out", "md"]
    subprocess.run(
        [*command, "--for", "mkdocs", "--force"], cwd=folder, check=True, capture_output=True
    )
    config = yaml.safe_load((folder / "md" / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"].pop("features", None)
    (folder / "md" / "baseline.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return "md/baseline.yml"


def gzip_size(*paths: Path) -> int:
    return sum(len(gzip.compress(path.read_bytes(), 9)) for path in paths)


def weights(site: Path) -> dict[str, float]:
    """Gzip kilobytes of a lesson, a quiz (with its own script and stylesheet) and the home
    page, and the search index against the text it indexes."""
    assets = site / "assets"
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(re.sub(r"<[^>]+>", " ", doc["text"]) for doc in index["docs"])
    return {
        "lesson": gzip_size(site / "lessons" / "lesson-1.html") / 1024,
        "quiz": gzip_size(
            site / "quizzes" / "check-1.html", assets / "quiz.js", assets / "quiz.css"
        )
        / 1024,
        "home": gzip_size(site / "index.html") / 1024,
        "index": gzip_size(site / "search" / "search_index.json") / 1024,
        "text": len(gzip.compress(text.encode("utf-8"), 9)) / 1024,
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, limit: float = 60.0) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        if text in fetch(url):
            return time.perf_counter() - started
        time.sleep(0.02)
    raise SystemExit(f"{url} never showed {text!r}")


def wait_until_gone(url: str, text: str, limit: float = 60.0) -> None:
    started = time.perf_counter()
    while text in fetch(url):
        if time.perf_counter() - started > limit:
            raise SystemExit(f"{url} kept showing {text!r}")
        time.sleep(0.02)


PREVIEWS = {
    "mkdocs": [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "-a"],
    "zensical": [sys.executable, "-m", "generator", "serve", "--builder", "zensical", "--port"],
}
"""`make serve`'s preview and `coursewright serve --builder zensical`; the address follows."""


def serve_reload(folder: Path, runs: int, builder: str) -> dict[str, Any]:
    """Seconds from saving a lesson to the served page showing it; and whether a changed
    guideline title reached the scenario page that links to it."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    address = f"127.0.0.1:{port}" if builder == "mkdocs" else str(port)
    command = [*PREVIEWS[builder], address]
    server = subprocess.Popen(
        command, cwd=folder, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        page = f"{base}/lessons/lesson-1.html"
        wait_for(page, "Lesson 1:")
        lesson = folder / "content" / "lessons" / "lesson-1.yml"
        seconds: dict[str, list[float]] = {"text": [], "title": []}
        for run in range(max(runs, 5)):
            for kind, key in (("text", "summary"), ("title", "title")):
                text = lesson.read_text(encoding="utf-8")
                data = yaml.safe_load(text)
                marker = f"Edit{kind}{run}"
                data[key] = f"{data[key]} {marker}"
                lesson.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
                seconds[kind].append(wait_for(page, marker))
                lesson.write_text(text, encoding="utf-8")
                wait_until_gone(page, marker)
                time.sleep(max(1.0, seconds[kind][-1]))  # let that rebuild finish everywhere
        source = folder / "content" / "lessons" / "lesson-0.yml"
        text = source.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        data["guidelines"][0]["title"] = "Renamed guideline for the benchmark"
        source.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        wait_for(f"{base}/scenarios/scenario-0.html", "Renamed guideline for the benchmark", 20)
        source.write_text(text, encoding="utf-8")
        medians = {kind: statistics.median(values) for kind, values in seconds.items()}
        return {"median": medians, "runs": seconds, "guideline": True}
    finally:
        server.terminate()
        server.wait(timeout=20)


def measure(size: int, runs: int, work: Path) -> dict[str, Any]:
    folder = project(work / f"n{size}", size)
    first = statistics.median(first_run_seconds(folder) for _ in range(runs))
    generator_seconds(folder)  # compile the templates once, as a long-running preview has
    generator = statistics.median(generator_seconds(folder) for _ in range(max(runs, 5)))
    full = [timed_build(folder, "mkdocs.yml", work / "site") for _ in range(runs)]
    site_weights = weights(work / "site")
    zensical = [zensical_seconds(folder, work) for _ in range(runs)]
    config = baseline_config(folder)
    base = [timed_build(folder, config, work / "baseline-site") for _ in range(runs)]
    pages = len(render_site(load_course(folder)).pages)
    return {
        "lessons": size,
        "pages": pages,
        "generator": generator,
        "first": first,
        "full": statistics.median(seconds for seconds, _ in full),
        "baseline": statistics.median(seconds for seconds, _ in base),
        "zensical_write": statistics.median(write for write, _ in zensical),
        "zensical": statistics.median(build for _, build in zensical),
        "memory": max(megabytes for _, megabytes in full),
        **site_weights,
    }


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return (
        f"{cpu}, {os.cpu_count()} cores; Python {platform.python_version()}, "
        f"MkDocs {version('mkdocs')}, mkdocs-material {version('mkdocs-material')}"
    )


def report(rows: list[dict[str, Any]], serves: dict[str, dict[str, Any]], serve_size: int) -> str:
    lines = [
        "# Benchmarks",
        "",
        f"Made by `make bench` on {time.strftime('%Y-%m-%d')}: {machine()}.",
        "Synthetic courses (benchmarks/synthetic.py): lessons of about 800 words, five quiz",
        "questions per lesson, a scenario per four lessons. Times are medians; the machine is",
        "shared, so read the ratios first.",
        "",
        "| lessons | pages | generator (first run) | MkDocs full build | generator share "
        "(first run) | baseline build | MkDocs ÷ baseline | Zensical: write + build "
        "| Zensical ÷ MkDocs | peak memory | lesson page | quiz page | home page "
        "| search index ÷ text |",
        "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for row in rows:
        zensical = row["zensical_write"] + row["zensical"]
        lines.append(
            f"| {row['lessons']} | {row['pages']} "
            f"| {row['generator']:.3f} s ({row['first']:.3f} s) "
            f"| {row['full']:.2f} s | {100 * row['generator'] / row['full']:.1f} % "
            f"({100 * row['first'] / row['full']:.1f} %) "
            f"| {row['baseline']:.2f} s | {row['full'] / row['baseline']:.2f} "
            f"| {row['zensical_write']:.2f} + {row['zensical']:.2f} = {zensical:.2f} s "
            f"| {zensical / row['full']:.2f} "
            f"| {row['memory']:.0f} MB | {row['lesson']:.1f} KB | {row['quiz']:.1f} KB "
            f"| {row['home']:.1f} KB | {row['index']:.0f} ÷ {row['text']:.0f} KB "
            f"= {row['index'] / row['text']:.2f} |"
        )
    lines += [
        "",
        f"Preview at {serve_size} lessons, from saving a lesson file to the served page showing "
        "the change (polled every 20 ms):",
        "",
        "| preview | a text edit (the summary) | a title edit (the navigation changes) "
        "| a renamed guideline reached the scenario that links to it |",
        "|--|--:|--:|--|",
    ]
    names = {
        "mkdocs": "`make serve` (`mkdocs serve --dirty`)",
        "zensical": "`coursewright serve --builder zensical`",
    }
    for builder, serve in serves.items():
        text = ", ".join(f"{s:.2f}" for s in serve["runs"]["text"])
        title = ", ".join(f"{s:.2f}" for s in serve["runs"]["title"])
        lines.append(
            f"| {names[builder]} | **{serve['median']['text']:.2f} s** ({text}) "
            f"| **{serve['median']['title']:.2f} s** ({title}) "
            f"| {'yes' if serve['guideline'] else 'no'} |"
        )
    lines += ["", EXPLAINED]
    return "\n".join(lines)


EXPLAINED = """\
The generator column is load, validate and render to Markdown in a warm process (the
preview's case); the first run is a fresh process, as in one `mkdocs build`, which finds
its compiled templates in Jinja's cache (compiling them costs about 35 ms once).
Shares are of the MkDocs build.
Page weights are gzip sizes of the HTML; the quiz page adds its script and stylesheet.
The baseline builds the same Markdown and navigation with MkDocs, without the plugin and
with the theme's default features (no navigation pruning).
Zensical builds the project `coursewright build --out` writes: writing it is one run of the
generator in a fresh process; Zensical then builds every page from a clean cache
(`zensical build --clean`). Both turn each page's Markdown into HTML with Python-Markdown and
the same extensions, one page after another; Zensical fills the theme's templates with
MiniJinja, a template engine written in Rust, and writes its search index in Rust, where
MkDocs runs Jinja, its search plugin and every plugin event in Python. The course pages'
Markdown (question forms in `md_in_html` blocks, a handout of the whole course) is the
larger part of the work in both, so the two take about as long; Zensical's own figure
("Build finished in") leaves out starting Python and reading its configuration.
The MkDocs preview renders again only the pages of one item, and the handout's parts, whose
inputs changed (what they read of the course is noted when they are rendered), keeps the
theme's compiled templates and file list, and has MkDocs rebuild the pages whose Markdown or
navigation changed: a summary edit rebuilds the lesson and the home page, and then the handout
in a rebuild of its own.
Zensical's preview rebuilds from the files the course writes into its project, changed ones
only; still, a title edit there takes about as long as a full build (compare the preview
and full-build columns), as if every page that shows the navigation were built again.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--serve-size", type=int, default=100)
    parser.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coursewright-bench-") as folder:
        work = Path(folder)
        rows = []
        for size in args.sizes:
            rows.append(measure(size, args.runs, work))
            print(json.dumps(rows[-1]), flush=True)  # noqa: T201 - progress for the reader
        serves = {
            builder: serve_reload(
                project(work / f"serve-{builder}", args.serve_size), args.runs, builder
            )
            for builder in PREVIEWS
        }
    worst, within = table()
    text = report(rows, serves, args.serve_size) + WORST_HEADING + worst + "\n" + LIGHTHOUSE
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)  # noqa: T201 - the report is the output
    if not within:
        sys.exit("a worst-case input took longer than its bound")


LIGHTHOUSE = Path(__file__).with_name("lighthouse.md").read_text(encoding="utf-8")
"""Lighthouse on a quiz page, measured by hand with the site audit kit (it needs Chromium and
Node's Lighthouse, which `make bench` does not install); kept in BENCHMARKS.md by each run."""


WORST_HEADING = """
## Worst inputs

The slowest inputs found so far, each through the command an author runs, against its bound
(`benchmarks/worst.py`; `make bench` fails when one is exceeded).

"""


if __name__ == "__main__":
    main()
