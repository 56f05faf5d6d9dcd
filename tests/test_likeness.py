"""`coursewright compare`: shared runs of words, close sentences, the course's prose, the CLI."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import TEA, edit

from generator.cli import main
from generator.likeness import RUN, THRESHOLD, compare, similarity, split, words
from generator.loader import load_prose

TOO_CLOSE = [
    (
        "Most people don't want to connect with someone who has no face.",
        "Most people don't want to connect with someone that has no face, so make sure you "
        "have a profile photo.",
    ),
    (
        "Not everyone will want to connect, and that is fine.",
        "Not everyone is going to want to connect with you, and that's okay.",
    ),
    (
        "Following up is the key to networking on LinkedIn.",
        "Following up is the key to successful networking on LinkedIn.",
    ),
    (
        "Accepting a request is like saying hello.",
        "Accepting a connection request is like saying hello.",
    ),
]
"""Course sentences (left) that keep a source sentence's structure and most of its words."""
SAME_TOPIC = [
    (
        "A note that names the event gives her a reason to say yes.",
        "Be sure to cut to the chase when writing your message – there's no need for a novel "
        "explaining yourself.",
    ),
    (
        "A personal note tells them why you want to connect with them.",
        "Always personalise the invitation: a blank request tells them nothing about you.",
    ),
]
"""Course sentences (left) that share only a topic with a source sentence."""


@pytest.mark.parametrize(("course", "source"), TOO_CLOSE)
def test_a_sentence_that_keeps_the_source_structure_is_flagged(course: str, source: str) -> None:
    assert similarity(split(course)[0], split(source)[0]) >= THRESHOLD
    report = compare([("lesson.yml: why", course)], {"article.txt": source})
    assert [(m.where, m.sentence, m.source) for m in report.matches] == [
        ("lesson.yml: why", course, "article.txt")
    ]
    assert report.summary.flagged == 1


def test_close_sentences_share_no_run_but_are_still_close() -> None:
    kinds = [compare([("x", c)], {"s": s}).matches[0].kind for c, s in TOO_CLOSE]
    assert kinds == ["run", "close", "close", "close"]  # the first shares 8 words in a row


@pytest.mark.parametrize(("course", "source"), SAME_TOPIC)
def test_a_sentence_on_the_same_topic_is_not_flagged(course: str, source: str) -> None:
    assert similarity(split(course)[0], split(source)[0]) < 0.3
    assert compare([("x", course)], {"s": source}).matches == ()


def test_a_run_of_eight_words_is_flagged_and_seven_are_not() -> None:
    source = "In spring the committee decided that every member should bring cake, said Tom."
    eight = "Yesterday the committee decided that every member should bring a written report."
    seven = "Yesterday a committee decided that every member should bring a written report."
    assert [m.kind for m in compare([("x", eight)], {"s": source}).matches] == ["run"]
    assert compare([("x", seven)], {"s": source}).summary.runs == 0


def test_runs_ignore_case_punctuation_and_typographic_quotes() -> None:
    source = "Don't “send” the same note to everyone, who looks at your page!"
    course = 'don’t "Send" THE same note to everyone who looks at your page today'
    report = compare([("x", course)], {"s": source})
    assert [(m.kind, m.source_sentence) for m in report.matches] == [("run", source)]
    assert words("Follow-up’s “best” NOTE.") == ("follow", "up's", "best", "note")


def test_a_run_across_a_sentence_end_is_found() -> None:
    source = "Thank them for connecting. Then ask how their project at the museum went."
    course = "Thank them for connecting; then ask how their project went at the museum."
    assert compare([("x", course)], {"s": source}).summary.runs == 1


def test_sentences_end_at_full_stops_and_lines_but_not_inside_them() -> None:
    text = "A heading\nFirst one, e.g. this. Second one!\nIt goes\non here.\n\n“Quoted.” Done."
    assert [s.text for s in split(text)] == [
        "A heading",
        "First one, e.g. this.",
        "Second one!",
        "It goes on here.",
        "“Quoted.”",
        "Done.",
    ]


