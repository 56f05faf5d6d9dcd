"""How close a course's sentences are to its source texts: runs of words copied word for word,
and sentences that keep a source sentence's words in its order. Authors teach their sources'
points in their own words; this finds where they did not. Pure: texts in, findings out.

A sentence's similarity to a source sentence is the geometric mean of two shares, 0 to 1 each:

- `order`: difflib's SequenceMatcher ratio over the two sentences' words, `2 * M / (a + b)`
  for `M` words matched in the same order out of `a + b` words in all: the source's structure;
- `overlap`: the share of the shorter sentence's content words (not in `STOP_WORDS`, a plural's
  `s` dropped) that the other has too: the source's points.

`similarity = sqrt(order * overlap)` is high only when both are: a sentence on the same topic in
other words shares a few content words but not their order, and one of the same small words
(`you`, `to`, `the`) shares no content. Sentences are compared whole and clause by clause (at a
colon, a semicolon or a spaced dash), since a clause can be taken from a longer sentence."""

from __future__ import annotations

import difflib
import functools
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from generator.markup import count

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence

RUN = 8
"""Words in a row that a course text and a source share: copied, whatever the rest says."""
MIN_WORDS = 6
MIN_CONTENT = 4
"""A sentence is compared for similarity from this many words, and this many content words,
up: shorter ones (a title, `Read their profile.`) are too common to call close to anything."""
THRESHOLD = 0.6
"""The similarity from which a course sentence counts as close to a source sentence."""
_STOP = """a about after again all also am an and any are as at be because been before being both
but by can could did do does doing don't each for from had has have having he her here his how i
if in into is isn't it it's its just me more most my no nor not of on once one only or other our
out over own same she should so some such than that that's the their them then there these they
this those through to too under until up us very was we were what when where which while who whom
why will with would you you'll you're your yours"""
STOP_WORDS = frozenset(_STOP.split())
"""Small English words that carry no point of their own: `overlap` leaves them out."""

Kind = Literal["run", "close"]
_TYPOGRAPHY = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-"}
)
_LINK_TARGET = re.compile(r"\]\([^()\s]*\)|https?://\S+")
"""A Markdown link's target and a bare web address: not words anyone reads as text."""
_WORD = re.compile(r"\w+(?:'\w+)*")
_SENTENCE_BREAK = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"'’”)\]]))\s+(?=\W?[^\W_a-z])")
"""After `.`, `!` or `?` (and a closing quote or bracket), before a capital letter or a digit."""
_CLAUSE_BREAK = re.compile(r"(?<=[:;])\s+|\s+[-–—]\s+")
_ENDS_SENTENCE = re.compile(r"[.!?…:;][\"'’”)\]]*$")


@dataclass(frozen=True)
class Sentence:
    """A sentence as written, and its words: case-folded, typographic quotes made plain."""

    text: str
    words: tuple[str, ...]
    clauses: tuple[Sentence, ...] = ()
    """Its parts between colons, semicolons and spaced dashes, if it has more than one."""

    @functools.cached_property
    def content(self) -> frozenset[str]:
        """The words that carry its points: not in `STOP_WORDS`, a plural's `s` dropped."""
        return frozenset(_stem(word) for word in self.words if word not in STOP_WORDS)

    @functools.cached_property
    def counts(self) -> Counter[str]:
        return Counter(self.words)

    @property
    def compared(self) -> bool:
        """Long enough to call close to another sentence."""
        return len(self.words) >= MIN_WORDS and len(self.content) >= MIN_CONTENT


@dataclass(frozen=True)
class Match:
    """A course sentence (or clause) too close to a sentence (or clause) of a source."""

    where: str
    """The course text it is in, as given, e.g. `content/lessons/x.yml:12:5: guidelines[2].why`."""
    sentence: str
    source: str
    source_sentence: str
    score: float
    """The two's similarity (see the module's description), 0 to 1."""
    kind: Kind
    """`run`: they share `RUN` or more words in a row; `close`: no run, but the threshold met."""

    def __str__(self) -> str:
        how = f"shares {RUN}+ words in a row with" if self.kind == "run" else "close to"
        return (
            f'{self.where}: {how} {self.source} (score {self.score:.2f}): "{self.sentence}" ~ '
            f'"{self.source_sentence}"'
        )


