"""Imported lists kept with their assessment (SQLite, and PostgreSQL when configured): version-checked like
the rest, the generated PDF attached to the list's document and replaced by the next import (never a file
the clerk attached), the firm's columns remembered, and the lists following the assessment when it is
opened, exported, imported from a file or copied."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.attachments import CheckedFile, check_bytes
from desktop.engine.list_totals import ListTotal
from desktop.lists import ListReading, check_list, propose, read_list_file
from desktop.policy import Pack
from desktop.policy.lists import ListKind, list_kind
from desktop.store import Store, open_store
from desktop.store.filing import Applications
from desktop.store.lists import AssessmentLists, ImportedLists, ListChangedError
from tests.conftest import words_of
from tests.filing.files import text_pdf
from tests.store.test_scenarios import stored_assessment

PREMIUMS = (
    '保单号,发票号码,开票日期,保费金额（元）\nSCH-1,0001,2025-05-01,"600,000.00"\nSCH-1,0002,2025-06-01,{second}\n'
)


@pytest.fixture
def kind(pack: Pack) -> ListKind:
    found = list_kind(pack, "premium_invoices")
    assert found is not None
    return found


def reading(tmp_path: Path, pack: Pack, kind: ListKind, second: str = "580000") -> ListReading:
    path = tmp_path / f"保费发票汇总-{second}.csv"
    path.write_text(PREMIUMS.format(second=second), encoding="utf-8")
    source = read_list_file(path)
    return check_list(source, propose(source.sheets[0], kind), kind, pack)


def pdf(name: str = "保费发票汇总（导入）.pdf") -> CheckedFile:
    return check_bytes(name, text_pdf(2, "List page"))


def files_of(store: Store, assessment_id: int) -> list[str]:
    stored = Applications(store).filing(assessment_id)
    record = stored.filing.record("credit_insurance", "premium_invoice_summary")
    return [f.name for f in record.files]


@pytest.fixture
def other(database_url: str) -> Iterator[Store]:
    """A second copy of the program (or a colleague) on the same database."""
    second = open_store(database_url)
    yield second
    second.close()


def test_an_import_is_kept_with_its_rows_and_its_pdf_attached(
    store: Store, pack: Pack, kind: ListKind, tmp_path: Path
) -> None:
    assessment_id = stored_assessment(store, pack)
    lists = ImportedLists(store)
    read = reading(tmp_path, pack, kind)
    kept = lists.keep(assessment_id, kind, read, based_on=None, pdf=pdf())
    assert (kept.total, kept.version, kept.source) == (Decimal("1180000.00"), 1, "保费发票汇总-580000.csv")
    assert [r.status for r in kept.reading.rows] == ["counted", "counted"]
    assert kept.as_total() == ListTotal("premium_invoices", Decimal("1180000.00"), kept.source, kept.imported_at, 2, 0)
    assert files_of(store, assessment_id) == ["保费发票汇总（导入）.pdf"]
    assert lists.totals(assessment_id) == {"premium_invoices": kept.as_total()}


def test_a_new_import_replaces_the_generated_pdf_but_never_a_file_the_clerk_attached(
    store: Store, pack: Pack, kind: ListKind, tmp_path: Path
) -> None:
    assessment_id = stored_assessment(store, pack)
    applications = Applications(store)
    applications.attach(
        assessment_id,
        "credit_insurance",
        "premium_invoice_summary",
        check_bytes("信保盖章版.pdf", text_pdf(1, "Stamped")),
    )
    lists = ImportedLists(store)
    first = lists.keep(assessment_id, kind, reading(tmp_path, pack, kind), based_on=None, pdf=pdf("第一次.pdf"))
    assert files_of(store, assessment_id) == ["信保盖章版.pdf", "第一次.pdf"]
    second = lists.keep(
        assessment_id,
        kind,
        reading(tmp_path, pack, kind, "600000"),
        based_on=first.version,
        pdf=pdf("第二次.pdf"),
    )
    assert second.version == 2 and second.total == Decimal("1200000.00")
    assert files_of(store, assessment_id) == ["信保盖章版.pdf", "第二次.pdf"]


def test_two_users_importing_one_list_the_second_is_refused_and_nothing_of_it_stays(
    store: Store, other: Store, pack: Pack, kind: ListKind, tmp_path: Path
) -> None:
    assessment_id = stored_assessment(store, pack)
    mine, theirs = AssessmentLists(store, assessment_id), AssessmentLists(other, assessment_id)
    assert mine.stored(kind.id) is None
    theirs.keep(kind, reading(tmp_path, pack, kind, "600000"), based_on=None, pdf=pdf("同事的.pdf"))
    with pytest.raises(ListChangedError) as refused:
        mine.keep(kind, reading(tmp_path, pack, kind), based_on=None, pdf=pdf("我的.pdf"))
    assert "这份清单已在别处（另一个窗口或另一位同事）于" in words_of(refused.value)
    assert refused.value.theirs is not None and refused.value.theirs.total == Decimal("1200000.00")
    assert files_of(store, assessment_id) == ["同事的.pdf"]  # my PDF was taken away again
    # knowingly replacing theirs, based on what is stored now
    kept = mine.keep(kind, reading(tmp_path, pack, kind), based_on=refused.value.theirs.version, pdf=pdf("我的.pdf"))
    assert kept.total == Decimal("1180000.00") and files_of(store, assessment_id) == ["我的.pdf"]


def test_the_firms_columns_are_remembered_per_enterprise_and_list(store: Store, pack: Pack) -> None:
    assessment_id = stored_assessment(store, pack)
    lists = AssessmentLists(store, assessment_id)
    assert lists.remembered("equipment_list") == {}
    lists.remember("equipment_list", {"name": "资产名称", "amount": "原值"})
    lists.remember("equipment_list", {"name": "资产名称", "amount": "入账价值"})
    assert lists.remembered("equipment_list") == {"name": "资产名称", "amount": "入账价值"}
    assert lists.remembered("premium_invoices") == {}
    copy = store.duplicate(assessment_id)
    assert AssessmentLists(store, copy).remembered("equipment_list") == {"name": "资产名称", "amount": "入账价值"}


def test_an_opened_exported_and_copied_assessment_keeps_its_lists(
    store: Store, pack: Pack, kind: ListKind, tmp_path: Path
) -> None:
    assessment_id = stored_assessment(store, pack)
    lists = ImportedLists(store)
    kept = lists.keep(assessment_id, kind, reading(tmp_path, pack, kind), based_on=None, pdf=pdf())
    assert store.open(assessment_id).answers_file.lists == {"premium_invoices": kept.as_total()}
    exported = tmp_path / "out.json"
    store.export_answers(assessment_id, exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["lists"]["premium_invoices"]["total"] == "1180000.00"
    assert data["lists"]["premium_invoices"]["counted"] == 2
    (outcome,) = store.import_files([exported])
    assert outcome.assessment_id is not None
    assert lists.totals(outcome.assessment_id)["premium_invoices"].total == Decimal("1180000.00")

    copy = store.duplicate(assessment_id)
    copied = lists.get(copy, kind.id)
    assert copied is not None and copied.total == kept.total
    assert files_of(store, copy) == ["保费发票汇总（导入）.pdf"]
    assert copied.attachment_id is not None and copied.attachment_id != kept.attachment_id
    # a new import in the copy replaces the copy's generated PDF, and leaves the original's alone
    lists.keep(copy, kind, reading(tmp_path, pack, kind, "1"), based_on=copied.version, pdf=pdf("新.pdf"))
    assert files_of(store, copy) == ["新.pdf"]
    assert files_of(store, assessment_id) == ["保费发票汇总（导入）.pdf"]


def test_deleting_the_assessment_takes_its_lists(store: Store, pack: Pack, kind: ListKind, tmp_path: Path) -> None:
    assessment_id = stored_assessment(store, pack)
    lists = ImportedLists(store)
    lists.keep(assessment_id, kind, reading(tmp_path, pack, kind), based_on=None, pdf=None)
    store.delete_assessment(assessment_id)
    assert lists.totals(assessment_id) == {}


def test_imported_at_is_kept_as_an_aware_moment(store: Store, pack: Pack, kind: ListKind, tmp_path: Path) -> None:
    assessment_id = stored_assessment(store, pack)
    kept = ImportedLists(store).keep(assessment_id, kind, reading(tmp_path, pack, kind), based_on=None, pdf=None)
    assert kept.imported_at.tzinfo is not None
    assert abs(kept.imported_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)
