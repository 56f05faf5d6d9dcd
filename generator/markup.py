"""What Markdown an author may write in YAML text, and how everything else is made literal.

Allowed: emphasis (`*a*`, `_a_`, `**a**`), code spans (`` `a` ``) and links whose address starts
with `https://`, `http://` or `mailto:`. Everything else shows as the author typed it: HTML, other
links and images, attribute lists (`{: ...}`), template syntax, and lines that would start a
heading, list, quote, table or admonition.
"""

from __future__ import annotations

import re

_LINK = re.compile(r"\[([^\[\]]+)\]\(((?:https?://|mailto:)[^\s()<>\"'`\\]+)\)")
_CODE = re.compile(r"(?P<ticks>`+)(?P<code>.+?)(?P=ticks)")
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
}
_PLAIN = str.maketrans(_ESCAPES)
_BLOCK_START = re.compile(r"^([-+*](\s|$)|\d+[.)](\s|$)|[?=]{3}|:)")


_ACTIVE = re.compile(f"{_LINK.pattern}|{_CODE.pattern}")
_SPECIAL = re.compile("[" + re.escape("".join(_ESCAPES) + "`") + "]")
_IN_CELL = re.compile(_LINK.pattern)
_CELL = str.maketrans({**_ESCAPES, "`": "\\`"})


def inline(text: str, *, active: re.Pattern[str] = _ACTIVE, plain: dict[int, str] = _PLAIN) -> str:
    """Author text for one line: whitespace folded, only the allowed Markdown left active."""
    folded = " ".join(text.split())
    if not _SPECIAL.search(folded):  # most text: nothing to escape, nothing active
        return "\\" + folded if _BLOCK_START.match(folded) else folded
    pieces = []
    position = 0
    for match in active.finditer(folded):
        pieces.append(folded[position : match.start()].translate(plain))
        pieces.append(_active(match))
        position = match.end()
    pieces.append(folded[position:].translate(plain))
    result = "".join(pieces)
    return "\\" + result if _BLOCK_START.match(result) else result


def _active(match: re.Match[str]) -> str:
    label, url, ticks, code = (match.groups() + (None, None))[:4]
    if url is not None:
        return f"[{label.translate(_PLAIN)}]({url})"
    return f"{ticks}{code}{ticks}"  # Markdown shows a code span's content literally


def blocks(text: str) -> str:
    """Author text of one or more paragraphs, split at blank lines."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(inline(p) for p in paragraphs if p.strip())


def cell(text: str) -> str:
    """Author text inside a table cell, where a code span could not hold a `|`."""
    return inline(text, active=_IN_CELL, plain=_CELL)
