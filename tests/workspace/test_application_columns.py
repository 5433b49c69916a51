"""The workspace carries what `assess --json` carries per item (issue 13): the window (closing day, or not
yet published), the days left, the channel, and the status to confirm with what it would bring besides the
total; in the member table, its CSV and its Excel file (whose second sheet has one line per firm and item)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from desktop.cli import main as cli_main
from desktop.policy import bundled_registry
from desktop.policy.guide_registry import known_guides
from desktop.workspace import MemberRow, import_answers_files
from desktop.workspace.export import export_csv, export_xlsx
from tests.workspace.member_files import credit_code, member_answers

TODAY = dt.date(2026, 12, 1)
TRAINING = "zhongshan-2025-training"
MARK = "【培训示例】"

# (what makes the item available, its title, the deadline cell, days left, the channel) under the training guide
WINDOWS = [
    (
        {"credit_insurance_product": "general", "credit_insurance_premium": "1000000"},
        "短期出口信用保险保费支持",
        "2026-12-11",
        10,
        "承保机构代为申报",
    ),
    (
        {"equipment_purchase_total": "5000000", "equipment_upgrade_project": True},
        "新购置设备和系统奖励",
        "2027-02-19（2027-01-05 开始）",
        80,
        "网上申报",
    ),
    (
        {"aeo_first_certified": True, "aeo_certified_on": "2025-07-01"},
        "首次获得海关 AEO 认证一次性补贴",
        "2026-09-30（已截止）",
        None,
        "免申即享",
    ),
    (
        {"iso56005_first_certified": True, "iso56005_certified_on": "2025-08-15"},
        "首次通过 ISO 56005 认证一次性资助",
        "截至 2026-11-01 未见通知",
        None,
        "以申报通知为准",
    ),
]


def document(number: int, answers: dict[str, Any], guide: str | None = TRAINING) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": "zs-trade-assessment/1",
        "policy": "zhongshan-2025",
        "assessed_on": "2026-11-30",
        "enterprise": {"name": f"会员企业{number:02d}", "credit_code": credit_code(number), "town": "小榄镇"},
        "answers": {"equipment_purchase_total": "0", **answers},
    }
    if guide is not None:
        data["guide"] = guide
    return data


def imported(tmp_path: Path, documents: list[dict[str, Any]]) -> list[MemberRow]:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for number, data in enumerate(documents):
        (folder / f"{number:02d}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    registry = bundled_registry()
    result = import_answers_files([folder], registry, TODAY, guides=known_guides(registry))
    assert not result.problems
    return result.rows


def sheet_dicts(path: Path, index: int) -> list[dict[str, Any]]:
    sheet = load_workbook(path).worksheets[index]
    values = list(sheet.iter_rows(values_only=True))
    return [dict(zip(values[0], line, strict=True)) for line in values[1:]]


def csv_dicts(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


@pytest.mark.parametrize(("answers", "title", "closes", "days", "channel"), WINDOWS)
def test_each_item_applied_for_has_its_window_days_left_and_channel(
    tmp_path: Path, answers: dict[str, Any], title: str, closes: str, days: int | None, channel: str
) -> None:
    rows = imported(tmp_path, [document(1, answers)])
    export_xlsx(rows, tmp_path / "会员.xlsx", today=TODAY)
    line = next(d for d in sheet_dicts(tmp_path / "会员.xlsx", 1) if d["支持项目"] == title)
    assert (line["状态"], line["申报截止"], line["剩余天数"], line["申报方式"]) == (
        "可申请",
        MARK + closes,  # a training guide's windows are invented: every cell says so
        days,
        MARK + channel,
    )
    export_csv(rows, tmp_path / "会员.csv", today=TODAY)
    (member,) = csv_dicts(tmp_path / "会员.csv")
    assert (member["申报截止"], member["剩余天数"]) == (MARK + closes, "" if days is None else str(days))


def test_the_member_table_gives_the_soonest_window_still_to_come(tmp_path: Path) -> None:
    both = {**WINDOWS[1][0], **WINDOWS[0][0], **WINDOWS[2][0]}  # equipment, credit insurance, AEO (closed)
    rows = imported(tmp_path, [document(1, both), document(2, WINDOWS[2][0])])
    export_csv(rows, tmp_path / "会员.csv", today=TODAY)
    soonest = [(m["申报截止"], m["剩余天数"]) for m in csv_dicts(tmp_path / "会员.csv")]
    assert soonest == [(MARK + "2026-12-11", "10"), (MARK + "2026-09-30（已截止）", "")]


def test_with_the_known_guide_every_window_is_not_yet_published(tmp_path: Path) -> None:
    rows = imported(tmp_path, [document(n, member_answers(n)["answers"], guide=None) for n in range(8)])
    export_xlsx(rows, tmp_path / "会员.xlsx", today=TODAY)
    lines = sheet_dicts(tmp_path / "会员.xlsx", 1)
    assert lines
    assert {(d["申报截止"], d["剩余天数"], d["申报方式"]) for d in lines} == {
        ("截至 2026-11-30 未见通知", None, "以申报通知为准")
    }
    assert {d["申报截止"] for d in sheet_dicts(tmp_path / "会员.xlsx", 0)} == {"截至 2026-11-30 未见通知"}


def test_an_enterprise_on_the_dishonest_list_is_barred_outside_every_total(tmp_path: Path) -> None:
    """Issue 25: not "另有待确认 1,050,000.00": the items are 暂不可申请, with what they would be once the
    enterprise is off the list, in no total and nothing to apply for."""
    answers = {**WINDOWS[0][0], **WINDOWS[1][0], "on_dishonest_list": True}
    rows = imported(tmp_path, [document(1, answers), document(2, WINDOWS[0][0])])
    listed = rows[0].assessment
    assert listed.total == 0 and listed.pending_total == 0
    assert {i.id: i.amount for i in listed.barred()} == {
        "credit_insurance": Decimal("300000.00"),
        "equipment": Decimal("750000.00"),
    }
    export_xlsx(rows, tmp_path / "会员.xlsx", today=TODAY)
    firms = sheet_dicts(tmp_path / "会员.xlsx", 0)
    assert [(f["最多可申请合计（元）"], f["另有待确认（元）"]) for f in firms] == [(0, None), (300000, None)]
    assert not [d for d in sheet_dicts(tmp_path / "会员.xlsx", 1) if d["企业名称"] == "会员企业01"]
    export_csv(rows, tmp_path / "会员.csv", today=TODAY)
    assert [m["另有待确认（元）"] for m in csv_dicts(tmp_path / "会员.csv")] == ["", ""]


def test_the_workspace_says_per_item_what_assess_json_says(tmp_path: Path) -> None:
    """Status, figure, closing day and channel of every item applied for, for varied firms, match the
    command line's JSON for the same answers file (days left: to the closing day while the window is open)."""
    documents = [document(n, member_answers(n)["answers"]) for n in range(12)]
    documents.append(document(12, {**WINDOWS[0][0], "on_dishonest_list": True}))
    rows = imported(tmp_path, documents)
    export_xlsx(rows, tmp_path / "会员.xlsx", today=TODAY)
    lines = {(d["企业名称"], d["支持项目"]): d for d in sheet_dicts(tmp_path / "会员.xlsx", 1)}
    compared = 0
    for number in range(len(documents)):
        out = io.StringIO()
        path = tmp_path / "in" / f"{number:02d}.json"
        assert cli_main(["assess", str(path), "--json", "--today", TODAY.isoformat()], out, io.StringIO()) == 0
        data = json.loads(out.getvalue())
        for item in data["items"]:
            line = lines.pop((data["enterprise"]["name"], item["title"]), None)
            if item["status"] not in ("eligible", "to_confirm") or item["kind"] == "service":
                assert line is None
                continue
            assert line is not None, item["id"]
            assert line["状态"] == {"eligible": "可申请", "to_confirm": "待确认"}[item["status"]]
            assert line["金额（元）"] == (None if item["amount"] is None else float(item["amount"]))
            window = item["application"]["window"]
            closes = window["closes"] or f"截至 {data['guide']['published_on']} 未见通知"
            assert line["申报截止"].removeprefix(MARK).startswith(closes)
            if window["status"] == "open":
                assert line["剩余天数"] == window["days_left"]
            elif window["status"] in ("closed", "not_found"):
                assert line["剩余天数"] is None
            channel = {
                "insurer": "承保机构代为申报",
                "online": "网上申报",
                "automatic": "免申即享",
                "town_office": "镇街提交纸质材料",
            }
            assert line["申报方式"].removeprefix(MARK) == channel.get(item["application"]["channel"], "以申报通知为准")
            compared += 1
    assert not lines  # nothing in the sheet that the JSON does not have
    assert compared > 40


