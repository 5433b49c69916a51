"""Applications kept with stored assessments (issues 20 and 21), on SQLite and PostgreSQL: document states,
attached files kept in the database, claims followed to payment, amounts received across assessments.
Two users on one record are never silently overwritten; a copy takes the documents, not the claims."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from desktop.attachments import check_bytes
from desktop.engine.filing import Claim, Received
from desktop.policy import Pack
from desktop.store import Store, StoreError, open_store
from desktop.store.filing import Applications, AttachmentLimitError, FilingChangedError
from desktop.store.models import AttachmentContentRecord
from tests.conftest import raises_saying
from tests.filing.files import scan, text_pdf
from tests.store.test_scenarios import stored_assessment

TODAY = dt.date(2026, 12, 6)
PAID = Claim(
    "paid",
    submitted_on=dt.date(2026, 3, 10),
    reference="YCFZ-2026-000123",
    paid_amount=Decimal("360000.00"),
    paid_on=dt.date(2026, 5, 20),
)


def content_rows(store: Store) -> int:
    with store.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(AttachmentContentRecord)) or 0)


def test_a_document_state_and_note_are_kept_with_a_version(store: Store, pack: Pack) -> None:
    assessment_id = stored_assessment(store, pack)
    applications = Applications(store)
    version = applications.set_document(
        assessment_id, "credit_insurance", "bank_account_form", state="help", note="等银行盖章", based_on=None
    )
    stored = applications.filing(assessment_id)
    record = stored.filing.record("credit_insurance", "bank_account_form")
    assert (record.state, record.note) == ("help", "等银行盖章")
    assert stored.document_versions[("credit_insurance", "bank_account_form")] == version
    assert stored.filing.record("credit_insurance", "application_form").state == "missing"


@pytest.fixture
def other(database_url: str) -> Iterator[Store]:
    """A second copy of the program (or a colleague) on the same database."""
    second = open_store(database_url)
    yield second
    second.close()


def test_two_users_on_one_document_the_second_is_refused_with_what_is_stored(
    store: Store, other: Store, pack: Pack
) -> None:
    assessment_id = stored_assessment(store, pack)
    mine, theirs = Applications(store), Applications(other)
    first = mine.set_document(assessment_id, "aeo", "aeo_certificate", state="missing", based_on=None)
    theirs.set_document(assessment_id, "aeo", "aeo_certificate", state="have", note="原件在财务", based_on=first)
    with pytest.raises(FilingChangedError) as caught:
        mine.set_document(assessment_id, "aeo", "aeo_certificate", state="help", based_on=first)
    assert caught.value.theirs is not None and caught.value.theirs.note == "原件在财务"
    assert mine.filing(assessment_id).filing.record("aeo", "aeo_certificate").state == "have"
    # two different documents of one item: both kept
    mine.set_document(assessment_id, "aeo", "application_form", state="have", based_on=None)
    theirs.set_document(assessment_id, "aeo", "business_licence", state="have", based_on=None)
    records = mine.filing(assessment_id).filing.documents["aeo"]
    assert {k: r.state for k, r in records.items()} == {
        "aeo_certificate": "have",
        "application_form": "have",
        "business_licence": "have",
    }


def test_an_attached_file_is_kept_whole_in_the_database_in_order(store: Store, pack: Pack) -> None:
    assessment_id = stored_assessment(store, pack)
    applications = Applications(store)
    pdf, jpeg = text_pdf(3), scan()
    first = applications.attach(
        assessment_id, "credit_insurance", "premium_invoice_summary", check_bytes("汇总.pdf", pdf)
    )
    second = applications.attach(
        assessment_id, "credit_insurance", "premium_invoice_summary", check_bytes("b.jpg", jpeg)
    )
    files = applications.filing(assessment_id).filing.record("credit_insurance", "premium_invoice_summary").files
    assert [(f.name, f.pages, f.media_type) for f in files] == [
        ("汇总.pdf", 3, "application/pdf"),
        ("b.jpg", 1, "image/jpeg"),
    ]
    assert first.stored is not None and second.stored is not None
    assert applications.attachment_bytes(first.stored) == pdf
    assert hashlib.sha256(applications.attachment_bytes(second.stored)).hexdigest() == files[1].sha256
    applications.move_attachment(second.stored, -1)
    files = applications.filing(assessment_id).filing.record("credit_insurance", "premium_invoice_summary").files
    assert [f.name for f in files] == ["b.jpg", "汇总.pdf"]
    assert applications.filing(assessment_id).attached_bytes == len(pdf) + len(jpeg)


def test_the_total_of_an_assessments_files_is_bounded(
    store: Store, pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.store.filing as filing_module

    assessment_id = stored_assessment(store, pack)
    applications = Applications(store)
    data = text_pdf(1)
    monkeypatch.setattr(filing_module, "MAX_ASSESSMENT_BYTES", len(data) * 2 + 10)
    applications.attach(assessment_id, "aeo", "aeo_certificate", check_bytes("a.pdf", data))
    applications.attach(assessment_id, "aeo", "aeo_certificate", check_bytes("b.pdf", data))
    with raises_saying(AttachmentLimitError, match="超过上限"):
        applications.attach(assessment_id, "aeo", "aeo_certificate", check_bytes("c.pdf", data))
    assert len(applications.filing(assessment_id).filing.record("aeo", "aeo_certificate").files) == 2


def test_a_copy_shares_the_files_and_takes_no_claim_deleting_keeps_what_the_other_uses(
    store: Store, pack: Pack
) -> None:
    assessment_id = stored_assessment(store, pack)
    applications = Applications(store)
    applications.set_document(assessment_id, "aeo", "aeo_certificate", state="have", based_on=None)
    applications.attach(assessment_id, "aeo", "aeo_certificate", check_bytes("证书.pdf", text_pdf(1)))
    applications.set_claim(assessment_id, "credit_insurance", PAID, based_on=None, today=TODAY)
    copy_id = store.duplicate(assessment_id, "2026 年")
    copied = applications.filing(copy_id).filing
    assert copied.record("aeo", "aeo_certificate").state == "have"
    assert [f.name for f in copied.record("aeo", "aeo_certificate").files] == ["证书.pdf"]
    assert copied.claims == {}
    assert content_rows(store) == 1  # one content, two attachments
    store.delete_assessment(assessment_id)
    assert content_rows(store) == 1
    kept = applications.filing(copy_id).filing.record("aeo", "aeo_certificate").files[0]
    assert kept.stored is not None and applications.attachment_bytes(kept.stored).startswith(b"%PDF")
    applications.remove_attachment(kept.stored)
    assert content_rows(store) == 0


def test_a_paid_claim_is_kept_and_is_history_for_the_firms_other_assessments(store: Store, pack: Pack) -> None:
    first = stored_assessment(store, pack)
    applications = Applications(store)
    version = applications.set_claim(first, "credit_insurance", PAID, based_on=None, today=TODAY)
    stored = applications.filing(first)
    assert stored.filing.claims["credit_insurance"] == PAID
    assert stored.claim_versions["credit_insurance"] == version
    assert stored.filing.received == ()  # an assessment's own claim is no history to itself
    second = store.duplicate(first, "2026 年度")
    assert applications.history(second) == (
        Received(
            "zhongshan-2025", "credit_insurance", Decimal("360000.00"), dt.date(2026, 5, 20), "", "YCFZ-2026-000123"
        ),
    )
    rows = applications.claims()
    assert [(r.assessment_id, r.item_id, r.claim.state) for r in rows] == [(first, "credit_insurance", "paid")]


def test_two_users_on_one_claim_the_second_is_refused(store: Store, other: Store, pack: Pack) -> None:
    assessment_id = stored_assessment(store, pack)
    mine, theirs = Applications(store), Applications(other)
    submitted = Claim("submitted", submitted_on=dt.date(2026, 3, 10))
    version = mine.set_claim(assessment_id, "credit_insurance", submitted, based_on=None, today=TODAY)
    theirs.set_claim(assessment_id, "credit_insurance", PAID, based_on=version, today=TODAY)
    with raises_saying(FilingChangedError, match="已拨付") as caught:
        mine.set_claim(assessment_id, "credit_insurance", Claim("rejected"), based_on=version, today=TODAY)
    assert caught.value.theirs == PAID
    assert mine.filing(assessment_id).filing.claims["credit_insurance"] == PAID


def test_a_document_recorded_first_does_not_block_the_first_claim(store: Store, pack: Pack) -> None:
    assessment_id = stored_assessment(store, pack)
    applications = Applications(store)
    applications.set_document(assessment_id, "aeo", "aeo_certificate", state="have", based_on=None)
    applications.set_claim(assessment_id, "aeo", Claim("preparing"), based_on=None, today=TODAY)
    assert applications.filing(assessment_id).filing.claims["aeo"] == Claim("preparing")


@pytest.mark.parametrize(
    ("claim", "message"),
    [
        (Claim("paid", paid_amount=Decimal(1)), "已拨付的申报须填写拨付日期"),
        (Claim("submitted", submitted_on=dt.date(2026, 12, 7)), "晚于今天"),
        (
            PAID.__class__(
                "paid", submitted_on=dt.date(2026, 6, 1), paid_amount=Decimal(1), paid_on=dt.date(2026, 5, 1)
            ),
            "早于提交日期",
        ),
    ],
)
def test_a_bad_claim_is_refused_and_nothing_is_written(store: Store, pack: Pack, claim: Claim, message: str) -> None:
    assessment_id = stored_assessment(store, pack)
    applications = Applications(store)
    with raises_saying(StoreError, match=message):
        applications.set_claim(assessment_id, "credit_insurance", claim, based_on=None, today=TODAY)
    assert applications.filing(assessment_id).filing.claims == {}


def test_a_finalised_assessment_still_takes_its_claims_and_documents(store: Store, pack: Pack) -> None:
    assessment_id = stored_assessment(store, pack, final=True)
    before = store.get(assessment_id)
    applications = Applications(store)
    applications.set_claim(assessment_id, "credit_insurance", PAID, based_on=None, today=TODAY)
    applications.set_document(assessment_id, "aeo", "aeo_certificate", state="have", based_on=None)
    after = store.get(assessment_id)
    assert (after.version, after.snapshot, after.updated_at) == (before.version, before.snapshot, before.updated_at)


def test_amounts_received_by_hand_are_history_once(store: Store, pack: Pack) -> None:
    assessment_id = stored_assessment(store, pack)
    enterprise_id = store.get(assessment_id).enterprise_id
    applications = Applications(store)
    workshop = Received("zhongshan-2022-digital", "digital_workshop", Decimal(200000), dt.date(2023, 6, 1), "车间奖励")
    assert applications.add_received(enterprise_id, workshop, "手工录入") is not None
    assert applications.add_received(enterprise_id, workshop, "答卷 a.json") is None  # the same one again
    assert applications.history(assessment_id) == (workshop,)
    [row] = applications.received_of(enterprise_id)
    applications.delete_received(row.id)
    assert applications.history(assessment_id) == ()


def test_deleting_the_firm_removes_its_files(store: Store, pack: Pack) -> None:
    assessment_id = stored_assessment(store, pack)
    Applications(store).attach(assessment_id, "aeo", "aeo_certificate", check_bytes("证书.pdf", text_pdf(1)))
    store.delete_enterprise(store.get(assessment_id).enterprise_id)
    assert content_rows(store) == 0


def test_the_overview_lists_recorded_applications_paid_by_year_and_reminders(store: Store, pack: Pack) -> None:
    from desktop.policy.guide_registry import known_guides
    from desktop.store.progress import overview

    first = stored_assessment(store, pack)
    applications = Applications(store)
    applications.set_claim(first, "credit_insurance", PAID, based_on=None, today=TODAY)
    listed = Claim(
        "publicized",
        submitted_on=dt.date(2026, 6, 1),
        publicized_from=dt.date(2026, 12, 1),
        publicized_to=dt.date(2026, 12, 8),
    )
    applications.set_claim(first, "aeo", listed, based_on=None, today=TODAY)
    applications.set_document(first, "equipment", "invoices", state="have", based_on=None)
    stored_assessment(store, pack)  # another assessment with nothing recorded: not read
    seen = overview(store, known_guides(store.registry), TODAY)
    assert [(r.item_id, r.claim.state if r.claim else None) for r in seen.rows] == [
        ("aeo", "publicized"),
        ("credit_insurance", "paid"),
        ("equipment", None),
    ]
    assert seen.paid == {2026: Decimal("360000.00")}
    [(row, reminder)] = seen.reminders
    assert (row.item_id, reminder.kind, reminder.day) == ("aeo", "publicity_ends", dt.date(2026, 12, 8))
    equipment = next(r for r in seen.rows if r.item_id == "equipment")
    assert (equipment.documents.have, equipment.amount) == (1, Decimal("1200000.00"))


def test_the_listing_counts_per_assessment_its_documents_ready_and_its_claims_by_state(
    store: Store, pack: Pack
) -> None:
    """What the start page's 申报进度 column shows, read with the listing: nothing for an assessment nobody
    started on, and for one begun the documents recorded and ready and the claims in the order of a claim."""
    begun, untouched = stored_assessment(store, pack), stored_assessment(store, pack)
    applications = Applications(store)
    for document, state in (("bank_account_form", "have"), ("application_form", "have"), ("insurer_letter", "help")):
        applications.set_document(begun, "credit_insurance", document, state=state, based_on=None)
    applications.set_claim(begun, "credit_insurance", PAID, based_on=None, today=TODAY)
    applications.set_claim(
        begun, "exhibitions", Claim("submitted", submitted_on=dt.date(2026, 9, 1)), based_on=None, today=TODAY
    )
    shown = {a.id: a.filing for e in store.listing() for a in e.assessments}
    assert shown[untouched] is None
    counts = shown[begun]
    assert counts is not None
    assert (counts.documents, counts.have, counts.claims) == (3, 2, (("submitted", 1), ("paid", 1)))
    assert counts.help == 1  # the insurer's letter: what the clerk chases
