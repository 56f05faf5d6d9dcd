"""What Markdown an author may write in YAML text, and how everything else is made literal.

Allowed: emphasis (`*a*`, `_a_`, `**a**`), code spans (`` `a` ``), links whose address starts
with `https://`, `http://` or `mailto:`, and links to a lesson, guideline, scenario or quiz by
its id (`[text](lesson:first-lesson)`; the check reports an unknown id). Everything else shows
as the author typed it: HTML, other links and images, attribute lists (`{: ...}`), template
syntax, and lines that would start a heading, list, quote, table or admonition.

Code spans are written as `<code>` elements with their content escaped, not as Markdown code
spans: text often lands inside HTML blocks (question forms, answer keys), where the Markdown
reader splits the HTML before it sees a code span, so a `</form>` inside backticks would
otherwise end the form. Every scan here is linear in the length of the text.
"""

from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING
from urllib.parse import quote

from generator.models import paragraphs

if TYPE_CHECKING:
    from collections.abc import Sequence, Sized

KINDS_LINKED = ("lesson", "guideline", "scenario", "quiz")
"""The parts of a course that text can link to by id."""
_KINDS = "|".join(KINDS_LINKED)
_LINK = re.compile(
    rf"\[([^\[\]]+)\]\(((?:https?://|mailto:)[^\s()<>\"'`\\]+|(?:{_KINDS}):"
    r"[a-z0-9]+(?:-[a-z0-9]+)*)\)"
)
COURSE_LINK = re.compile(rf"\[[^\[\]]+\]\(({_KINDS}):([^\s()]*)\)")
"""A link to a part of the course by its id, e.g. `[the first lesson](lesson:first-lesson)`."""
PLACEHOLDER = re.compile(rf"(?<!\\)\]\(coursewright:({_KINDS})/([a-z0-9-]+)\)")
"""How `inline` writes a link to a part of the course; `render` puts the page's address in."""
_TICKS = re.compile(r"`+")
_ESCAPES = {
    "\\": "\\\\",
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "[": "\\[",
    "]": "\\]",
    "{": "\\{",
    "}": "\\}",
    "|": "\\|",
    "!": "\\!",
    "#": "\\#",
    "`": "\\`",
}
_PLAIN = str.maketrans(_ESCAPES)
_CODE = str.maketrans(
    {**_ESCAPES, **{c: "\\" + c for c in "*_()+-."}, '"': "&quot;"}
)  # inside <code> nothing is Markdown
_EMPHASIS = str.maketrans({"*": "\\*", "_": "\\_"})
_BLOCK_START = re.compile(r"^([-+*](\s|$)|\d+[.)](\s|$)|[?=]{3}|:|(?:[-*_]\s*){3,}$)")
"""Text that Markdown would read as a list, heading, admonition, tab, definition or rule."""
_SPECIAL = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")
MAX_EMPHASIS = 64
"""More `*` or `_` than this in one text and all of them show literally: deeply nested emphasis
makes the Markdown reader recurse until it fails."""


def inline(text: str) -> str:
    """Author text for one line: whitespace folded, only the allowed Markdown left active."""
    folded = " ".join(text.split())
    if folded.count("*") + folded.count("_") > MAX_EMPHASIS:
        folded = folded.translate(_EMPHASIS)
    if not _SPECIAL.search(folded):  # most text: nothing to escape, nothing active
        return _guarded(folded)
    pieces = []
    for plain, code in _code_spans(folded):
        pieces.append(_links(plain))
        if code is not None:
            pieces.append(f"<code>{code.translate(_CODE)}</code>")
    return _guarded("".join(pieces))


def _guarded(line: str) -> str:
    """A line that cannot start a Markdown block: `~~~` (a fence; `~` cannot be escaped, so it
    becomes an entity), a list marker, a rule, an admonition."""
    if line.startswith("~"):
        return "&#126;" + line[1:]
    return "\\" + line if _BLOCK_START.match(line) else line


def _code_spans(text: str) -> list[tuple[str, str | None]]:
    """Split text into (plain text, code that follows it or None). A run of backticks opens a
    code span that the next run of the same length closes; an unmatched run is plain text."""
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(text)]
    closer: list[int | None] = [None] * len(runs)
    last: dict[int, int] = {}
    for i in range(len(runs) - 1, -1, -1):  # the next run of the same length, right to left
        length = runs[i][1] - runs[i][0]
        closer[i] = last.get(length)
        last[length] = i
    parts: list[tuple[str, str | None]] = []
    position, i = 0, 0
    while i < len(runs):
        j = closer[i]
        if j is None:
            i += 1
            continue
        parts.append((text[position : runs[i][0]], text[runs[i][1] : runs[j][0]]))
        position, i = runs[j][1], j + 1
    parts.append((text[position:], None))
    return parts


