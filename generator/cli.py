"""Command line: start a course, check it, preview and build its site, write its Markdown pages
for another builder, write the JSON Schemas for editors, or compare its sentences with its
sources. The site commands run MkDocs."""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator import preview
from generator.handouts import built, chromium, print_pdfs, printed
from generator.language import languages
from generator.likeness import THRESHOLD, compare
from generator.loader import (
    Layout,
    load_course,
    load_prose,
    schema_files,
)
from generator.markup import count
from generator.models import CONTROL_CHARACTERS, MAX_TITLE
from generator.problems import ContentError, printable
from generator.project import BUILDERS, DOCS
from generator.starter import LANGUAGE, starter_files
from generator.texts import SourceError, read_sources
from generator.writer import MARKER, project, write_new


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    root = Path(args.root)
    layout = Layout(args.content_dir, args.quizzes_dir)
    try:
        return int(args.run(root, layout, args))
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        where = error.filename or getattr(args, "out", None) or root
        print(printable(f"coursewright: {where}: {error.strerror or error}"), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("coursewright: interrupted; nothing was changed", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="coursewright", description=__doc__)
    parser.add_argument("--root", default=".", help="project folder (where mkdocs.yml is)")
    parser.add_argument("--content-dir", default="content", help="course, lessons, scenarios")
    parser.add_argument("--quizzes-dir", default="quizzes", help="quiz files")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    init = commands.add_parser("init", help="start a new course in a new folder")
    init.add_argument("folder", help="the folder to create")
    init.add_argument("--title", help="the course's title (asked for when not given)")
    init.add_argument("--summary", help="what the course is about, in a sentence or two")
    init.add_argument(
        "--language", default="en", help="language of the site: en or de (others: English words)"
    )
    init.set_defaults(run=_init)
    check = commands.add_parser("check", help="validate every course file; exit 1 on problems")
    check.add_argument(
        "--strict",
        action="store_true",
        help="fail on the item-writing review's findings too, not only on problems",
    )
    check.set_defaults(run=_check)
    serve = commands.add_parser("serve", help="preview the site; it reloads when a file changes")
    serve.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (8000)")
    serve.add_argument(
        "--builder",
        choices=tuple(BUILDERS),
        default="mkdocs",
        help="preview with MkDocs and the plugin (mkdocs) or with Zensical",
    )
    serve.set_defaults(run=_serve)
    build = commands.add_parser(
        "build",
        help="build the site into site/; with --out, write a project another builder takes",
    )
    build.add_argument(
        "--out", help="folder for the project: pages, theme files, configuration (replaced)"
    )
    build.add_argument(
        "--for",
        dest="builder",
        choices=tuple(BUILDERS),
        default="zensical",
        help="with --out: the builder the configuration is for (zensical)",
    )
    build.add_argument("--force", action="store_true", help="replace a folder build did not make")
    build.add_argument(
        "--edition",
        choices=("learner", "trainer"),
        default="learner",
        help="with --out: the learners' pages (learner) or the trainer's too (trainer)",
    )
    build.set_defaults(run=_build)
    handouts = commands.add_parser(
        "handouts", help="print the handouts of both built editions to PDF (needs Chromium)"
    )
    handouts.add_argument("--site", default="site", help="the learner edition (site)")
    handouts.add_argument("--trainer-site", default="site-trainer", help="(site-trainer)")
    handouts.add_argument("--out", default="handouts", help="folder for the PDFs (handouts)")
    handouts.set_defaults(run=_handouts)
    schema = commands.add_parser("schema", help="write JSON Schemas for editor autocompletion")
    schema.set_defaults(run=_schema)
    compare = commands.add_parser("compare", help="list course sentences too close to sources")
    compare.add_argument("sources", nargs="+", metavar="SOURCE", help="a .txt/.md file or folder")
    compare.add_argument("--threshold", type=float, default=THRESHOLD, help="close from (0.6)")
    compare.set_defaults(run=_compare)
    return parser


PLUGIN_LINE = re.compile(r"^\s*-\s*coursewright\s*(?::|$)|^INHERIT:", re.MULTILINE)


def _check(root: Path, layout: Layout, args: argparse.Namespace) -> int:
    config = root / "mkdocs.yml"
    if config.is_file() and not PLUGIN_LINE.search(config.read_text(encoding="utf-8")):
        return _refuse(
            "mkdocs.yml: the coursewright plugin is not under `plugins:`, so MkDocs would "
            "build no course pages; add the line `  - coursewright` there"
        )
    course = load_course(root, layout)
    for advice in course.advice:
        print(f"warning: {advice}", file=sys.stderr)
    if course.review:
        heading = "review (errors with --strict)" if args.strict else "review"
        print(
            f"{heading}: {count(course.review, 'finding')} on item writing; silence one with "
            "`allow: {rule: reason}` where it is, or fix it (see the README):",
            file=sys.stderr,
        )
        for finding in course.review:
            print(f"  {finding}", file=sys.stderr)
        if args.strict:
            return 1
    print(
        f"ok: {count(course.lessons, 'lesson')}, {count(course.scenarios, 'scenario')}, "
        f"{count(course.quizzes, 'quiz', 'quizzes')}"
    )
    return 0


def _compare(root: Path, layout: Layout, args: argparse.Namespace) -> int:
    if not 0 < args.threshold <= 1:
        return _refuse(f"--threshold {args.threshold}: give a number above 0 and up to 1, e.g. 0.6")
    try:
        sources = read_sources(args.sources)
    except SourceError as error:
        return _refuse(str(error))
    report = compare(load_prose(root, layout), sources, args.threshold)
    for match in report.matches:
        print(printable(str(match)))
    print(report.summary)
    return 1 if report.matches else 0


def _init(root: Path, layout: Layout, args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        return _refuse(f"{args.folder} exists and is not empty; choose a new folder")
    if not LANGUAGE.match(args.language):
        return _refuse(f"--language {args.language}: give a language code such as en, de or fr")
    title = " ".join((args.title or _ask("Title of the course", "My course")).split())
    summary = args.summary or _ask("What it is about, in a sentence", "")
    if not 0 < len(title) <= MAX_TITLE or CONTROL_CHARACTERS.search(title + summary):
        return _refuse("the title needs 1 to 200 characters, and no control characters")
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        for rel, text in starter_files(title, summary, args.language).items():
            (staging / rel).parent.mkdir(parents=True, exist_ok=True)
            (staging / rel).write_text(text, encoding="utf-8", newline="\n")
        staging.chmod(0o755)
        if folder.exists():
            folder.rmdir()  # empty, checked above
        staging.rename(folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if args.language.split("-")[0] not in languages():
        print(
            f"coursewright: no words in `{args.language}` yet (it has {', '.join(languages())}); "
            "the site's own words stay English until a catalogue is added (see the README)",
            file=sys.stderr,
        )
    print(f"wrote a new course to {args.folder}; next: cd {args.folder} && coursewright serve")
    return 0


def _ask(question: str, default: str) -> str:
    """Ask on a terminal; elsewhere (a script, a test) take the default."""
    if not sys.stdin.isatty():
        return default
    hint = f" [{default}]" if default else " (Enter to fill it in later)"
    return input(f"{question}{hint}: ").strip() or default


def _mkdocs(root: Path, layout: Layout, *arguments: str) -> int:
    """Run MkDocs on the course in `root`, after a check that words problems for authors."""
    if importlib.util.find_spec("mkdocs") is None:
        return _refuse("the site needs MkDocs: pip install 'coursewright[site]'")
    if not (root / "mkdocs.yml").is_file():
        return _refuse(f"no mkdocs.yml in {root.resolve()}; start a course with coursewright init")
    load_course(root, layout)
    command = [sys.executable, "-m", "mkdocs", *arguments]
    quiet = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # a notice for MkDocs' own users
    return subprocess.run(command, cwd=root, env=quiet, check=False).returncode


def _serve(root: Path, layout: Layout, args: argparse.Namespace) -> int:
    if args.builder == "zensical":
        if importlib.util.find_spec("zensical") is None:
            return _refuse("the preview needs Zensical: pip install 'coursewright[zensical]'")
        return preview.serve(root, layout, args.port)
    return _mkdocs(root, layout, "serve", "--livereload", "-a", f"127.0.0.1:{args.port}")


def _build(root: Path, layout: Layout, args: argparse.Namespace) -> int:
    if args.out is None:
        return _mkdocs(root, layout, "build", "--strict")
    out = Path(args.out).resolve()
    for folder in (layout.content_dir, layout.quizzes_dir):
        source = (root / folder).resolve()
        if out.is_relative_to(source) or source.is_relative_to(out):
            return _refuse(f"--out {args.out} overlaps the course folder {folder}/; choose another")
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists() and not args.force:
        return _refuse(
            f"{args.out} is not empty and was not written by coursewright; "
            "pass --force to replace it"
        )
    files = project(root, layout, args.edition, args.builder)
    write_new(files, out)
    pages = sum(1 for rel in files if rel.startswith(f"{DOCS}/") and rel.endswith(".md"))
    command = "zensical build" if args.builder == "zensical" else "mkdocs build"
    print(
        f"wrote {pages} pages and {BUILDERS[args.builder]} to {args.out}; "
        f"build the site there with `{command}`"
    )
    return 0


def _handouts(root: Path, layout: Layout, args: argparse.Namespace) -> int:
    if importlib.util.find_spec("playwright") is None:
        return _refuse("handouts need Playwright: pip install playwright")
    course = load_course(root, layout)
    sites = {"learner": root / args.site, "trainer": root / args.trainer_site}
    jobs, missing = [], []
    out = root / args.out
    for audience, path, name in printed(course):
        source = built(sites[audience], path)
        if source is None:
            missing.append(f"{sites[audience]}/{path.removesuffix('.md')}.html")
        jobs.append((source, out / name))
    if missing:
        return _refuse(
            f"not built: {', '.join(missing)}; build both editions first "
            "(mkdocs build, and mkdocs build -f mkdocs-trainer.yml)"
        )
    out.mkdir(parents=True, exist_ok=True)
    print_pdfs([(s, t) for s, t in jobs if s is not None], chromium())
    print(f"wrote {len(jobs)} PDFs to {args.out}")
    return 0


def _refuse(message: str) -> int:
    print(f"coursewright: {message}", file=sys.stderr)
    return 2


def _schema(root: Path, layout: Layout, args: argparse.Namespace) -> int:
    if not (root / layout.syllabus).is_file():
        return _refuse(
            f"no course in {root.resolve()} (no {layout.syllabus}); run from the course's "
            "folder or pass --root"
        )
    for rel, text in schema_files(layout).items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        # A new file renamed over the old one: a link planted there is replaced, not followed.
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", newline="\n", dir=target.parent, delete=False
        ) as temporary:
            temporary.write(text)
        Path(temporary.name).chmod(0o644)
        Path(temporary.name).replace(target)
        print(f"wrote {rel}")
    return 0
