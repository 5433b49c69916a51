"""The bundled pack's two lists, for the tests that read files against them."""

from __future__ import annotations

import pytest

from desktop.policy import Pack
from desktop.policy.lists import ListKind, list_kind


@pytest.fixture(scope="module")
def equipment(pack: Pack) -> ListKind:
    kind = list_kind(pack, "equipment_list")
    assert kind is not None
    return kind


@pytest.fixture(scope="module")
def premiums(pack: Pack) -> ListKind:
    kind = list_kind(pack, "premium_invoices")
    assert kind is not None
    return kind
