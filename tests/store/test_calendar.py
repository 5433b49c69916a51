"""The windows of the stored assessments (the start page's calendar), on SQLite and PostgreSQL: each
assessment with its own guide, finalised ones with their frozen figures, and only what changed computed
again when the page is shown once more."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from desktop.engine import assess_file
from desktop.policy import load_pack_text
from desktop.policy.guide_registry import known_guides
from desktop.policy.registry import PackRegistry, bundled_folder, known_registry
from desktop.store import AssessmentFinalError, Store
from desktop.store.calendar import StoredCalendar, pick_guide
from tests.conftest import EXAMPLES

TODAY = dt.date(2026, 12, 1)
TRAINING = "zhongshan-2025-training"


@pytest.fixture
def filled(store: Store) -> dict[str, int]:
    """The three example firms, by file name."""
    names = ("lighting-exporter", "appliance-maker", "small-trader")
    outcomes = store.import_files([EXAMPLES / f"{name}.json" for name in names], today=dt.date(2025, 11, 30))
    return {name: int(str(o.assessment_id)) for name, o in zip(names, outcomes, strict=True)}


def windows_of(calendar: StoredCalendar) -> list[tuple[str, str, Decimal | None]]:
    shown = calendar.windows(known_guides(), TODAY)
    return [(e.enterprise, e.item_id, e.amount) for e in shown.entries]


def test_the_keys_and_rows_read_back_in_one_go(store: Store, filled: dict[str, int]) -> None:
    keys = store.assessment_keys()
    assert [k.id for k in keys] == sorted(filled.values())
    assert {k.enterprise for k in keys} >= {"中山市古镇明辉灯饰有限公司（示例）"}
    rows = store.assessments([filled["small-trader"], filled["lighting-exporter"], 99_999])
    assert [r.id for r in rows] == sorted([filled["small-trader"], filled["lighting-exporter"]])
    lighting = next(r for r in rows if r.id == filled["lighting-exporter"])
    assert lighting.answers == store.get(lighting.id).answers and lighting.enterprise.credit_code


def test_only_an_assessment_whose_guide_has_windows_ahead_is_read_and_computed(
    store: Store, filled: dict[str, int]
) -> None:
    calendar = StoredCalendar(store)
    shown = calendar.windows(known_guides(), TODAY)
    assert shown.entries == () and calendar.computed == 0  # the bundled guide has published no window
    assert [g.id for g in shown.guides] == ["zhongshan-2025-known"] and not shown.published
    pick_guide(store, filled["lighting-exporter"], TRAINING, known_guides(), TODAY)
    assert [w[1] for w in windows_of(calendar)] == ["credit_insurance", "exhibitions", "equipment"]
    assert calendar.computed == 1


def test_results_are_kept_until_the_assessment_or_its_firm_changes(store: Store, filled: dict[str, int]) -> None:
    for name in ("lighting-exporter", "appliance-maker"):
        pick_guide(store, filled[name], TRAINING, known_guides(), TODAY)
    calendar = StoredCalendar(store)
    windows_of(calendar)
    assert calendar.computed == 2
    windows_of(calendar)
    assert calendar.computed == 0

    opened = store.open(filled["lighting-exporter"])
    answers = dict(opened.answers_file.answers)
    answers.pop("credit_insurance_premium", None)  # the premium is no longer known: no amount to claim
    store.save_draft(filled["lighting-exporter"], opened.answers_file.with_answers(answers))
    lighting = [w for w in windows_of(calendar) if w[0].startswith("中山市古镇")]
    assert calendar.computed == 1 and "credit_insurance" not in [w[1] for w in lighting]

    enterprise_id = store.get(filled["appliance-maker"]).enterprise_id
    stored = store.get_enterprise(enterprise_id)
    store.update_enterprise(enterprise_id, replace(stored.enterprise, name="华澜电器（改名）"))
    assert "华澜电器（改名）" in {w[0] for w in windows_of(calendar)} and calendar.computed == 1

    store.delete_assessment(filled["appliance-maker"])
    assert {w[0] for w in windows_of(calendar)} == {"中山市古镇明辉灯饰有限公司（示例）"}


def test_a_finalised_assessment_is_listed_with_its_frozen_figures(store: Store, filled: dict[str, int]) -> None:
    target = filled["lighting-exporter"]
    pick_guide(store, target, TRAINING, known_guides(), TODAY)
    opened = store.open(target)
    frozen = assess_file(opened.pack, opened.answers_file, TODAY, known_guides().get(TRAINING))
    store.finalise(target, opened.answers_file, frozen)
    with pytest.raises(AssessmentFinalError):
        pick_guide(store, target, None, known_guides(), TODAY)  # a finalised assessment keeps its guide
    calendar = StoredCalendar(store)
    assert windows_of(calendar) == [
        ("中山市古镇明辉灯饰有限公司（示例）", "credit_insurance", 360_000),
        ("中山市古镇明辉灯饰有限公司（示例）", "exhibitions", 20_000),
        ("中山市古镇明辉灯饰有限公司（示例）", "equipment", 1_200_000),
    ]

    # its pack version is gone from this computer (another version is installed): the stored result is read
    text = (bundled_folder() / "zhongshan-2025.toml").read_text(encoding="utf-8")
    other = text.replace('version = "2025.3"', 'version = "2025.9"', 1).replace('rate = "0.30"', 'rate = "0.10"', 1)
    store.registry = PackRegistry([load_pack_text(other.encode("utf-8"), "other.toml")])
    assert [w[2] for w in windows_of(StoredCalendar(store))] == [360_000, 20_000, 1_200_000]  # not 10% of it
    store.registry = known_registry()


def test_picking_a_guide_keeps_the_answers_and_updates_the_total(store: Store, filled: dict[str, int]) -> None:
    target = filled["appliance-maker"]
    before = store.get(target)
    pick_guide(store, target, TRAINING, known_guides(), TODAY)
    after = store.get(target)
    assert after.guide_id == TRAINING and after.answers == before.answers
    assert before.total is not None and after.total == before.total + 20_000  # the training guide's 参展 amount
    pick_guide(store, target, None, known_guides(), TODAY)
    assert store.get(target).guide_id is None and store.get(target).total == before.total
