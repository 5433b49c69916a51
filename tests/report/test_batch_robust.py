"""`batch` when inputs are hostile or the output folder is not empty (issue 14): one bad file never stops the batch
or its summary, nothing in --out is overwritten without --overwrite, and no link there is followed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from pathlib import Path

import pytest

from desktop.filenames import MAX_STEM_BYTES
from desktop.report.batch import EXIT_OK, EXIT_SOME_BAD, run_batch
from tests.conftest import EXAMPLES
from tests.payloads import (
    FORMULA_PAYLOADS,
    example,
    is_formula_like,
    nested,
    with_lone_surrogate,
    with_premium_null,
    write_json,
)

DAY = dt.date(2025, 12, 1)


def batch(inputs: list[Path], out_dir: Path, *, jobs: int = 1, overwrite: bool = False) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_batch(inputs, out_dir, jobs=jobs, lang="zh", out=out, err=err, today=DAY, overwrite=overwrite)
    return code, out.getvalue(), err.getvalue()


def csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


@pytest.mark.parametrize("jobs", [1, 2])
def test_bad_files_between_good_ones_never_stop_the_batch_or_its_summary(tmp_path: Path, jobs: int) -> None:
    folder = tmp_path / "in"
    write_json(folder, "1-good.json", example("lighting-exporter"))
    write_json(folder, "2-null-premium.json", with_premium_null())
    write_json(folder, "3-deep.json", nested(1_000))
    write_json(folder, "4-surrogate.json", with_lone_surrogate())
    write_json(folder, "5-good.json", example("small-trader"))
    escape = example()
    escape["enterprise"]["contact"] = "\x1b[2J\x1b]0;pwned\x07"
    write_json(folder, "6-escape.json", escape)
    code, out, err = batch([folder], tmp_path / "out", jobs=jobs)
    assert code == EXIT_SOME_BAD
    assert "Traceback" not in err and "已生成 2 份清单，4 个输入未能处理" in out
    assert "6-escape.json: enterprise.contact" in err and "\x1b" not in err and "\x07" not in err
    produced = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert "汇总.pdf" in produced and "汇总.csv" in produced and len(produced) == 4
    for name in ("2-null-premium.json", "3-deep.json", "4-surrogate.json"):
        assert name in err


def test_a_fault_of_the_program_in_one_file_is_listed_and_the_summary_still_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.report.batch as module

    real = module._process

    def faulty(job: module.Job, path: Path) -> module.Done:
        if path.name.startswith("lighting"):
            raise AssertionError("a bug")
        return real(job, path)

    monkeypatch.setattr(module, "_process", faulty)
    folder = tmp_path / "in"
    folder.mkdir()
    for source in EXAMPLES.glob("*.json"):
        shutil.copy(source, folder / source.name)
    code, _, err = batch([folder], tmp_path / "out")
    assert code == EXIT_SOME_BAD
    assert "lighting-exporter.json: 处理时出现内部错误（AssertionError）" in err
    assert len(csv_rows(tmp_path / "out" / "汇总.csv")) == 1 + 2


def test_a_second_run_into_the_same_folder_overwrites_nothing(tmp_path: Path) -> None:
    folder = write_json(tmp_path / "in", "a.json", example()).parent
    out = tmp_path / "out"
    assert batch([folder], out)[0] == EXIT_OK
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / "汇总.csv").write_text("已在 Excel 中批注", encoding="utf-8")

    code, _, err = batch([folder], out)
    assert code == EXIT_OK
    [sub] = [p for p in out.iterdir() if p.is_dir()]
    assert sub.name.startswith("批量清单-") and sub.name in err and "--overwrite" in err
    assert sorted(p.name for p in sub.iterdir()) == sorted(first)
    assert (out / "汇总.csv").read_text(encoding="utf-8") == "已在 Excel 中批注"


def test_overwrite_replaces_files_but_never_writes_through_a_link(tmp_path: Path) -> None:
    folder = write_json(tmp_path / "in", "a.json", example()).parent
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("不能被改写", encoding="utf-8")
    (out / "汇总.pdf").symlink_to(victim)
    (out / "汇总.csv").symlink_to(victim)
    code, _, err = batch([folder], out, overwrite=True)
    assert code == EXIT_OK, err
    assert victim.read_text(encoding="utf-8") == "不能被改写"
    for name in ("汇总.pdf", "汇总.csv"):
        assert not (out / name).is_symlink() and (out / name).stat().st_size > 100
    assert not [p for p in out.iterdir() if p.name.endswith(".part")]


def test_names_of_four_byte_characters_still_get_their_checklist(tmp_path: Path) -> None:
    data = example()
    data["enterprise"]["name"] = "𠀀" * 150  # 600 bytes in UTF-8, within the 200-character name limit
    folder = write_json(tmp_path / "in", "a.json", data).parent
    code, _, err = batch([folder], tmp_path / "out")
    assert code == EXIT_OK, err
    [pdf] = [p for p in (tmp_path / "out").iterdir() if p.name not in ("汇总.pdf", "汇总.csv")]
    assert len(pdf.stem.encode("utf-8")) <= MAX_STEM_BYTES and pdf.read_bytes().startswith(b"%PDF")


def test_every_cell_of_the_summary_csv_is_defused(tmp_path: Path) -> None:
    """汇总.csv once neutralised the name and items columns but not the checklist-file and answers-file ones."""
    folder = tmp_path / "in"
    for number, payload in enumerate(FORMULA_PAYLOADS):
        data = example("small-trader")
        data["enterprise"] = {"name": payload}  # no credit code: the checklist is named after the name
        write_json(folder, f"{number}.json", data)
        stem_payload = {"enterprise": {}, "answers": {}}
        write_json(folder, f"{payload.strip()}-{number}.json".replace("/", "_"), stem_payload)
    code, _, err = batch([folder], tmp_path / "out")
    assert code == EXIT_OK, err
    rows = csv_rows(tmp_path / "out" / "汇总.csv")
    assert len(rows) == 1 + 2 * len(FORMULA_PAYLOADS)
    for row in rows:
        for cell in row:
            assert not is_formula_like(cell), row
    names = {row[1] for row in rows[1:]}
    assert {f"'{p.strip()}" for p in FORMULA_PAYLOADS} <= names  # names are read stripped
    checklist, source = rows[0].index("清单文件"), rows[0].index("答卷文件")
    files = {row[checklist] for row in rows[1:]} | {row[source] for row in rows[1:]}
    assert any(cell.startswith("'=1+1") for cell in files) and any(cell.startswith("'@SUM") for cell in files)