@dataclass(frozen=True)
class Summary:
    """The comparison as a whole."""

    sentences: int
    """Course sentences long enough to compare (`MIN_WORDS`, `MIN_CONTENT`)."""
    sources: int
    flagged: int
    """Course sentences with a match."""
    runs: int
    close: int
    """Matches of each kind: at most one for each course sentence and source."""
    highest: float
    mean_best: float
    """The highest similarity of any course sentence, and the mean of each one's highest."""
    threshold: float

    def __str__(self) -> str:
        runs = count(self.runs, f"shared run of {RUN}+ words", f"shared runs of {RUN}+ words")
        return (
            f"compared {count(self.sentences, 'sentence')} with {count(self.sources, 'source')}: "
            f"{runs}, {count(self.close, 'close sentence')} (threshold {self.threshold:.2f}); "
            f"highest {self.highest:.2f}, mean best {self.mean_best:.2f}"
        )


@dataclass(frozen=True)
class Report:
    """Every match, in the order of the course texts given, and the summary."""

    matches: tuple[Match, ...]
    summary: Summary


def compare(
    texts: Iterable[tuple[str, str]], sources: Mapping[str, str], threshold: float = THRESHOLD
) -> Report:
    """Compare the sentences of the course's texts, given as `(where, text)` pairs, with those
    of the sources, given as text by name. For each course sentence and source, the closest
    source sentence is a match if the two share a run of `RUN` words, or else if their
    similarity reaches `threshold`."""
    index = _Index(sources)
    matches: list[Match] = []
    bests: list[float] = []
    flagged = 0
    for where, text in texts:
        sentences = split(text)
        for sentence, runs in zip(sentences, index.shared(sentences), strict=True):
            best, found = _closest(sentence, runs, index, threshold)
            bests += [best] if sentence.compared else []
            matches += [Match(where, *match) for match in found]
            flagged += bool(found)
    summary = Summary(
        sentences=len(bests),
        sources=len(sources),
        flagged=flagged,
        runs=sum(m.kind == "run" for m in matches),
        close=sum(m.kind == "close" for m in matches),
        highest=max(bests, default=0.0),
        mean_best=sum(bests) / len(bests) if bests else 0.0,
        threshold=threshold,
    )
    return Report(tuple(matches), summary)


def similarity(a: Sentence, b: Sentence) -> float:
    """How close two sentences are, 0 to 1: `sqrt(order * overlap)` (see the module)."""
    shared = overlap(a, b)
    if not shared:
        return 0.0
    order = difflib.SequenceMatcher(None, a.words, b.words, autojunk=False).ratio()
    return math.sqrt(order * shared)


def overlap(a: Sentence, b: Sentence) -> float:
    """The share of the shorter sentence's content words that the other has too."""
    shorter, longer = sorted((a.content, b.content), key=len)
    return len(shorter & longer) / len(shorter) if shorter else 0.0


def _bound(a: Sentence, b: Sentence) -> float:
    """The most the similarity of two sentences can be (and a hair more, against rounding):
    `order` matches at most the words they share, each as often as the one that has it less."""
    shared = sum((a.counts & b.counts).values())
    return math.sqrt(overlap(a, b) * 2 * shared / (len(a.words) + len(b.words))) + 1e-9


def split(text: str) -> list[Sentence]:
    """The sentences of a text, in order. A sentence ends at `.`, `!` or `?` before a capital
    letter or a digit, and at the end of a line unless the next line goes on with a small
    letter (headings and list items need no full stop; a sentence wrapped before a capital is
    taken as two)."""
    found = []
    for block in _blocks(text):
        for part in filter(words, _SENTENCE_BREAK.split(block)):
            parts = [Sentence(c.strip(), words(c)) for c in _CLAUSE_BREAK.split(part)]
            clauses = tuple(clause for clause in parts if clause.words)
            found.append(Sentence(part.strip(), words(part), clauses if len(clauses) > 1 else ()))
    return found


