"""`batch`: many answers files in; one checklist per enterprise, a summary PDF and a CSV out; bad files skipped."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli import main as cli_main
from desktop.report.batch import EXIT_NOTHING, EXIT_OK, EXIT_SOME_BAD, Progress, run_batch
from tests.report.cases import EXAMPLES

DAY = dt.date(2025, 12, 1)


def _examples(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path in EXAMPLES.glob("*.json"):
        shutil.copy(path, folder / path.name)
    return folder


def _run(inputs: list[Path], out_dir: Path, jobs: int = 1) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_batch(inputs, out_dir, jobs=jobs, lang="zh", out=out, err=err, today=DAY)
    return code, out.getvalue(), err.getvalue()


def _csv_rows(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel on Chinese Windows needs the byte-order mark"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_a_folder_of_good_files_gives_one_checklist_each_and_the_summaries(tmp_path: Path) -> None:
    code, out, err = _run([_examples(tmp_path / "in")], tmp_path / "out")
    assert code == EXIT_OK, err
    produced = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert produced == [
        "91442000MA4W8N3K2K-中山市古镇明辉灯饰有限公司（示例）.pdf",
        "91442000MA51LX7Q09-中山市南头华澜电器股份有限公司（示例）.pdf",
        "92442000MA52TR8H1U-中山市石岐小帆贸易商行（示例）.pdf",
        "汇总.csv",
        "汇总.pdf",
    ]
    assert "已生成 3 份清单" in out
    rows = _csv_rows(tmp_path / "out" / "汇总.csv")
    by_name = {row["企业名称"]: row for row in rows}
    lighting = by_name["中山市古镇明辉灯饰有限公司（示例）"]
    assert lighting["最多可申请合计（元）"] == "1710000.00"
    assert lighting["最多可申请合计（万元）"] == "171.00"
    assert "短期出口信用保险保费支持 360,000.00 元" in lighting["可申请项目"]
    assert lighting["清单文件"] == "91442000MA4W8N3K2K-中山市古镇明辉灯饰有限公司（示例）.pdf"
    summary = "".join(p.extract_text() for p in PdfReader(tmp_path / "out" / "汇总.pdf").pages)
    assert "中山市古镇明辉灯饰有限公司" in summary.replace("\n", "")
    assert "7,769,000.00" in summary


def test_bad_files_are_reported_and_skipped_and_the_rest_produced(tmp_path: Path) -> None:
    folder = _examples(tmp_path / "in")
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    (folder / "unknown.json").write_text(json.dumps({"format": "zs-trade-assessment/1", "answers": {"x": 1}}))
    code, _, err = _run([folder, tmp_path / "missing.json"], tmp_path / "out")
    assert code == EXIT_SOME_BAD
    assert "broken.json: JSON 格式错误" in err
    assert "unknown.json: answers.x: 未知的问题编号" in err
    assert "missing.json: 找不到该文件或文件夹" in err
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 4  # three checklists and the summary
    assert len(_csv_rows(tmp_path / "out" / "汇总.csv")) == 3
    summary = "".join(p.extract_text() for p in PdfReader(tmp_path / "out" / "汇总.pdf").pages)
    assert "未能处理的文件" in summary and "broken.json" in summary


def test_nothing_good_gives_exit_code_2_and_no_summary(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    code, _, err = _run([bad], tmp_path / "out")
    assert code == EXIT_NOTHING
    assert "bad.json" in err
    assert not (tmp_path / "out" / "汇总.pdf").exists()


def test_an_empty_folder_gives_exit_code_2(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, _, err = _run([tmp_path / "empty"], tmp_path / "out")
    assert code == EXIT_NOTHING
    assert "没有答卷文件" in err


def test_the_same_enterprise_twice_gets_two_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for sub in ("a", "b"):
        (folder / sub).mkdir(parents=True)
        shutil.copy(EXAMPLES / "small-trader.json", folder / sub / "small-trader.json")
    code, _, err = _run([folder], tmp_path / "out")
    assert code == EXIT_OK, err
    names = sorted(p.name for p in (tmp_path / "out").glob("92442000*.pdf"))
    assert names == [
        "92442000MA52TR8H1U-中山市石岐小帆贸易商行（示例） (2).pdf",
        "92442000MA52TR8H1U-中山市石岐小帆贸易商行（示例）.pdf",
    ]


def test_two_worker_processes_give_the_same_files_as_one(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for index in range(6):
        data = json.loads((EXAMPLES / "lighting-exporter.json").read_text(encoding="utf-8"))
        data["enterprise"]["name"] = f"中山市第{index}号灯饰有限公司"
        data["enterprise"].pop("credit_code")
        (folder / f"{index}.json").parent.mkdir(parents=True, exist_ok=True)
        (folder / f"{index}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    one = _run([folder], tmp_path / "one", jobs=1)
    two = _run([folder], tmp_path / "two", jobs=2)
    assert one[0] == two[0] == EXIT_OK
    for path in (tmp_path / "one").iterdir():
        assert (tmp_path / "two" / path.name).read_bytes() == path.read_bytes(), path.name


def test_a_name_that_looks_like_a_formula_is_defused_in_the_csv(tmp_path: Path) -> None:
    data = json.loads((EXAMPLES / "small-trader.json").read_text(encoding="utf-8"))
    data["enterprise"]["name"] = "=HYPERLINK(1)"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "f.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert _run([folder], tmp_path / "out")[0] == EXIT_OK
    assert _csv_rows(tmp_path / "out" / "汇总.csv")[0]["企业名称"] == "'=HYPERLINK(1)"


def test_an_output_folder_that_cannot_be_made_gives_exit_code_2(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = _run([EXAMPLES / "small-trader.json"], blocker / "out")
    assert code == EXIT_NOTHING
    assert "无法创建输出文件夹" in err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_redraws_in_place_on_a_terminal() -> None:
    stream = _Terminal()
    bar = Progress(stream, 4, "清单")
    for _ in range(4):
        bar.step()
    bar.finish()
    text = stream.getvalue()
    assert text.count("\r") == 4
    assert "[" + "#" * Progress.WIDTH + "] 4/4" in text
    assert text.endswith("\n")


def test_no_progress_bar_when_not_a_terminal() -> None:
    stream = io.StringIO()
    bar = Progress(stream, 2, "清单")
    bar.step()
    bar.finish()
    assert stream.getvalue() == ""


def test_the_command_line_runs_a_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli_main(["batch", str(EXAMPLES / "small-trader.json"), "--out", str(tmp_path / "out"), "--jobs", "1"])
    assert code == EXIT_OK
    assert (tmp_path / "out" / "汇总.csv").exists()


def test_the_command_line_writes_one_checklist(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "c.pdf"
    assert cli_main(["assess", str(EXAMPLES / "lighting-exporter.json"), "--pdf", str(target)], out, err) == 0
    assert target.read_bytes().startswith(b"%PDF-")


def test_a_credit_code_of_digits_only_is_written_as_it_is_never_as_a_formula(tmp_path: Path) -> None:
    """The CSV holds the text (as the workspace CSV does); `="…"` was a formula (issue 22, point 12)."""
    data = json.loads((EXAMPLES / "small-trader.json").read_text(encoding="utf-8"))
    data["enterprise"]["credit_code"] = "914420001234500021"  # valid, check digit included, digits only
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "f.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, _, err = _run([folder], tmp_path / "out")
    assert code == EXIT_OK, err
    assert _csv_rows(tmp_path / "out" / "汇总.csv")[0]["统一社会信用代码"] == "914420001234500021"


def test_a_worker_that_dies_leaves_the_checklists_already_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures.process import BrokenProcessPool

    import desktop.report.batch as batch

    def dying(jobs: list[batch.Job], workers: int) -> Iterator[batch.Done]:
        yield batch.process(jobs[0])
        raise BrokenProcessPool("killed")

    monkeypatch.setattr(batch, "_results", dying)
    code, _, err = _run([_examples(tmp_path / "in")], tmp_path / "out", jobs=2)
    assert code == EXIT_SOME_BAD
    assert "工作进程意外退出，其余 2 个文件未处理" in err
    assert len(_csv_rows(tmp_path / "out" / "汇总.csv")) == 1


def test_the_summary_carries_each_firms_claims_and_what_was_paid(tmp_path: Path) -> None:
    folder = _examples(tmp_path / "in")
    path = folder / "lighting-exporter.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["claims"] = {
        "credit_insurance": {"state": "paid", "paid_amount": "360000.00", "paid_on": "2025-11-20"},
        "aeo": {"state": "submitted", "submitted_on": "2025-11-01"},
    }
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, _, err = _run([folder], tmp_path / "out")
    assert code == EXIT_OK, err
    rows = {r["答卷文件"]: r for r in _csv_rows(tmp_path / "out" / "汇总.csv")}
    lighting = rows["lighting-exporter.json"]
    assert lighting["已拨付（元）"] == "360000.00"
    assert "短期出口信用保险保费支持 360,000.00 元 · 已拨付 360,000.00 元（2025-11-20）" in lighting["可申请项目"]
    assert "首次获得海关 AEO 认证一次性补贴 150,000.00 元 · 已提交（2025-11-01）" in lighting["可申请项目"]
    assert rows["small-trader.json"]["已拨付（元）"] == ""
