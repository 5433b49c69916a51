"""The remembered choices: declared once with their types and defaults, read once, upgraded from older
layouts, and never a reason to lose another key or to stop the program."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.settings import (
    FORMAT_KEY,
    LANGUAGE,
    LAST_FOLDER,
    OPEN_ASSESSMENT,
    OPEN_PAGE,
    OPTIONS,
    WORKSPACE,
    Option,
    Settings,
    read_settings,
)
from desktop.store.set_aside import MARK, unacknowledged


def written(path: Path, values: object) -> Settings:
    path.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
    return Settings(path)


@pytest.mark.parametrize(
    ("option", "stored", "read"),
    [
        (LANGUAGE, "en", "en"),
        (LANGUAGE, "fr", "zh"),  # not a language of the program: the default
        (LANGUAGE, 1, "zh"),
        (LAST_FOLDER, "D:/会员企业", "D:/会员企业"),
        (LAST_FOLDER, ["D:/"], None),
        (OPEN_ASSESSMENT, 12, 12),
        (OPEN_ASSESSMENT, True, None),  # JSON true is a Python int: not an id
        (OPEN_ASSESSMENT, -3, None),
        (OPEN_ASSESSMENT, "12", None),
        (OPEN_PAGE, 4.5, None),
        (WORKSPACE, None, None),
    ],
)
def test_a_stored_value_of_the_wrong_type_reads_as_the_default(
    tmp_path: Path, option: Option[object], stored: object, read: object
) -> None:
    assert written(tmp_path / "settings.json", {option.key: stored}).get(option) == read


@pytest.mark.parametrize("content", ["", "{", "[1, 2]", '"zh"', "\x00\x01"])
def test_a_missing_or_damaged_file_reads_as_no_settings(tmp_path: Path, content: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="latin-1")
    found = Settings(path)
    assert [found.get(option) for option in OPTIONS] == [option.default for option in OPTIONS]
    assert Settings(tmp_path / "none.json").get(LANGUAGE) == "zh"


def test_every_option_is_declared_once_with_a_default_of_its_own_type() -> None:
    keys = [option.key for option in OPTIONS]
    assert len(keys) == len(set(keys))
    for option in OPTIONS:
        assert option.read(option.default) == option.default


def test_a_change_keeps_the_keys_it_does_not_know_and_those_another_copy_wrote(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    kept = written(path, {"language": "zh", "from_a_newer_version": {"x": 1}})
    assert kept.get(LANGUAGE) == "zh"
    # another copy of the program writes meanwhile
    path.write_text(json.dumps({"language": "zh", "from_a_newer_version": {"x": 1}, "workspace": 3}), "utf-8")
    assert kept.set(LANGUAGE.to("en"))
    assert read_settings(path) == {"language": "en", "from_a_newer_version": {"x": 1}, "workspace": 3}
    assert kept.get(WORKSPACE) == 3


def test_the_file_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    kept = written(path, {"language": "en"})
    assert kept.get(LANGUAGE) == "en"
    path.write_text(json.dumps({"language": "zh"}), encoding="utf-8")
    assert kept.get(LANGUAGE) == "en"  # what was read is kept; reading again is for a change only


def test_a_write_that_fails_is_no_error_and_the_value_is_used_until_the_end(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    kept = Settings(blocker / "settings.json")
    assert not kept.set(LANGUAGE.to("en"))
    assert kept.get(LANGUAGE) == "en"


def test_a_version_1_file_is_upgraded_and_the_store_no_longer_writes_settings(tmp_path: Path) -> None:
    """Version 1 kept the damaged database files the user had read about (`acknowledged_set_aside`, which the
    store wrote). They become marks beside the files, found with them; the key goes at the next write."""
    database = tmp_path / "assessments.db"
    read_one = tmp_path / f"assessments.db{MARK}20261201-101010"
    unread = tmp_path / f"assessments.db{MARK}20261202-101010"
    for moved in (read_one, unread):
        moved.write_bytes(b"damaged")
    path = tmp_path / "settings.json"
    kept = written(path, {"language": "en", "acknowledged_set_aside": [str(read_one), str(tmp_path / "gone")]})
    assert kept.get(LANGUAGE) == "en"
    assert unacknowledged(database) == [unread]
    assert kept.set(OPEN_ASSESSMENT.to(5))
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored == {"language": "en", "open_assessment": 5, FORMAT_KEY: "zs-trade-settings/2"}


def test_a_file_from_a_newer_version_keeps_its_marker_and_is_read(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    kept = written(path, {FORMAT_KEY: "zs-trade-settings/9", "language": "en", "new_thing": True})
    assert kept.get(LANGUAGE) == "en"
    assert kept.set(WORKSPACE.to(2))
    assert json.loads(path.read_text(encoding="utf-8"))[FORMAT_KEY] == "zs-trade-settings/9"