def words(text: str) -> tuple[str, ...]:
    """The words of a text, case-folded, with typographic apostrophes, quotes and dashes made
    plain; punctuation, hyphens and link targets are no words: `Follow-up’s` is `follow up's`."""
    plain = _LINK_TARGET.sub(" ", text.translate(_TYPOGRAPHY)).casefold()
    return tuple(_WORD.findall(plain.replace("_", " ")))


def _blocks(text: str) -> list[str]:
    """The text's lines, each joined to the line before when it goes on with its sentence."""
    blocks: list[str] = []
    for line in (raw.strip() for raw in text.splitlines()):
        previous = blocks[-1] if blocks else ""
        if line[:1].islower() and previous and not _ENDS_SENTENCE.search(previous):
            blocks[-1] = f"{previous} {line}"
        else:
            blocks.append(line)
    return [block for block in blocks if block]


def _stem(word: str) -> str:
    """A content word as `overlap` compares it: `connections` as `connection`."""
    word = word.removesuffix("'s")
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


class _Index:
    """The sentences and clauses of the sources, found by their runs of words and content words."""

    def __init__(self, sources: Mapping[str, str]) -> None:
        self.units: list[tuple[str, Sentence]] = []
        self.runs: dict[tuple[str, ...], set[int]] = {}
        self.by_word: dict[str, set[int]] = {}
        for name in sorted(sources):
            sentences = split(sources[name])
            first = []
            for sentence in sentences:
                first.append(len(self.units))
                for unit in (sentence, *sentence.clauses):
                    for word in unit.content if unit.compared else ():
                        self.by_word.setdefault(word, set()).add(len(self.units))
                    self.units.append((name, unit))
            for run, owner in _runs(sentences):
                self.runs.setdefault(run, set()).add(first[owner])

    def shared(self, sentences: Sequence[Sentence]) -> list[set[int]]:
        """For each of a text's sentences, the source sentences it shares a run of words with."""
        found: list[set[int]] = [set() for _ in sentences]
        for run, owner in _runs(sentences):
            found[owner] |= self.runs.get(run, set())
        return found

    def near(self, unit: Sentence) -> set[int]:
        """The source sentences and clauses that share a content word with `unit`, if it is
        long enough to compare: the similarity of any other to it is 0."""
        if not unit.compared:
            return set()
        return {i for word in unit.content for i in self.by_word.get(word, ())}


def _runs(sentences: Sequence[Sentence]) -> Iterator[tuple[tuple[str, ...], int]]:
    """Each run of `RUN` words in a row, with the index of the sentence holding its middle word."""
    stream = [word for sentence in sentences for word in sentence.words]
    owners = [i for i, sentence in enumerate(sentences) for _ in sentence.words]
    for start in range(len(stream) - RUN + 1):
        yield tuple(stream[start : start + RUN]), owners[start + RUN // 2]


Found = tuple[str, str, str, float, Kind]  # a match without its place


def _closest(
    sentence: Sentence, runs: set[int], index: _Index, threshold: float
) -> tuple[float, list[Found]]:
    """The sentence's highest similarity to a source sentence, and for each source the closest
    sentence (or clause) it shares a run with, or else the closest at `threshold` or above."""
    best, chosen = 0.0, dict[str, tuple[bool, float, str, str]]()
    for unit in (sentence, *sentence.clauses):
        near = index.near(unit) | (runs if unit is sentence else set())
        for minus_bound, i in sorted((-_bound(unit, index.units[i][1]), i) for i in near):
            name, other = index.units[i]  # the most promising first
            run = unit is sentence and i in runs
            if not run and -minus_bound < threshold and -minus_bound <= best:
                continue  # can be neither the best nor a match
            score = similarity(unit, other)
            best = max(best, score)
            if (run or score >= threshold) and (
                name not in chosen or (run, score) > chosen[name][:2]
            ):
                chosen[name] = (run, score, unit.text, other.text)
    return best, [
        (text, name, other, score, "run" if run else "close")
        for name, (run, score, text, other) in sorted(chosen.items())
    ]
