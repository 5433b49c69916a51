"""An association's named workspaces in the database (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from desktop.store import Store, StoreError, UnknownRecordError
from desktop.store.workspaces import DuplicateWorkspaceNameError, NewMember, Workspaces
from tests.conftest import EXAMPLES


def _document(example: str, **enterprise: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / f"{example}.json").read_text(encoding="utf-8"))
    data["enterprise"].update(enterprise)
    return data


@pytest.fixture
def workspaces(store: Store) -> Workspaces:
    return Workspaces(store)


def test_several_named_workspaces_keep_their_members_in_order(workspaces: Workspaces) -> None:
    spring = workspaces.create("2025 春季培训")
    autumn = workspaces.create("2025 秋季培训")
    added = workspaces.put(
        spring, [NewMember("a.json", _document("lighting-exporter")), NewMember("b.json", _document("small-trader"))]
    )
    assert added == (2, 0)
    workspaces.put(autumn, [NewMember("c.json", _document("appliance-maker"))])

    members = workspaces.members(spring)
    assert [m.source for m in members] == ["a.json", "b.json"]
    assert members[0].data == _document("lighting-exporter")
    listed = {w.name: w for w in workspaces.all()}
    assert (listed["2025 春季培训"].members, listed["2025 秋季培训"].members) == (2, 1)
    assert listed["2025 春季培训"].updated_at.tzinfo is not None


def test_a_firm_put_again_replaces_its_member_or_stays_when_asked_to(workspaces: Workspaces) -> None:
    ws = workspaces.create("会员")
    workspaces.put(ws, [NewMember("old.json", _document("lighting-exporter"))])
    version = {w.id: w.version for w in workspaces.all()}[ws]
    renamed = _document("lighting-exporter", name="中山市古镇明辉灯饰有限公司（改名后）")

    assert workspaces.put(ws, [NewMember("new.json", renamed)], replace=False) == (0, 0)
    assert workspaces.members(ws)[0].source == "old.json"

    assert workspaces.put(ws, [NewMember("new.json", renamed)]) == (0, 1)  # same credit code: the same firm
    (member,) = workspaces.members(ws)
    assert member.source == "new.json" and member.data["enterprise"]["name"].endswith("（改名后）")
    assert {w.id: w.version for w in workspaces.all()}[ws] > version
    assert workspaces.keys(ws) == {"code:91442000MA4W8N3K2K"}


def test_names_are_unique_and_never_empty(workspaces: Workspaces) -> None:
    first = workspaces.create("会员企业")
    with pytest.raises(DuplicateWorkspaceNameError):
        workspaces.create(" 会员企业 ")
    with pytest.raises(StoreError):
        workspaces.create("   ")
    second = workspaces.create("其他")
    with pytest.raises(DuplicateWorkspaceNameError):
        workspaces.rename(second, "会员企业")
    workspaces.rename(first, "会员企业（2025）")
    assert {w.name for w in workspaces.all()} == {"会员企业（2025）", "其他"}


def test_clear_and_delete(workspaces: Workspaces) -> None:
    ws = workspaces.create("临时")
    workspaces.put(ws, [NewMember("a.json", _document("small-trader"))])
    workspaces.clear(ws)
    assert workspaces.members(ws) == []
    assert [w.name for w in workspaces.all()] == ["临时"]
    workspaces.delete(ws)
    assert workspaces.all() == []
    with pytest.raises(UnknownRecordError):
        workspaces.members(ws)


def test_text_is_stored_as_data_never_as_sql(workspaces: Workspaces) -> None:
    name = "x'); DROP TABLE workspace; --"
    ws = workspaces.create(name)
    workspaces.put(ws, [NewMember("'; DELETE FROM workspace_member; --", _document("small-trader", name=name))])
    assert [w.name for w in workspaces.all()] == [name]
    assert workspaces.members(ws)[0].data["enterprise"]["name"] == name
