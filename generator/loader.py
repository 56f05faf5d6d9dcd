"""Read a course's YAML files into checked models, or raise one ContentError with every problem."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import json
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel, ValidationError

from generator.models import COURSE_FILE, ID_PATTERN, Course, Lesson, Scenario
from generator.problems import ContentError, Problem, explain, field_name
from generator.prose import placed
from generator.questions import Quiz
from generator.references import Finding, check_references
from generator.review import review
from generator.source import MAX_BYTES, Document, read, read_text
from generator.syllabus import Syllabus

if TYPE_CHECKING:
    from collections.abc import Iterator

    from generator.models import FileKey
    from generator.problems import Loc

M = TypeVar("M", bound=BaseModel)
YAML_SUFFIXES = (".yml", ".yaml")
MISSING_SYLLABUS = (
    "missing: every course needs this file, with at least `id`, `title`, `summary`, "
    "`audience`, `outcomes` and `lessons`"
)
BAD_FILE_NAME = (
    "rename the file: its name is its id, in lowercase words joined by hyphens, "
    "e.g. `first-lesson.yml` (and not `index`)"
)


@dataclass(frozen=True)
class Layout:
    """Where a course keeps its files, relative to the project root."""

    content_dir: str = "content"
    quizzes_dir: str = "quizzes"

    @property
    def syllabus(self) -> str:
        return f"{self.content_dir}/course.yml"

    @property
    def lessons(self) -> str:
        return f"{self.content_dir}/lessons"

    @property
    def scenarios(self) -> str:
        return f"{self.content_dir}/scenarios"


Parsed = dict[str, tuple[bytes, Document, BaseModel]]
"""Files loaded before, by path, with a digest of their bytes then: a preview keeps one across
rebuilds, so that an unchanged file is not parsed and validated again."""


def load_course(
    root: Path, layout: Layout | None = None, parsed: Parsed | None = None, *, reviewed: bool = True
) -> Course:
    """Load, validate and cross-check every course file below `root`; with `parsed`, take
    unchanged files from there and leave each file that loaded in it. The item-writing review
    is for `check`: `reviewed=False` leaves it out (a site build does not show it)."""
    reader = _Reader(root, layout or Layout(), parsed=parsed, reviewed=reviewed)
    with _fewer_collections():
        return reader.course()


def load_prose(root: Path, layout: Layout | None = None) -> list[tuple[str, str]]:
    """Every text of the course a learner or trainer reads, with its `path:line:col: field`,
    placed in the files as they were parsed for loading (see `prose.placed`)."""
    reader = _Reader(root, layout or Layout())
    with _fewer_collections():
        course = reader.course()
    return placed(
        course, reader.layout.content_dir, lambda f, loc: reader.documents[f].position(loc)
    )


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """Collect garbage less often while loading: the models kept from thousands of files made
    the cycle collector rescan them again and again (0.9 s instead of 0.6 s for 1,450 files)."""
    thresholds = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


@dataclass
class _Reader:
    root: Path
    layout: Layout
    problems: list[Problem] = field(default_factory=list)
    documents: dict[FileKey, Document] = field(default_factory=dict)
    """Parsed files by kind and id, e.g. `("lesson", "intro")`."""
    broken: list[FileKey] = field(default_factory=list)
    """Files that exist but did not load."""
    parsed: Parsed | None = None
    """Files loaded before, kept across a preview's rebuilds; None: read every file."""
    reviewed: bool = True

    def course(self) -> Course:
        """Load every file, then check references among those that loaded: one run reports
        the problems of each file and those between files."""
        syllabus = self.syllabus()
        lessons = self.folder(self.layout.lessons, "lesson", Lesson)
        scenarios = self.folder(self.layout.scenarios, "scenario", Scenario)
        quizzes = self.folder(self.layout.quizzes_dir, "quiz", Quiz)
        files = {key: document.path for key, document in self.documents.items()}
        stand_in = syllabus or _stand_in(list(lessons))
        course = _assemble(stand_in, lessons, scenarios, quizzes, files)
        course = dataclasses.replace(course, texts=self.own_pages(stand_in))
        listed: list[tuple[FileKey, Loc, str]] = [
            (COURSE_FILE, ("files", i), name) for i, name in enumerate(stand_in.files)
        ]
        listed += [
            (COURSE_FILE, ("activities", i, "handouts", j), name)
            for i, activity in enumerate(stand_in.activities)
            for j, name in enumerate(activity.handouts)
        ]
        own = [f"pages/{entry.id}.md" for entry in stand_in.pages]
        self.problems += self.strays([*course.published(), *own])
        self.problems += self.listed_files(listed + course.pictures())
        findings = check_references(course, self.broken)
        self.problems += [self.locate(f) for f in findings if not f.warning]
        if self.problems:
            raise ContentError(self.problems)
        advice = sorted(str(self.locate(f)) for f in findings if f.warning)
        found = review(course) if self.reviewed else []
        flagged = sorted(map(self.locate, found), key=lambda p: (p.path, p.line or 0))
        return dataclasses.replace(course, advice=tuple(advice), review=tuple(map(str, flagged)))

    def syllabus(self) -> Syllabus | None:
        path = self.root / self.layout.syllabus
        if path.exists() or path.is_symlink():
            return self.file(self.layout.syllabus, Syllabus, COURSE_FILE)
        self.problems.append(Problem.about(self.layout.syllabus, self.missing_syllabus()))
        self.broken.append(COURSE_FILE)
        return None

    def missing_syllabus(self) -> str:
        """Say where the course root is when `check` runs from inside it."""
        for parent in self.root.resolve().parents:
            if (parent / self.layout.syllabus).is_file():
                return (
                    f"{MISSING_SYLLABUS}; the course is in {parent}: run from there or pass --root"
                )
        return MISSING_SYLLABUS

    def locate(self, finding: Finding) -> Problem:
        document = self.documents[finding.file]
        line, column = document.position(finding.loc)
        message = finding.message
        if finding.also:
            first = self.documents[finding.also[0]]
            message += f" (first used at {first.path}:{first.position(finding.also[1])[0]})"
        return Problem(document.path, line, column, field_name(finding.loc), message)

    def file(self, rel: str, model: type[M], key: FileKey) -> M | None:
        """The file as a model, or None if it has any problem of its own (then its model is
        left out of the course, and the reference check counts the file as broken)."""
        signature, earlier = None, None
        if self.parsed is not None:  # a preview: an unchanged file is taken as it was
            signature, earlier = _signature(self.root / rel), self.parsed.get(rel)
        if earlier and earlier[0] == signature and isinstance(earlier[2], model):
            self.documents[key] = earlier[1]
            return earlier[2]
        known, loaded = len(self.problems), None
        document = read(self.root, rel, self.problems)
        if document is not None:
            self.documents[key] = document
            try:
                loaded = model.model_validate(document.data)
            except ValidationError as error:
                self.problems.extend(explain(document, model, error))
            finally:
                document.data = None  # the model holds it now; fewer objects for the collector
        if loaded is None or len(self.problems) > known:
            self.broken.append(key)
            return None
        if self.parsed is not None and document is not None and signature is not None:
            self.parsed[rel] = (signature, document, loaded)
        return loaded

    def folder(self, folder: str, kind: str, model: type[M]) -> dict[str, M]:
        path = self.root / folder
        try:
            entries = sorted(path.iterdir()) if path.is_dir() else []
        except OSError as error:
            self.problems.append(Problem.about(folder, f"cannot be read: {error.strerror}"))
            entries = []
        names = [p.name for p in entries if p.suffix in YAML_SUFFIXES]
        for entry in entries:  # `lesson.YML` would be ignored without a word
            if entry.suffix.lower() in YAML_SUFFIXES and entry.suffix not in YAML_SUFFIXES:
                rel = f"{folder}/{entry.name}"
                self.problems.append(Problem.about(rel, "rename it to end in lowercase `.yml`"))
                self.broken.append((kind, entry.stem))
        found: dict[str, M] = {}
        for name in names:
            rel, slug = f"{folder}/{name}", Path(name).stem
            if not re.match(ID_PATTERN, slug) or slug == "index":
                self.problems.append(Problem.about(rel, BAD_FILE_NAME))
                self.broken.append((kind, ""))  # its id is unknown until it is renamed
            elif slug in found:
                self.problems.append(
                    Problem.about(
                        rel, f"a file named `{slug}` with another ending exists too; keep one"
                    )
                )
            elif (loaded := self.file(rel, model, (kind, slug))) is not None:
                found[slug] = loaded
        return found

    def strays(self, listed: list[str]) -> list[Problem]:
        """Report files in the content folder that are not part of the course: YAML the course
        would silently ignore, and anything else that is not listed under `files:`."""
        content = self.root / self.layout.content_dir
        known = {f"{self.layout.content_dir}/{name}" for name in listed}
        yaml_message = (
            f"not part of the course: only `{self.layout.syllabus}` belongs here; put lessons "
            f"in `{self.layout.lessons}/` and scenarios in `{self.layout.scenarios}/`"
        )
        problems = []
        for rel in _files_below(content, self.root):
            if rel in known or _course_file(rel, self.layout):
                continue
            if Path(rel).suffix.lower() in YAML_SUFFIXES:
                problems.append(Problem.about(rel, yaml_message))
            elif Path(rel).suffix.lower() == ".md":
                problems.append(Problem.about(rel, OWN_PAGE))
            else:
                problems.append(Problem.about(rel, NOT_PUBLISHED))
        return problems

    def own_pages(self, syllabus: Syllabus) -> dict[str, str]:
        """The Markdown of each page of the author's own, `content/pages/<id>.md`."""
        texts = {}
        for i, entry in enumerate(syllabus.pages):
            rel = f"{self.layout.content_dir}/pages/{entry.id}.md"
            if not (self.root / rel).exists():
                line, column = self.documents[COURSE_FILE].position(("pages", i, "id"))
                message = f"no file `{rel}`; write the page there, in Markdown"
                self.problems.append(
                    Problem(self.layout.syllabus, line, column, f"pages[{i}].id", message)
                )
            elif (text := read_text(self.root, rel, self.problems)) is not None:
                texts[entry.id] = text
        return texts

    def listed_files(self, places: list[tuple[FileKey, Loc, str]]) -> list[Problem]:
        """Each file listed under `files:`, and each picture shown, exists inside the course
        and is a plain file."""
        problems = []
        content = self.root / self.layout.content_dir
        for key, loc, name in places:
            path = content / name
            where = self.documents[key]
            line, column = where.position(loc)
            if not _inside(path, self.root):
                message = "links outside the course; copy the file into the content folder"
            elif not path.is_file():
                message = f"no file `{self.layout.content_dir}/{name}`; check the path"
            else:
                continue
            problems.append(Problem(where.path, line, column, field_name(loc), message))
        return problems


