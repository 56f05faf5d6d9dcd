"""Write the project that `build --out` gives another builder, all or nothing: its
configuration, the pages in `docs/` and the theme files in `overrides/`; and keep a previewed
project up to date by writing only what changed."""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.deck import ASSETS as DECK_ASSETS
from generator.edition import edition, leak
from generator.loader import Layout, Parsed, load_course
from generator.problems import ContentError, Problem
from generator.project import BUILDERS, DOCS, OVERRIDES, configuration, theme_problem
from generator.render import THEME, render_site
from generator.settings import CONFIG, read_settings, theme_settings

if TYPE_CHECKING:
    from collections.abc import Mapping

    from generator.edition import Audience
    from generator.models import Course
    from generator.render import Rendered, Site

MARKER = ".coursewright-build"
"""Left in every folder `build` writes, so a later build may replace it."""
THEME_PACKAGES = {"zensical": "zensical", "mkdocs": "material"}
"""Where each builder's Material theme lives, for the languages it has words in."""

Files = dict[str, "str | Path"]
"""A project by path: a text to write, or a file to copy."""


def project(
    root: Path,
    layout: Layout,
    audience: Audience,
    builder: str,
    kept: tuple[Parsed, Rendered] | None = None,
) -> Files:
    """The course in `root` as a project for `builder`; raises ContentError for a course or a
    site setting that cannot be built. A preview passes the files it parsed and the pages it
    rendered before, which it `kept`."""
    parsed, rendered = kept or (None, None)
    course = load_course(root, layout, parsed, reviewed=False)
    own = read_settings(root) if (root / CONFIG).is_file() else {}
    theme = theme_settings(own)
    problem = theme_problem(theme.get("name", "material"))
    site = render_site(edition(course, audience), audience, rendered)
    leaked = leak(((p.path, p.markdown) for p in site.pages), course)
    if problem or (audience == "learner" and leaked):
        raise ContentError([Problem.about(CONFIG if problem else "course", str(problem or leaked))])
    custom = theme.get("custom_dir")
    places = (root / layout.content_dir, root / custom if custom else None)
    return project_files(course, site, audience, own, places, builder)


def project_files(
    course: Course,
    site: Site,
    audience: Audience,
    own: Mapping[str, Any],
    places: tuple[Path, Path | None],
    builder: str,
) -> Files:
    """Every file of the project: `places` are the course's content folder (for the files
    course.yml publishes) and the site's own theme overrides (`custom_dir`), if any."""
    content, custom = places
    theme = _tree(THEME, skip=() if audience == "trainer" else (DECK_ASSETS,))
    theme |= _tree(custom) if custom else {}  # the site's own overrides win
    files: Files = {f"{OVERRIDES}/{rel}": path for rel, path in sorted(theme.items())}
    for page in site.pages:
        files[f"{DOCS}/{page.path}"] = page.markdown
    for name in course.published():
        if name in theme:
            raise ContentError(
                [
                    Problem.about(
                        f"{content.name}/{name}", f"the site has a file of its own at {name}"
                    )
                ]
            )
        files[f"{DOCS}/{name}"] = content / name
    languages = _languages(builder, custom)
    files[BUILDERS[builder]] = configuration(own, course, site, builder, languages)
    files[MARKER] = ""
    return files


def _tree(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, Path]:
    files = (p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    tree = {p.relative_to(folder).as_posix(): p for p in files}
    return {rel: p for rel, p in tree.items() if not rel.startswith(tuple(f"{s}/" for s in skip))}


def _languages(builder: str, custom: Path | None) -> list[str]:
    """The languages of the theme's own words: the builder's, ours and the site's."""
    spec = importlib.util.find_spec(THEME_PACKAGES[builder])
    folders = (
        [Path(p) / "templates" for p in (spec.submodule_search_locations or [])] if spec else []
    )
    return languages_in([*folders, THEME, *([custom] if custom else [])])


def languages_in(folders: list[Path]) -> list[str]:
    """The languages that theme folders have words in (`partials/languages/de.html`)."""
    return [p.stem for folder in folders for p in folder.glob("partials/languages/*.html")]


BUILT = ("site", ".cache")
"""What a builder makes in the project: kept when the project is written again, so the last
built site stays until the next build replaces it."""


def write_new(files: Files, out: Path) -> None:
    """Write `files` to a new folder and put it in place of `out` when complete, so a failed
    or interrupted build never leaves a half-written folder."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the pages are for publishing
    try:
        for rel, content in files.items():
            _put(staging / rel, content)
        built = [n for n in BUILT if (out / MARKER).exists() and (out / n).is_dir()]
        for name in built:
            (out / name).rename(staging / name)
        try:
            _swap(staging, out)
        except BaseException:  # the old folder is still in place: give back what it built
            for name in built:
                (staging / name).rename(out / name)
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def sync(files: Files, out: Path, previous: Files) -> None:
    """Bring `out`, written from `previous`, up to `files`: write what changed, remove what is
    gone, so that a builder watching `out` rebuilds only from those."""
    for rel, content in files.items():
        if previous.get(rel) != content or isinstance(content, Path):
            _put(out / rel, content)
    for rel in previous.keys() - files.keys():
        (out / rel).unlink(missing_ok=True)


def _put(target: Path, content: str | Path) -> None:
    """Write one file unless it already holds `content`, which keeps its time unchanged."""
    new = content.read_bytes() if isinstance(content, Path) else content.encode("utf-8")
    if target.is_file() and target.read_bytes() == new:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, Path):
        shutil.copyfile(content, target)
    else:
        target.write_text(content, encoding="utf-8", newline="\n")


def _swap(staging: Path, out: Path) -> None:
    """Put `staging` in place of `out`."""
    if not out.exists():
        staging.rename(out)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
    retired.rmdir()  # a fresh name of our own: nothing of anyone else's is touched
    out.rename(retired)
    staging.rename(out)
    shutil.rmtree(retired, ignore_errors=True)
