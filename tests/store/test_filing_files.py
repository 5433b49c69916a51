"""Answers files carry the applications (issues 20, 21): exported with their attached files in a folder
beside them, imported whole or not at all, claims round-tripping unchanged (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.attachments import check_bytes
from desktop.engine.filing import Claim, Received
from desktop.policy import Pack
from desktop.store import Store
from desktop.store.filing import Applications
from desktop.wording.problems import words
from tests.engine.test_cli import lighting
from tests.filing.files import scan, text_pdf
from tests.store.test_scenarios import stored_assessment

TODAY = dt.date(2026, 12, 6)
PAID = {
    "state": "paid",
    "submitted_on": "2026-03-10",
    "reference": "YCFZ-2026-000123",
    "paid_amount": "360000.00",
    "paid_on": "2026-05-20",
}


def write_answers(folder: Path, **parts: Any) -> Path:
    path = folder / "answers.json"
    path.write_text(json.dumps(lighting() | parts, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_paid_claim_round_trips_through_import_and_export_unchanged(store: Store, tmp_path: Path) -> None:
    source = write_answers(tmp_path, claims={"credit_insurance": PAID})
    [outcome] = store.import_files([source], today=TODAY)
    assert outcome.ok, outcome.problems
    assert outcome.assessment_id is not None
    stored = Applications(store).filing(outcome.assessment_id).filing
    assert stored.claims["credit_insurance"].paid_amount == Decimal("360000.00")
    exported = tmp_path / "out" / "again.json"
    exported.parent.mkdir()
    assert store.export_answers(outcome.assessment_id, exported) == []
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["claims"] == {"credit_insurance": PAID}
    assert "documents" not in data and "received" not in data


def test_documents_and_their_files_round_trip_with_the_bytes_unchanged(store: Store, tmp_path: Path) -> None:
    (tmp_path / "scans").mkdir()
    pdf, jpeg = text_pdf(2), scan(300, 420)
    (tmp_path / "scans" / "保费发票汇总.pdf").write_bytes(pdf)
    (tmp_path / "scans" / "bank.jpg").write_bytes(jpeg)
    documents = {
        "credit_insurance": {
            "premium_invoice_summary": {"state": "have", "files": ["scans/保费发票汇总.pdf", "scans/bank.jpg"]},
            "bank_account_form": {"state": "help", "note": "等银行盖章", "files": []},
            "insurer_letter": {"state": "have", "title": "中国信保情况说明", "files": []},
        }
    }
    [outcome] = store.import_files([write_answers(tmp_path, documents=documents)], today=TODAY)
    assert outcome.ok and outcome.assessment_id is not None
    out = tmp_path / "export" / "firm.json"
    out.parent.mkdir()
    written = store.export_answers(outcome.assessment_id, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    summary = data["documents"]["credit_insurance"]["premium_invoice_summary"]
    assert summary["state"] == "have" and len(summary["files"]) == 2
    assert [hashlib.sha256((out.parent / f).read_bytes()).digest() for f in summary["files"]] == [
        hashlib.sha256(pdf).digest(),
        hashlib.sha256(jpeg).digest(),
    ]
    assert sorted(written) == sorted(out.parent / f for f in summary["files"])
    assert all(f.startswith("firm-files/credit_insurance/premium_invoice_summary/") for f in summary["files"])
    assert data["documents"]["credit_insurance"]["insurer_letter"]["title"] == "中国信保情况说明"
    # and into another database: the same states and the same bytes
    again = store.import_files([out], today=TODAY)[0]
    assert again.ok and again.assessment_id is not None
    record = (
        Applications(store).filing(again.assessment_id).filing.record("credit_insurance", "premium_invoice_summary")
    )
    assert [f.sha256 for f in record.files] == [hashlib.sha256(pdf).hexdigest(), hashlib.sha256(jpeg).hexdigest()]


def test_an_import_with_a_file_that_cannot_be_kept_is_refused_whole(store: Store, tmp_path: Path) -> None:
    (tmp_path / "ok.pdf").write_bytes(text_pdf(1))
    documents = {"aeo": {"aeo_certificate": {"state": "have", "files": ["ok.pdf", "missing.pdf"]}}}
    [outcome] = store.import_files([write_answers(tmp_path, documents=documents)], today=TODAY)
    assert not outcome.ok
    assert tuple(words(outcome.problems)) == (
        "answers.json: documents.aeo.aeo_certificate: 文件 missing.pdf：文件不存在",
    )
    assert store.counts() == (0, 0)


def test_amounts_received_travel_with_the_file_and_are_not_counted_twice(
    store: Store, pack: Pack, tmp_path: Path
) -> None:
    first = stored_assessment(store, pack)
    applications = Applications(store)
    claim = Claim("paid", paid_amount=Decimal("360000.00"), paid_on=dt.date(2026, 5, 20))
    applications.set_claim(first, "credit_insurance", claim, based_on=None, today=TODAY)
    second = store.duplicate(first, "2026 年度")
    out = tmp_path / "second.json"
    store.export_answers(second, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["received"] == [
        {"policy": "zhongshan-2025", "item": "credit_insurance", "amount": "360000.00", "paid_on": "2026-05-20"}
    ]
    [outcome] = store.import_files([out], today=TODAY)  # the same database: the claim is already history
    assert outcome.ok and outcome.assessment_id is not None
    assert applications.received_of(store.get(outcome.assessment_id).enterprise_id) == []
    assert applications.history(outcome.assessment_id) == (
        Received("zhongshan-2025", "credit_insurance", Decimal("360000.00"), dt.date(2026, 5, 20)),
    )


def test_attached_in_the_window_exported_and_read_back_by_the_dossier_command(
    store: Store, pack: Pack, tmp_path: Path
) -> None:
    from tests.engine.test_cli import run

    assessment_id = stored_assessment(store, pack)
    applications = Applications(store)
    applications.set_document(assessment_id, "aeo", "aeo_certificate", state="have", based_on=None)
    applications.attach(assessment_id, "aeo", "aeo_certificate", check_bytes("证书.pdf", text_pdf(2, "Certificate")))
    out = tmp_path / "firm.json"
    store.export_answers(assessment_id, out)
    code, said, err = run("dossier", str(out), "--out", str(tmp_path / "dossiers"), "--today", "2026-12-06")
    assert (code, err) == (0, "") and said.count("\n") == 1