OWN_PAGE = (
    "a Markdown page is published only as a page of your own: put it in the `pages/` folder "
    "and list it under `pages:` in course.yml (`- id: <file name>` and `title:`)"
)
NOT_PUBLISHED = (
    "not part of the course, so it is not published; list it under `files:` in course.yml to "
    "publish it as it is, or move it out of the content folder"
)


def _signature(path: Path) -> bytes | None:
    """A digest of a plain file's bytes, which tells a changed file even where the file
    system's clock is coarse; None for a link or an oversized file, read afresh each time."""
    try:
        found = path.lstat()
        if not stat.S_ISREG(found.st_mode) or found.st_size > MAX_BYTES:
            return None
        return hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
    except OSError:
        return None


def _files_below(folder: Path, root: Path) -> list[str]:
    """Every file below `folder` (dot-files and dot-folders left out), relative to `root`."""
    found = []
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or path.is_dir():
            continue
        found.append(rel.as_posix())
    return found


def _course_file(rel: str, layout: Layout) -> bool:
    """A file the course itself reads or writes: course.yml, lessons, scenarios, schemas."""
    folder, _, name = rel.rpartition("/")
    if rel == layout.syllabus or (folder == layout.content_dir and name.endswith(".schema.json")):
        return True
    return (
        folder in (layout.lessons, layout.scenarios) and Path(name).suffix.lower() in YAML_SUFFIXES
    )


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a link that leads back to itself
        return False