def test_the_summary_counts_compared_sentences_and_best_scores() -> None:
    texts = [("a", TOO_CLOSE[2][0]), ("b", "Too short to compare."), ("c", SAME_TOPIC[0][0])]
    summary = compare(texts, {"s": TOO_CLOSE[2][1], "t": SAME_TOPIC[0][1]}).summary
    assert (summary.sentences, summary.sources, summary.flagged) == (2, 2, 1)
    assert (summary.runs, summary.close) == (0, 1)
    assert summary.highest > 0.9
    assert summary.mean_best == pytest.approx(summary.highest / 2)
    assert str(summary) == (
        "compared 2 sentences with 2 sources: 0 shared runs of 8+ words, 1 close sentence "
        f"(threshold 0.60); highest {summary.highest:.2f}, mean best {summary.mean_best:.2f}"
    )


def test_the_prose_of_a_course_is_every_text_people_read_with_its_place() -> None:
    found = dict(load_prose(TEA))
    assert found["content/lessons/serving.yml:11:9: guidelines[0].do[0]"] == (
        "Start the first pot ten minutes before the meeting."
    )
    assert found["content/scenarios/late-guests.yml:15:11: takeaway"].startswith("Serve who")
    assert "content/course.yml:56:9: activities[0].trainer_notes[0]" in found
    texts = set(found.values())
    assert not texts & {"tea-guide", "batch-brew", "best", "poor", "host", "09:30", "single"}
    assert "The Tea Guide" not in texts  # a source's title quotes the source
    fields = {where.rsplit(": ", 1)[-1] for where in found}
    assert not [f for f in fields if f.endswith(("id", "sources", "grade", "type", "lesson"))]


def test_the_paragraphs_of_own_pages_are_prose_too(course: Path) -> None:
    edit(
        course,
        "content/course.yml",
        "glossary:",
        "pages:\n  - id: about\n    title: About\nglossary:",
    )
    (course / "content/pages").mkdir()
    page = "# About\n\nThis course was written\nfor hosts.\n\n- One item\n"
    (course / "content/pages/about.md").write_text(page, encoding="utf-8")
    found = load_prose(course)
    pages = [(where, text) for where, text in found if "pages/" in where]
    assert pages == [
        ("content/pages/about.md:1:1", "# About"),
        ("content/pages/about.md:3:1", "This course was written\nfor hosts."),
        ("content/pages/about.md:6:1", "- One item"),
    ]


def test_compare_flags_a_source_that_copies_a_course_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "guide.txt"
    source.write_text("Hosts agree: start the first pot ten minutes before the meeting.\n")
    assert main(["--root", str(TEA), "compare", str(source)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(
        f"content/lessons/serving.yml:11:9: guidelines[0].do[0]: shares {RUN}+ words in a row "
        f"with {source.as_posix()} (score "
    )
    assert out[0].endswith(
        '"Start the first pot ten minutes before the meeting." ~ '
        '"Hosts agree: start the first pot ten minutes before the meeting."'
    )
    assert out[-1].startswith("compared ")
    assert ": 1 shared run of 8+ words, 0 close sentences (threshold 0.60); highest" in out[-1]


def test_compare_passes_a_course_in_its_own_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "harbour.txt").write_text("The harbour was quiet after the storm had passed.")
    (folder / "hills.md").write_text("# Hills\n\nSheep graze on the hills above the town.")
    (folder / "photo.png").write_bytes(b"\x89PNG")  # not a text: left out
    assert main(["--root", str(TEA), "compare", str(folder), "--threshold", "0.5"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1
    assert out[0].startswith("compared ")
    assert " sentences with 2 sources: 0 shared runs of 8+ words, 0 close sentences " in out[0]
    assert "(threshold 0.50); highest " in out[0]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda folder: folder / "missing.txt", "missing.txt: no such file or folder"),
        (lambda folder: folder, "sources: no .txt or .md files in this folder"),
        (lambda folder: _write(folder / "latin1.txt", b"caf\xe9"), "latin1.txt: not UTF-8 text"),
    ],
)
def test_compare_refuses_a_source_it_cannot_read(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    make: Callable[[Path], Path],
    message: str,
) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    path = make(folder)
    assert main(["--root", str(TEA), "compare", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"coursewright: {tmp_path.as_posix()}/sources")
    assert message in captured.err
    assert len(captured.err.splitlines()) == 1


def test_compare_refuses_a_threshold_out_of_range(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(TEA), "compare", str(TEA), "--threshold", "1.5"]) == 2
    assert "--threshold 1.5: give a number above 0 and up to 1" in capsys.readouterr().err


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
