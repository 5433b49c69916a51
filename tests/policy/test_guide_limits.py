"""Application guides have the limits packs have, checked before they are read (issue 22, points 2–4).

Before: a guide nested 900 deep or holding a 5,000-digit integer raised RecursionError/ValueError (in the
data folder it kept the window loading for good, made every `assess` exit 1 and `batch` blame every
answers file); a 600,000-character round, 20,000 contacts, NUL/ESC/CR/LF and right-to-left overrides
were accepted; a window from 0001-01-01 to 9999-12-31 passed and made 导出日历… raise OverflowError.
"""

from __future__ import annotations

import datetime as dt
import io
import time
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.paths import user_guides_dir
from desktop.policy import bundled_registry
from desktop.policy.guide_registry import bundled_guides_folder, known_guides
from desktop.policy.guides import GuideError, load_guide_text
from desktop.wording.problems import word, words
from tests.conftest import EXAMPLES

TRAINING = (bundled_guides_folder() / "zhongshan-2025-training.toml").read_text(encoding="utf-8")
ROUND = 'round = "演示用的申报轮次（虚构的申报窗口，不是真实通知）"'
WINDOW = "window = { opens = 2026-11-16, closes = 2026-12-11 }"


def _guide(*changes: tuple[str, str], tail: str = "") -> bytes:
    """The training guide as a real guide of its own id, with the given changes."""
    text = TRAINING.replace('id = "zhongshan-2025-training"', 'id = "hostile"', 1)
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return (text + tail).encode("utf-8")


def _contacts(count: int) -> str:
    return "".join(
        f'\n[[contacts]]\nid = "c{n}"\noffice = "某局"\nseen = "2026 通知"\nsource = "网页"\n' for n in range(count)
    )


