"""A write that fails leaves the file that was there whole (issue 22, point 8).

On a nearly full disk a valid 119,438-byte checklist became a 135,168-byte PDF that qpdf could not read,
and 另存答卷 over a valid answers file left 4,096 bytes of broken JSON, under the final names: the writers
wrote in place. Every writer of the program is run here over a good file on a disk that fills up
halfway through (`tests.full_disk`): the old file must be there byte for byte, and no temporary file
left behind; with room enough, the new content arrives whole.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.engine import Assessment, assess, read_answers_file
from desktop.engine.windows import upcoming_windows
from desktop.policy import Pack
from desktop.policy.guide_registry import known_guides
from tests.conftest import EXAMPLES, REPO, words_of
from tests.full_disk import full_disk

TODAY = dt.date(2026, 12, 1)
OLD = b"%PDF-1.4 the old, good content of the file; it must survive " * 40


def _result(pack: Pack, name: str = "lighting-exporter") -> Assessment:
    answers_file, _ = read_answers_file(EXAMPLES / f"{name}.json", lambda _p, _d: pack)
    guide = known_guides().get("zhongshan-2025-training")
    return assess(pack, answers_file.answers, assessed_on=TODAY, enterprise=answers_file.enterprise, guide=guide)


def _checklist(pack: Pack, path: Path) -> None:
    from desktop.report.checklist import write_checklist

    write_checklist(_result(pack), path, today=TODAY)


def _answers(pack: Pack, path: Path) -> None:
    from desktop.engine import write_answers_file

    answers_file, _ = read_answers_file(EXAMPLES / "appliance-maker.json", lambda _p, _d: pack)
    write_answers_file(path, answers_file)


def _stored_answers(pack: Pack, path: Path) -> None:
    from desktop.store import open_store

    store = open_store(f"sqlite:///{path.parent.parent / 'db' / 'a.db'}")
    try:
        [outcome] = store.import_files([EXAMPLES / "appliance-maker.json"])
        assert outcome.assessment_id is not None
        store.export_answers(outcome.assessment_id, path)
    finally:
        store.close()


def _summary_rows(pack: Pack) -> list[object]:
    from desktop.report.batch_summary import SummaryRow

    return [
        SummaryRow.of(_result(pack, name), f"{name}.json", "zh", TODAY)
        for name in ("lighting-exporter", "appliance-maker", "small-trader")
    ]


def _summary_csv(pack: Pack, path: Path) -> None:
    from desktop.report.batch_summary import write_summary_csv

    write_summary_csv(_summary_rows(pack) * 20, path, lang="zh")  # type: ignore[arg-type]


def _members(pack: Pack) -> list[object]:
    from desktop.policy import bundled_registry
    from desktop.workspace import import_answers_files

    return list(import_answers_files(sorted(EXAMPLES.glob("*.json")), bundled_registry(), TODAY).rows) * 20


def _workspace_csv(pack: Pack, path: Path) -> None:
    from desktop.workspace.export import export_csv

    export_csv(_members(pack), path, today=TODAY)  # type: ignore[arg-type]


def _workspace_xlsx(pack: Pack, path: Path) -> None:
    from desktop.workspace.export import export_xlsx

    export_xlsx(_members(pack), path, today=TODAY)  # type: ignore[arg-type]


def _template(pack: Pack, path: Path) -> None:
    from desktop.workspace.spreadsheet import write_template

    write_template(pack, path)


def _calendar(pack: Pack, path: Path) -> None:
    from desktop.report.calendar_file import window_events, write_calendar

    entries = upcoming_windows([_result(pack), _result(pack, "appliance-maker")] * 10, TODAY)
    write_calendar(window_events(entries), path)


def _settings(pack: Pack, path: Path) -> None:
    from desktop.settings import write_settings

    write_settings({"language": "en", "last_folder": "x" * 20_000}, path)


def _batch_file(pack: Pack, path: Path) -> None:
    from desktop.report.output_folder import OutputFolder, OutputFolderError

    try:
        OutputFolder(path.parent, overwrite=True).write(path.name, b"%PDF-1.4 new " * 2_000)
    except OutputFolderError as exc:
        raise OSError(words_of(exc)) from None


def _workspace_summary(pack: Pack, path: Path) -> None:
    from desktop.ui.workspace_window import write_summary_pdf

    write_summary_pdf(_members(pack), [], path, "zh", TODAY)  # type: ignore[arg-type]


WRITERS: dict[str, Callable[[Pack, Path], None]] = {
    "checklist PDF (保存清单 PDF…, assess --pdf)": _checklist,
    "answers file (另存答卷…)": _answers,
    "answers file exported from the database (导出答卷)": _stored_answers,
    "batch summary CSV (汇总.csv)": _summary_csv,
    "a batch output file (--overwrite)": _batch_file,
    "workspace CSV": _workspace_csv,
    "workspace Excel file": _workspace_xlsx,
    "workspace summary PDF": _workspace_summary,
    "Excel template": _template,
    "calendar (.ics)": _calendar,
    "settings": _settings,
}


# openpyxl leaves its ZipFile open when a write fails; closed when collected, it fails once more.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("what", sorted(WRITERS))
def test_a_full_disk_leaves_the_old_file_whole(
    what: str, pack: Pack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "the-file"
    target.write_bytes(OLD)
    with full_disk(monkeypatch, free=1_500), pytest.raises(Exception) as failed:
        WRITERS[what](pack, target)
    said = words_of(failed.value)
    assert isinstance(failed.value, OSError) or "空间" in said or "space" in said
    del failed
    gc.collect()  # the writer's half-made objects (openpyxl's ZipFile) go now, under this test's filter
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in folder.iterdir()) == ["the-file"]  # no temporary file left behind


@pytest.mark.parametrize("what", sorted(WRITERS))
def test_with_room_the_new_file_replaces_the_old_one_whole(what: str, pack: Pack, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "the-file"
    target.write_bytes(OLD)
    WRITERS[what](pack, target)
    written = target.read_bytes()
    assert written != OLD and len(written) > 1_500
    if what.startswith(("answers", "settings")):
        json.loads(written)
    assert sorted(p.name for p in folder.iterdir()) == ["the-file"]


WRITE_CALLS = re.compile(
    r"(?P<who>[\w.()\[\]]+)\.(?:write_bytes|write_text)\("
    r"|(?P<opener>[\w.()\[\]]+)\.open\([^)]*[\"'][wax+]"
    r"|\.save\((?P<saved>[^)]+)\)"
    r"|\bos\.open\([^)]*O_(?:WRONLY|RDWR|CREAT)"
)


def test_every_file_the_program_writes_goes_through_safe_write() -> None:
    """No writer opens its final file: only `desktop/safe_write.py` writes, into the temporary file that
    `replacing()` hands out (named `temporary` wherever it is used)."""
    found: list[str] = []
    for path in sorted((REPO / "desktop").rglob("*.py")):
        if path.name == "safe_write.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for match in WRITE_CALLS.finditer(line):
                target = match.group("who") or match.group("opener") or match.group("saved") or ""
                if target.split(",")[0].strip() != "temporary":
                    found.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert found == []
