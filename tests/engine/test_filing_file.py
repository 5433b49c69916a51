"""The application records in an answers file (issues 20 and 21): documents with their states and files,
claims followed to the money, amounts received elsewhere. Read strictly, written back unchanged, shown
by `assess --json`; a bad entry is refused in one line naming the file and the field."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from desktop.engine import answers_file_to_data, parse_answers_data
from desktop.engine.filing import Claim, DocumentRecord, Filing, Progress, progress, tracked_documents
from desktop.engine.filing_file import claim_problems, path_problem
from desktop.policy import Pack
from tests.engine.test_cli import lighting, run, write

TODAY = "2026-12-06"

PAID = {
    "state": "paid",
    "submitted_on": "2026-03-10",
    "reference": "YCFZ-2026-000123",
    "paid_amount": "360000.00",
    "paid_on": "2026-05-20",
    "note": "中国信保代为申报",
}


def with_filing(**parts: Any) -> dict[str, Any]:
    data = lighting()
    data.update(parts)
    return data


def problems_of(tmp_path: Path, data: dict[str, Any]) -> list[str]:
    code, out, err = run("assess", str(write(tmp_path, data)), "--today", TODAY)
    assert code == 2 and out == "", (code, out, err)
    return err.splitlines()


def test_a_paid_claim_round_trips_unchanged_and_shows_in_assess_json(tmp_path: Path, pack: Pack) -> None:
    data = with_filing(claims={"credit_insurance": PAID})
    answers_file, _ = parse_answers_data(data, lambda _p, _d: pack)
    assert answers_file.filing.claims["credit_insurance"] == Claim(
        state="paid",
        submitted_on=dt.date(2026, 3, 10),
        reference="YCFZ-2026-000123",
        paid_amount=Decimal("360000.00"),
        paid_on=dt.date(2026, 5, 20),
        note="中国信保代为申报",
    )
    assert answers_file_to_data(answers_file)["claims"] == {"credit_insurance": PAID}
    code, out, _ = run("assess", str(write(tmp_path, data)), "--json", "--today", TODAY)
    assert code == 0
    items = {i["id"]: i for i in json.loads(out)["items"]}
    assert items["credit_insurance"]["claim"] == PAID
    assert items["aeo"]["claim"] is None
    assert items["credit_insurance"]["claim_text"].startswith("投保“一般企业类”")


def test_documents_round_trip_and_assess_json_gives_id_text_state_and_files(tmp_path: Path, pack: Pack) -> None:
    documents = {
        "credit_insurance": {
            "premium_invoice_summary": {"state": "have", "files": ["files/保费发票汇总.pdf"]},
            "bank_account_form": {"state": "help", "note": "等银行盖章", "files": []},
            "extra_statement": {"state": "have", "title": "中国信保出具的情况说明", "files": ["files/说明.jpg"]},
        }
    }
    data = with_filing(documents=documents)
    answers_file, _ = parse_answers_data(data, lambda _p, _d: pack)
    assert answers_file_to_data(answers_file)["documents"] == documents
    code, out, _ = run("assess", str(write(tmp_path, data)), "--json", "--today", TODAY)
    assert code == 0
    credit = {i["id"]: i for i in json.loads(out)["items"]}["credit_insurance"]
    by_id = {d["id"]: d for d in credit["documents"]}
    assert by_id["premium_invoice_summary"] == {
        "id": "premium_invoice_summary",
        "text": "中国信保出具的保费发票汇总表",
        "state": "have",
        "note": "",
        "files": ["files/保费发票汇总.pdf"],
        "listed": True,
    }
    assert by_id["application_form"]["state"] == "missing" and by_id["application_form"]["files"] == []
    assert by_id["extra_statement"]["text"] == "中国信保出具的情况说明" and by_id["extra_statement"]["listed"] is False
    assert credit["documents"][-1]["id"] == "extra_statement"  # the clerk's own after the list
    assert credit["document_progress"] == {"total": 7, "have": 2, "missing": 4, "help": 1}


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        (
            {"credit_insurance": PAID | {"paid_amount": "36万"}},
            "claims.credit_insurance.paid_amount: “36万”不是答卷文件的金额写法",
        ),
        (
            {"credit_insurance": PAID | {"state": "approved"}},
            "claims.credit_insurance.state: 未知的申报状态 “approved”",
        ),
        ({"credit_insurnace": PAID}, "claims.credit_insurnace: 未知的支持项目编号；是否应为 credit_insurance？"),
        (
            {"credit_insurance": PAID | {"paid_on": "2026-03-01"}},
            "claims.credit_insurance.paid_on: 拨付日期 2026-03-01 早于提交日期 2026-03-10",
        ),
        (
            {"credit_insurance": {"state": "paid", "paid_on": "2026-05-20"}},
            "claims.credit_insurance.paid_amount: 已拨付的申报须填写拨付金额",
        ),
        (
            {"credit_insurance": {"state": "submitted", "paid_amount": "1"}},
            "claims.credit_insurance.paid_amount: 只有已拨付（paid）的申报才有拨付金额和日期",
        ),
        (
            {"credit_insurance": {"state": "submitted", "submitted_on": "2026-12-07"}},
            "claims.credit_insurance.submitted_on: 提交日期 2026-12-07 晚于今天（2026-12-06）",
        ),
        (
            {
                "credit_insurance": {
                    "state": "publicized",
                    "publicized_from": "2026-06-10",
                    "publicized_to": "2026-06-03",
                }
            },
            "claims.credit_insurance.publicized_to: 公示结束日 2026-06-03 早于公示开始日 2026-06-10",
        ),
        ({"domestic_campaigns": {"state": "submitted"}}, "这是一项服务，无需申报"),
        (
            {"credit_insurance": {"state": "submitted", "refrence": "x"}},
            "claims.credit_insurance.refrence: 未知的字段；是否应为 reference？",
        ),
        (
            {"credit_insurance": PAID | {"paid_amount": True}},
            "claims.credit_insurance.paid_amount: 应为金额（数字），不是 true/false",
        ),
    ],
)
def test_a_bad_claim_is_refused_in_one_line_naming_the_file_and_the_field(
    tmp_path: Path, claims: dict[str, Any], expected: str
) -> None:
    lines = problems_of(tmp_path, with_filing(claims=claims))
    assert len(lines) == 1, lines
    assert lines[0].startswith("answers.json: ") and expected in lines[0], lines


@pytest.mark.parametrize(
    ("documents", "expected"),
    [
        ({"aeo": {"aeo_certificate": {"state": "ready"}}}, "documents.aeo.aeo_certificate.state: 未知的状态 “ready”"),
        (
            {"aeo": {"aeo_certifcate": {"state": "have"}}},
            "documents.aeo.aeo_certifcate: 该支持项目的材料清单中没有这一项",
        ),
        ({"aeo": {"aeo_certificate": {"files": ["/etc/passwd"]}}}, "不能是绝对路径"),
        ({"aeo": {"aeo_certificate": {"files": ["C:\\Users\\a.pdf"]}}}, "不能是绝对路径"),
        ({"aeo": {"aeo_certificate": {"files": ["../../secret.pdf"]}}}, "不能用“..”指向答卷文件所在文件夹以外"),
        ({"aeo": {"aeo_certificate": {"files": ["a.pdf", "./a.pdf"]}}}, "在同一项材料中列了两次"),
        ({"aeo": {"aeo_certificate": {"files": "a.pdf"}}}, "documents.aeo.aeo_certificate.files: 应为文件路径的数组"),
        ({"aeo": {"aeo_certificate": {"files": ["x.pdf"] * 51}}}, "文件过多（51 个，最多 50 个）"),
        (
            {"aeo": {"aeo_certificate": {"note": "x" * 501}}},
            "documents.aeo.aeo_certificate.note: 文字过长（501 字，最多 500 字）",
        ),
        ({"aoe": {}}, "documents.aoe: 未知的支持项目编号；是否应为 aeo？"),
    ],
)
def test_a_bad_document_record_is_refused_naming_the_field(
    tmp_path: Path, documents: dict[str, Any], expected: str
) -> None:
    lines = problems_of(tmp_path, with_filing(documents=documents))
    assert len(lines) == 1, lines
    assert expected in lines[0], lines


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        ([{"policy": "p", "item": "i", "amount": "-1", "paid_on": "2025-01-01"}], "received[0].amount: 金额不能为负数"),
        ([{"policy": "p", "item": "i", "amount": "1"}], "received[0].paid_on: 缺少此字段"),
        ([{"policy": "p", "item": "i", "amount": "1", "paid_on": "2027-01-01"}], "拨付日期 2027-01-01 晚于今天"),
        ({"policy": "p"}, "received: 应为已获拨付记录的数组"),
    ],
)
def test_a_bad_amount_received_is_refused_naming_the_field(tmp_path: Path, received: object, expected: str) -> None:
    lines = problems_of(tmp_path, with_filing(received=received))
    assert len(lines) == 1, lines
    assert expected in lines[0], lines


def test_problems_in_answers_and_in_the_filing_are_listed_together(tmp_path: Path) -> None:
    data = with_filing(claims={"credit_insurance": {"state": "bogus"}})
    data["answers"]["credit_insurance_premium"] = "12万"
    lines = problems_of(tmp_path, data)
    assert len(lines) == 2 and any("credit_insurance_premium" in x for x in lines) and any("bogus" in x for x in lines)


def test_english_refusals_name_the_field_in_english(tmp_path: Path) -> None:
    path = write(tmp_path, with_filing(claims={"credit_insurance": PAID | {"paid_on": "2026-03-01"}}))
    code, _, err = run("--lang", "en", "assess", str(path), "--today", TODAY)
    assert code == 2
    assert err.strip() == (
        "answers.json: claims.credit_insurance.paid_on: the payment date 2026-03-01 is before the submission date "
        "2026-03-10"
    )


@pytest.mark.parametrize("path", ["files/a.pdf", "a.pdf", "子文件夹/发票 2025.pdf", "files\\scan.jpg"])
def test_a_relative_path_within_the_folder_is_accepted(path: str) -> None:
    assert path_problem(path) is None


def test_an_unlisted_document_keeps_its_record_after_the_list() -> None:
    from desktop.policy.model import Document, Text

    listed = (Document("form", Text("申报表")), Document("licence", Text("营业执照")))
    records = {"licence": DocumentRecord("have"), "gone": DocumentRecord("have", title="旧清单中的材料")}
    tracked = tracked_documents(listed, records)
    assert [(t.id, t.record.state, t.listed) for t in tracked] == [
        ("form", "missing", True),
        ("licence", "have", True),
        ("gone", "have", False),
    ]
    assert progress(tracked) == Progress(3, 2, 1, 0)
    assert progress(tracked).text().zh == "3 项材料：已备 2，缺 1"
    assert Progress(6, 4, 1, 1).text().zh == "6 项材料：已备 4，缺 1，需协助 1"
    assert Progress(6, 4, 1, 1).text().en == "6 documents: 4 ready, 1 missing, 1 need help"


def test_a_claim_without_dates_has_no_order_to_break() -> None:
    assert claim_problems(Claim("submitted"), dt.date(2026, 12, 6)) == []
    assert Filing().empty