def _stand_in(lessons: list[str]) -> Syllabus:
    """A syllabus for checking the other files when course.yml is missing or broken."""
    return Syllabus.model_construct(
        id="",
        title="",
        summary="",
        audience="",
        outcomes=[],
        lessons=lessons,
        formats=[],
        perspectives=[],
        sources=[],
        glossary=[],
        files=[],
    )


def _assemble(
    syllabus: Syllabus,
    lessons: dict[str, Lesson],
    scenarios: dict[str, Scenario],
    quizzes: dict[str, Quiz],
    files: dict[FileKey, str],
) -> Course:
    """Order lessons as the syllabus lists them, quizzes by lesson, and scenarios by perspective,
    then in teaching order: by the first guideline they apply, as the lessons teach them."""
    order = [slug for slug in syllabus.lessons if slug in lessons]
    order += [slug for slug in lessons if slug not in order]
    lesson_rank = {slug: i for i, slug in enumerate(order)}
    view_rank = {view.id: i for i, view in enumerate(syllabus.perspectives)}
    taught = [g.id for slug in order for g in lessons[slug].guidelines]
    guideline_rank = {ident: i for i, ident in reversed(list(enumerate(taught)))}

    def by_view(item: tuple[str, Scenario]) -> tuple[int, int]:
        ranks = [guideline_rank.get(g, len(taught)) for g in item[1].guidelines]
        return view_rank.get(item[1].perspective or "", len(view_rank)), min(
            ranks, default=len(taught)
        )

    def by_lesson(item: tuple[str, Quiz]) -> int:
        return lesson_rank.get(item[1].lesson or "", len(lesson_rank))

    return Course(
        syllabus=syllabus,
        lessons={slug: lessons[slug] for slug in order},
        scenarios=dict(sorted(scenarios.items(), key=by_view)),
        quizzes=dict(sorted(quizzes.items(), key=by_lesson)),
        files=files,
    )


def schema_files(layout: Layout | None = None) -> dict[str, str]:
    """JSON Schema text for each kind of course file, by path relative to the project root."""
    layout = layout or Layout()
    kinds: dict[str, type[BaseModel]] = {
        f"{layout.content_dir}/course.schema.json": Syllabus,
        f"{layout.content_dir}/lesson.schema.json": Lesson,
        f"{layout.content_dir}/scenario.schema.json": Scenario,
        f"{layout.quizzes_dir}/quiz.schema.json": Quiz,
    }
    return {
        path: json.dumps(
            {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                **model.model_json_schema(),
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
        for path, model in kinds.items()
    }