HOSTILE: dict[str, tuple[bytes, str]] = {
    "nested 900 deep": (_guide(tail="\n[extra]\nx = " + "[" * 900 + "]" * 900 + "\n"), "嵌套过深"),
    "nested 40 deep (under tomllib's own limit)": (
        _guide(tail="\n[extra]\nx = " + "[" * 40 + "]" * 40 + "\n"),
        "嵌套过深（超过 16 层）",
    ),
    "a 5,000-digit integer": (_guide(tail="\n[extra]\nx = " + "7" * 5_000 + "\n"), "位数过多"),
    "a 20-digit integer": (_guide(tail="\n[extra]\nx = " + "7" * 20 + "\n"), "数字过大"),
    "a 600,000-character round": (_guide((ROUND, 'round = "' + "轮" * 600_000 + '"')), "文件过大"),
    "a 3,000-character round": (_guide((ROUND, 'round = "' + "轮" * 3_000 + '"')), "guide.round: 文字过长"),
    "20,000 contacts": (_guide(tail=_contacts(20_000)), "文件过大"),
    "600 contacts": (_guide(tail=_contacts(600)), "contacts: 条目过多（602 项"),
    "NUL in the round": (_guide((ROUND, 'round = "轮次\\u0000"')), "U+0000"),
    "ESC in the round": (_guide((ROUND, 'round = "\\u001b[31m轮次"')), "U+001B"),
    "CR in the round": (_guide((ROUND, 'round = "轮次\\r"')), "U+000D"),
    "LF in the round": (_guide((ROUND, 'round = "轮次\\n伪造的第二行"')), "U+000A"),
    "a right-to-left override in a contact": (
        _guide(('office = "中山市商务局"', 'office = "中山市\\u202e局务商"')),
        "contacts[0].office: 含有不允许的字符 U+202E",
    ),
    "a control character in a key": (_guide(tail='\n[extra]\n"k\\u0007" = 1\n'), "字段名含有不允许的字符 U+0007"),
    "a window from 0001-01-01 to 9999-12-31": (
        _guide((WINDOW, "window = { opens = 0001-01-01, closes = 9999-12-31 }")),
        "日期 0001-01-01 不在 2000 至 2100 年之间",
    ),
    "published in 1999": (
        _guide(("published_on = 2026-11-01", "published_on = 1999-12-31")),
        "guide.published_on: 日期 1999-12-31 不在 2000 至 2100 年之间",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_guide_is_refused_in_words_naming_the_file_and_the_entry(case: str) -> None:
    content, expected = HOSTILE[case]
    packs = {"zhongshan-2025": bundled_registry().get("zhongshan-2025")}
    started = time.perf_counter()
    with pytest.raises(GuideError) as refused:
        load_guide_text(content, "指南.toml", packs)
    assert time.perf_counter() - started < 2
    assert words(refused.value.problems) and all(p.startswith("指南.toml: ") for p in words(refused.value.problems))
    assert any(expected in problem for problem in words(refused.value.problems)), words(refused.value.problems)
    assert all(len(problem) <= 400 and "\n" not in problem for problem in words(refused.value.problems))


def test_the_bundled_guides_are_within_the_limits() -> None:
    for path in bundled_guides_folder().glob("*.toml"):
        load_guide_text(path.read_bytes(), path.name, {"zhongshan-2025": bundled_registry().get("zhongshan-2025")})


@pytest.fixture
def bad_guides_in_the_data_folder() -> list[str]:
    folder = user_guides_dir()
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for number, case in enumerate(("nested 900 deep", "a 5,000-digit integer", "LF in the round")):
        content, _ = HOSTILE[case]
        name = f"bad-{number}.toml"
        (folder / name).write_bytes(content.replace(b'id = "hostile"', f'id = "hostile-{number}"'.encode()))
        names.append(name)
    return names


def test_bad_guides_in_the_data_folder_are_skipped_and_listed_and_the_others_load(
    bad_guides_in_the_data_folder: list[str],
) -> None:
    guides = known_guides()
    assert sorted(e.source for e in guides.errors) == bad_guides_in_the_data_folder
    assert {g.id for g in guides.all()} == {"zhongshan-2025-known", "zhongshan-2025-training"}


def test_assess_works_with_bad_guides_in_the_data_folder_and_lists_them(
    bad_guides_in_the_data_folder: list[str],
) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main(["assess", str(EXAMPLES / "lighting-exporter.json")], out=out, err=err)
    assert code == 0, err.getvalue()
    assert "1,710,000.00" in out.getvalue()
    listed = err.getvalue().splitlines()
    assert len(listed) == 3 and all(line.endswith("（该申报指南未使用）") for line in listed), listed
    assert [line.split(":")[0] for line in listed] == bad_guides_in_the_data_folder
    out, err = io.StringIO(), io.StringIO()
    assert main(["assess", str(EXAMPLES / "lighting-exporter.json"), "--lang", "en"], out=out, err=err) == 0
    assert all(line.endswith("(this guide file is not used)") for line in err.getvalue().splitlines())


def test_batch_assesses_every_file_with_bad_guides_in_the_data_folder_and_blames_none(
    bad_guides_in_the_data_folder: list[str], tmp_path: Path
) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = main(["batch", str(EXAMPLES), "--out", str(tmp_path / "out"), "--jobs", "1"], out=out, err=err)
    assert code == 0, err.getvalue()
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len([name for name in written if name.endswith(".pdf")]) == 4  # three checklists and the summary
    said = err.getvalue()
    assert "json" not in said.replace("答卷", "")  # no answers file blamed
    assert all(name in said for name in bad_guides_in_the_data_folder)


def test_a_checker_fault_on_one_guide_file_is_listed_not_raised(
    bad_guides_in_the_data_folder: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.policy import guide_registry

    real = guide_registry.load_guide_text

    def faulty(content: bytes, source: str, *args: object, **kwargs: object) -> object:
        if source == "bad-0.toml":
            raise RuntimeError("a bug")
        return real(content, source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(guide_registry, "load_guide_text", faulty)
    (user_guides_dir() / "bad-0.toml").write_bytes(TRAINING.replace("training", "other").encode())
    guides = known_guides()
    assert any("内部错误（RuntimeError）" in word(e.problems[0]) for e in guides.errors)
    assert guides.get("zhongshan-2025-known") is not None


def test_an_absurd_window_is_left_out_of_the_calendar_and_the_others_are_exported(tmp_path: Path) -> None:
    from dataclasses import replace

    from desktop.engine import assess, read_answers_file
    from desktop.engine.windows import upcoming_windows
    from desktop.report.calendar_file import exportable, window_events, write_calendar

    pack = bundled_registry().get("zhongshan-2025")
    answers_file, _ = read_answers_file(EXAMPLES / "lighting-exporter.json", lambda _p, _d: pack)
    guide = known_guides().get("zhongshan-2025-training")
    result = assess(
        pack, answers_file.answers, assessed_on=dt.date(2026, 12, 1), enterprise=answers_file.enterprise, guide=guide
    )
    entries = upcoming_windows([result], dt.date(2026, 12, 1))
    absurd_window = replace(entries[0].state.window, opens=dt.date(1, 1, 1), closes=dt.date(9999, 12, 31))
    absurd = replace(entries[0], state=replace(entries[0].state, window=absurd_window))
    path = tmp_path / "windows.ics"
    assert [e for e in [absurd, *entries] if not exportable(e)] == [absurd]
    write_calendar(window_events([absurd, *entries]), path)  # raised OverflowError: no file at all
    text = path.read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == len(window_events(entries)) > 0
    assert "9999" not in text and "00010101" not in text