def test_the_workspace_shows_per_member_and_item_the_documents_ready_the_claims_and_what_was_paid(
    tmp_path: Path,
) -> None:
    filed = document(1, WINDOWS[0][0]) | {
        "documents": {
            "credit_insurance": {
                "application_form": {"state": "have"},
                "premium_invoice_summary": {"state": "have"},
                "bank_account_form": {"state": "help"},
            }
        },
        "claims": {"credit_insurance": {"state": "paid", "paid_amount": "300000.00", "paid_on": "2026-05-20"}},
    }
    rows = imported(tmp_path, [document(0, WINDOWS[0][0]), filed])
    plain, paid = rows
    assert (plain.documents.have, plain.documents.total, plain.claims_text("zh"), plain.paid) == (0, 6, "", None)
    assert (paid.documents.have, paid.documents.help, paid.documents.total) == (2, 1, 6)
    assert (paid.claims_text("zh"), paid.claims_text("en"), paid.paid) == ("已拨付 1", "Paid 1", Decimal("300000.00"))
    out = tmp_path / "members.csv"
    export_csv(rows, out, today=TODAY)
    table = csv_dicts(out)
    assert [(r["材料已备"], r["材料共计"], r["申报进度"], r["已拨付（元）"]) for r in table] == [
        ("0", "6", "", ""),
        ("2", "6", "已拨付 1", "300000.00"),
    ]
    book = tmp_path / "members.xlsx"
    export_xlsx(rows, book, today=TODAY)
    items = [r for r in sheet_dicts(book, 1) if r["企业名称"] == "会员企业01"]
    assert [(r["申报材料"], r["申报进度"], r["已拨付（元）"]) for r in items] == [
        ("6 项材料：已备 2，缺 3，需协助 1", "已拨付 300,000.00 元（2026-05-20）", 300000)
    ]
