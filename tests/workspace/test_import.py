"""Importing many answers files: the good ones fill the workspace, each broken one is reported with its problem."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.engine import assess_file, parse_answers_data
from desktop.policy import bundled_registry
from desktop.wording.problems import word, words
from desktop.workspace import Workspace, aggregate, amount_columns, import_answers_files, pack_resolver
from tests.workspace.member_files import EXPECTED_PROBLEM, member_answers, write_member_file, write_members

TODAY = dt.date(2025, 12, 1)


@pytest.fixture(scope="module")
def two_hundred(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[Path, str]]:
    folder = tmp_path_factory.mktemp("members")
    broken = write_members(folder, 200, broken_every=10)
    return folder, broken


def test_200_files_with_broken_ones_fill_the_workspace_with_the_good_ones(
    two_hundred: tuple[Path, dict[Path, str]],
) -> None:
    folder, broken = two_hundred
    result = import_answers_files([folder], bundled_registry(), TODAY)

    assert len(broken) == 20
    assert set(broken.values()) == set(EXPECTED_PROBLEM)
    assert len(result.rows) == 180
    good_names = {f"会员企业{n:04d}有限公司" for n in range(200) if n % 10 != 9}
    assert {row.name for row in result.rows} == good_names
    reported = {Path(p.source): words(p.problems) for p in result.problems}
    assert set(reported) == set(broken)
    for path, breakage in broken.items():
        assert any(EXPECTED_PROBLEM[breakage] in line for line in reported[path]), (path, reported[path])
        assert all(line.startswith(path.name) for line in reported[path])


def test_each_row_is_the_engines_own_assessment_of_that_file(tmp_path: Path) -> None:
    write_members(tmp_path, 12)
    result = import_answers_files([tmp_path], bundled_registry(), TODAY)
    resolve = pack_resolver(bundled_registry())
    for row in result.rows:
        number = int(Path(row.source).stem.split("-")[1])
        answers_file, pack = parse_answers_data(member_answers(number), resolve)
        assert row.assessment == assess_file(pack, answers_file, TODAY)


def test_the_aggregate_equals_the_sums_of_the_rows(two_hundred: tuple[Path, dict[Path, str]]) -> None:
    folder, _ = two_hundred
    rows = import_answers_files([folder], bundled_registry(), TODAY).rows
    totals = aggregate(rows)

    assert totals.firms == len(rows)
    assert totals.total == sum((r.total for r in rows), Decimal(0))
    assert totals.total == sum((m.amount for m in totals.measures), Decimal(0))
    assert totals.total > 0
    for measure in totals.measures:
        assert measure.amount == sum((i.amount for i in measure.items), Decimal(0))
        eligible = [
            r
            for r in rows
            if any(i.measure_id == measure.measure_id and i.status == "eligible" for i in r.assessment.items)
        ]
        assert measure.firms == len(eligible)
        for item in measure.items:
            assert item.amount == sum((r.amount(item.item_id) or Decimal(0) for r in rows), Decimal(0))
            assert item.firms == sum(1 for r in rows if r.assessment.item(item.item_id).status == "eligible")
            assert item.service_firms == sum(1 for r in rows if r.assessment.item(item.item_id).status == "service")
    credit = totals.item("credit_insurance")
    assert 0 < credit.firms < len(rows)


def test_amount_columns_are_the_items_that_compute_a_figure(tmp_path: Path) -> None:
    write_members(tmp_path, 3)
    rows = import_answers_files([tmp_path], bundled_registry(), TODAY).rows
    ids = [c.item_id for c in amount_columns(rows)]
    assert ids == [i.id for _, i in bundled_registry().get("zhongshan-2025").items() if i.kind == "amount"]


def test_files_and_folders_can_be_mixed_and_subfolders_are_read(tmp_path: Path) -> None:
    write_members(tmp_path / "a" / "deeper", 3)
    single = write_member_file(tmp_path, 50)
    (tmp_path / "a" / "notes.txt").write_text("不是答卷", encoding="utf-8")
    result = import_answers_files([tmp_path / "a", single], bundled_registry(), TODAY)
    assert len(result.rows) == 4
    assert result.problems == []


def test_a_missing_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    result = import_answers_files([tmp_path / "gone.json"], bundled_registry(), TODAY)
    assert result.rows == []
    assert "无法读取文件" in word(result.problems[0].problems[0])


def test_importing_a_firm_again_replaces_its_row(tmp_path: Path) -> None:
    write_members(tmp_path, 5)
    workspace = Workspace()
    assert workspace.add(import_answers_files([tmp_path], bundled_registry(), TODAY)) == 0
    data = member_answers(2)
    data["answers"]["credit_insurance_product"] = "general"
    data["answers"]["credit_insurance_premium"] = "100000.00"
    (tmp_path / "member-0002.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    replaced = workspace.add(import_answers_files([tmp_path / "member-0002.json"], bundled_registry(), TODAY))
    assert replaced == 1
    assert len(workspace.rows) == 5
    row = next(r for r in workspace.rows if r.name == "会员企业0002有限公司")
    assert row.amount("credit_insurance") == Decimal("30000.00")
