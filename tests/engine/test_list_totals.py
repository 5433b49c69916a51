"""An imported list's total in the answers file, and the check of a typed figure against it (issue 21)."""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.engine import AnswersError, AnswersFile, answers_file_to_data, parse_answers_data, read_answers_file
from desktop.engine.list_totals import ListTotal, list_mismatches, source_text
from desktop.policy import Pack
from desktop.wording.problems import words
from tests.conftest import EXAMPLES

LISTS = {
    "premium_invoices": {
        "total": "1180000.00",
        "source": "保费发票汇总2025.csv",
        "imported_at": "2026-12-05T10:12:00+08:00",
        "counted": 12,
        "left_out": 2,
    }
}


def _lighting(**more: object) -> dict[str, object]:
    data: dict[str, object] = json.loads((EXAMPLES / "lighting-exporter.json").read_text(encoding="utf-8"))
    data.update(more)
    return data


def test_the_answers_file_carries_the_lists_and_gives_them_back_unchanged(pack: Pack) -> None:
    answers_file, _ = parse_answers_data(_lighting(lists=LISTS), lambda _p, _d: pack)
    total = answers_file.lists["premium_invoices"]
    assert total == ListTotal(
        "premium_invoices",
        Decimal("1180000.00"),
        "保费发票汇总2025.csv",
        dt.datetime(2026, 12, 5, 2, 12, tzinfo=dt.UTC),
        12,
        2,
    )
    again, _ = parse_answers_data(answers_file_to_data(answers_file), lambda _p, _d: pack)
    assert again.lists == answers_file.lists
    assert "lists" not in answers_file_to_data(AnswersFile())  # none imported: no key


@pytest.mark.parametrize(
    ("lists", "expected"),
    [
        ({"machines": {"total": "1"}}, "lists.machines: 政策包 zhongshan-2025 中没有这份清单"),
        (
            {"premium_invoices": {"total": "1,180,000"}},
            "lists.premium_invoices.total: “1,180,000”不是答卷文件的金额写法",
        ),
        ({"premium_invoices": {"total": "-5"}}, "lists.premium_invoices.total: 金额不能为负数"),
        ({"premium_invoices": {"total": "1", "counted": -1}}, "lists.premium_invoices.counted: 应为 0 至"),
        (
            {"premium_invoices": {"total": "1", "imported_at": "2026-12-05"}},
            "lists.premium_invoices.imported_at: 应为带时区",
        ),
        ({"premium_invoices": {"total": "1", "source": "a\nb"}}, "lists.premium_invoices.source: 不能含有换行"),
        ({"premium_invoices": {"total": "1", "rows": []}}, "lists.premium_invoices.rows: 未知的字段"),
        ({"premium_invoices": []}, "lists.premium_invoices: 应为对象"),
        ([], "lists: 应为对象"),
    ],
)
def test_a_bad_list_entry_is_refused_naming_the_field(pack: Pack, lists: object, expected: str) -> None:
    with pytest.raises(AnswersError) as refused:
        parse_answers_data(_lighting(lists=lists), lambda _p, _d: pack)
    assert any(p.startswith(expected) for p in words(refused.value.problems)), words(refused.value.problems)


def _total(amount: str) -> ListTotal:
    return ListTotal("premium_invoices", Decimal(amount), "保费发票汇总2025.csv", None, 12, 2)


def test_a_typed_figure_that_is_not_the_lists_total_is_named_with_both_amounts(pack: Pack) -> None:
    answers = {"credit_insurance_product": "general", "credit_insurance_premium": Decimal("1200000.00")}
    assert list_mismatches(pack, answers, [_total("1200000.00")]) == ()
    (found,) = list_mismatches(pack, answers, [_total("1180000.00")])
    assert found.question == "credit_insurance_premium"
    assert found.text("zh") == (
        "「2025 年实际缴纳的年度保费（元）」填写为 1,200,000.00 元，与导入的保费发票汇总（保费发票汇总2025.csv）"
        "合计 1,180,000.00 元 不一致"
    )
    assert found.text("en") == (
        "'Annual premium actually paid in 2025 (yuan)' is 1,200,000.00 yuan, but the imported Premium invoice summary "
        "(保费发票汇总2025.csv) totals 1,180,000.00 yuan"
    )


def test_an_answer_cleared_after_the_import_is_flagged_and_a_question_not_asked_is_not(pack: Pack) -> None:
    (found,) = list_mismatches(pack, {"credit_insurance_product": "general"}, [_total("1180000.00")])
    assert found.typed is None and "未填写" in found.text("zh")
    assert list_mismatches(pack, {"credit_insurance_product": "none"}, [_total("1180000.00")]) == ()


def test_where_the_figure_came_from_reads_as_a_clerk_says_it(pack: Pack) -> None:
    total = ListTotal(
        "premium_invoices", Decimal("1"), "保费.csv", dt.datetime(2026, 12, 5, 2, 0, tzinfo=dt.UTC), 1980, 20
    )
    assert source_text(pack, total, "zh").startswith("来自保费发票汇总（保费.csv，2026-12-05 导入）")
    assert source_text(pack, total, "zh").endswith("：计入 1,980 行，未计入 20 行")
    assert source_text(pack, total, "en").endswith(": rows counted 1,980, left out 20")


def _answers_file(tmp_path: Path, premium: str) -> Path:
    data = _lighting(lists=LISTS)
    data["answers"]["credit_insurance_premium"] = premium  # type: ignore[index]
    data["documents"] = {"credit_insurance": {"application_form": {"state": "missing"}}}
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_dossier_command_names_a_figure_that_disagrees_and_writes_all_the_same(tmp_path: Path, lang: str) -> None:
    answers = _answers_file(tmp_path, "1200000.00")
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["--lang", lang, "dossier", str(answers), "--out", str(tmp_path / "out"), "--today", "2026-12-06"], out, err
    )
    assert code == 0, err.getvalue()
    lines = err.getvalue().splitlines()
    if lang == "zh":
        assert lines[0] == (
            "answers.json: 注意：「2025 年实际缴纳的年度保费（元）」填写为 1,200,000.00 元，与导入的保费发票汇总"
            "（保费发票汇总2025.csv）合计 1,180,000.00 元 不一致"
        )
        assert lines[1].startswith("以上填写的金额与导入的清单合计不一致")
    else:
        assert lines[0].startswith(
            "answers.json: note: 'Annual premium actually paid in 2025 (yuan)' is 1,200,000.00 yuan"
        )
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 1


def test_a_figure_equal_to_its_list_prints_no_note(tmp_path: Path) -> None:
    answers = _answers_file(tmp_path, "1180000.00")
    out, err = io.StringIO(), io.StringIO()
    assert main(["dossier", str(answers), "--out", str(tmp_path / "out"), "--today", "2026-12-06"], out, err) == 0
    assert err.getvalue() == ""
    err = io.StringIO()
    pdf = tmp_path / "checklist.pdf"
    assert main(["assess", str(_answers_file(tmp_path, "1.00")), "--pdf", str(pdf)], io.StringIO(), err) == 0
    assert "注意：「2025 年实际缴纳的年度保费（元）」填写为 1.00 元" in err.getvalue() and pdf.exists()


def test_reading_the_file_keeps_the_lists(tmp_path: Path, pack: Pack) -> None:
    answers_file, _ = read_answers_file(_answers_file(tmp_path, "1.00"), lambda _p, _d: pack)
    assert set(answers_file.lists) == {"premium_invoices"}