def literal(text: str) -> str:
    """Text shown exactly as typed, with no Markdown at all: titles, which also appear in the
    navigation and the page head, where nothing is rendered."""
    return _guarded(" ".join(text.split()).translate(_LITERAL))


_LITERAL = str.maketrans({**_ESCAPES, "*": "\\*", "_": "\\_"})
_URL_SAFE = "/:?#@&=+$,;%~-._"


def url(address: str) -> str:
    """A web address for a Markdown link: characters Markdown or HTML would act on (brackets,
    parentheses, braces, `!`, `*`, quotes) are percent-encoded, as browsers do anyway."""
    return quote(address, safe=_URL_SAFE)


def _links(text: str) -> str:
    pieces, position = [], 0
    for match in _LINK.finditer(text):
        label, address = match.groups()
        pieces.append(text[position : match.start()].translate(_PLAIN))
        kind, _, ident = address.partition(":")
        target = f"coursewright:{kind}/{ident}" if kind in KINDS_LINKED else url(address)
        pieces.append(f"[{label.translate(_PLAIN)}]({target})")
        position = match.end()
    pieces.append(text[position:].translate(_PLAIN))
    return "".join(pieces)


_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_ITEM = re.compile(r"^(?:[-*+]|(\d{1,9})[.)])\s+(.*)$")
_LISTED = re.compile(r"^(?:- |\d+\. )")


def document(text: str) -> str:
    """A page of the author's own: headings (`## `, one level under the page's title at
    least), lists (`- `, `1. `) and paragraphs, each line's text under the rules of `inline`.
    Nothing else of Markdown or HTML is active."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = _document_block(block.splitlines())
        if out and _LISTED.match(out[-2] if len(out) > 1 else "") and _LISTED.match(lines[0]):
            out += ["<!-- -->", ""]  # two lists in a row stay two lists
        out += [*lines, ""]
    return "\n".join(out).strip("\n") + "\n"


def _document_block(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        heading, item = _HEADING.match(line.strip()), _ITEM.match(line.strip())
        if heading:
            out += ["", f"{'#' * max(2, len(heading[1]))} {inline(heading[2])}", ""]
        elif item:
            out.append(f"{item[1] + '.' if item[1] else '-'} {inline(item[2])}")
        elif _continues(out, line):
            out[-1] += " " + inline(line)
        else:
            out.append(inline(line))
    return out


def _continues(out: list[str], line: str) -> bool:
    """A line that goes on with the paragraph before it, or (indented) with its list item."""
    if not out or not out[-1] or out[-1].startswith("#"):
        return False
    return line[:1].isspace() or not _LISTED.match(out[-1])


def blocks(text: str) -> str:
    """Author text of one or more paragraphs, split at blank lines."""
    return "\n\n".join(inline(p) for p in paragraphs(text))


def href(target: str, page: str) -> str:
    """A link to `target` (a page path, optionally with #anchor) from the page `page`."""
    path, _, anchor = target.partition("#")
    here, there = page.split("/")[:-1], path.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    relative = "/".join([".."] * (len(here) - common) + there[common:])
    return f"{relative}#{anchor}" if anchor else relative


def links(items: Sequence[tuple[str, str]], page: str) -> str:
    """Comma-separated Markdown links from `page` to each (title, target)."""
    return ", ".join(f"[{literal(title)}]({href(target, page)})" for title, target in items)


def front_matter(*, searched: bool = True, **fields: str | None) -> str:
    """A YAML front matter block; values are JSON strings, which YAML reads as they are. Text
    outside ASCII stays as it is: JSON's surrogate escapes for an emoji are not YAML. Themes
    (Material's and Zensical's) write a page's `description` into an attribute without escaping
    it, so it is escaped here, once, for whichever builder reads the page. A page not
    `searched` (a printable copy of other pages) is left out of the site's search index."""
    lines = [
        f"{key}: {json.dumps(_attribute(key, ' '.join(value.split())), ensure_ascii=False)}"
        for key, value in fields.items()
        if value
    ]
    if not searched:
        lines += ["search:", "  exclude: true"]
    return "\n".join(["---", *lines, "---"]) + "\n"


def _attribute(key: str, value: str) -> str:
    return html.escape(value) if key == "description" else value


def count(items: Sized | int, noun: str, plural: str | None = None) -> str:
    """`3 questions`, `1 question`; give `plural` where adding an s is wrong."""
    number = items if isinstance(items, int) else len(items)
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def clock(minutes: int) -> str:
    """Minutes after midnight as a 24-hour time, `09:05`; past midnight it starts again."""
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"
