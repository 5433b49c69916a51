"""Input repeated in a message stays on one line and cannot steer the terminal that shows it."""

from __future__ import annotations

import pytest

from desktop.quoting import clip, encodable, quoted, terminal_safe, visible


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[2J", "\\x1b[2J"),  # an ESC sequence that would clear the screen
        ("a\nb", "a\\x0ab"),
        ("a\u2028b", "a\\u2028b"),  # a line break to str.splitlines: it could forge a second message line
        ("a\u2029b", "a\\u2029b"),
        ("abc\u202edef", "abc\\u202edef"),  # a right-to-left override
        ("\ud800", "\\ud800"),
        ("中山市（示例）", "中山市（示例）"),
    ],
)
def test_a_quoted_value_shows_what_could_break_its_line(raw: str, shown: str) -> None:
    assert visible(raw) == shown
    assert quoted(raw) == f"“{shown}”"
    assert len(quoted(raw).splitlines()) == 1


def test_a_terminal_line_keeps_its_line_feeds_and_tabs_only() -> None:
    assert terminal_safe("a\n\tb\u2028c\x07") == "a\n\tb\\u2028c\\x07"


def test_a_long_value_is_quoted_short_saying_how_long_it_was() -> None:
    assert clip("字" * 100, 80) == "字" * 80 + "…（共 100 字）"


def test_lone_surrogates_become_the_replacement_character() -> None:
    assert encodable("a\ud800b") == "a\ufffdb"
