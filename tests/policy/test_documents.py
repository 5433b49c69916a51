"""Documents as data with stable ids (issue 20): the pack names each document of an item by an id that
survives a rewording; a guide adds, rewords or drops documents by id; `pack check` refuses a missing or
duplicate id; `pack diff` names documents added, removed and reworded."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from desktop.engine import assess, assessment_to_data
from desktop.policy import Pack, PackError, load_pack_text
from desktop.policy.diff import diff_packs
from desktop.policy.guide_registry import bundled_guides_folder
from desktop.policy.guides import GuideError, load_guide_text
from desktop.policy.model import DOCUMENT_ID
from desktop.wording.problems import words
from tests.policy.test_rule_language import HEAD

ITEM = """
[[measures.items]]
id = "grant"
kind = "amount"
title = "测试"
claim = "测试"
source = "测试"
rule = {{ fixed = "1000" }}
documents = [{documents}]
"""

FORM = '{ id = "application_form", text = "申报表", text_en = "Application form" }'
LICENCE = '{ id = "business_licence", text = "营业执照复印件" }'


def _pack(*documents: str) -> bytes:
    return (HEAD + ITEM.format(documents=", ".join(documents))).encode("utf-8")


def _problems(*documents: str) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack_text(_pack(*documents), "p.toml")
    return words(caught.value.problems)


def test_every_document_of_the_bundled_pack_has_a_well_formed_id_unique_in_its_item(pack: Pack) -> None:
    for _measure, item in pack.items():
        ids = [d.id for d in item.documents]
        assert len(ids) == len(set(ids)), item.id
        assert all(re.fullmatch(DOCUMENT_ID, i) for i in ids), item.id


@pytest.mark.parametrize(
    ("documents", "message"),
    [
        (['{ text = "申报表" }'], "p.toml: measures[0]（m）.items[0]（grant）.documents[0].id: 缺少此字段"),
        ([FORM, '{ id = "application_form", text = "申报书" }'], "材料编号 application_form 在同一支持项目中重复"),
        (['{ id = "Form 1", text = "申报表" }'], "材料编号 'Form 1' 应由小写英文字母、数字和下划线组成"),
        (['{ id = "form", text = "申报表", txt_en = "Form" }'], ".documents[0].txt_en: 未知的字段"),
    ],
)
def test_pack_check_refuses_a_missing_malformed_or_duplicate_document_id(documents: list[str], message: str) -> None:
    assert any(message in p for p in _problems(*documents)), _problems(*documents)


def test_the_same_id_may_stand_in_two_items() -> None:
    text = _pack(FORM) + ITEM.replace('"grant"', '"other"').format(documents=FORM).encode("utf-8")
    pack = load_pack_text(text, "p.toml")
    assert [d.id for _m, i in pack.items() for d in i.documents] == ["application_form", "application_form"]


def test_pack_diff_names_documents_added_removed_and_reworded_by_id() -> None:
    old = load_pack_text(_pack(FORM, LICENCE), "old.toml")
    reworded = '{ id = "application_form", text = "申报表（加盖公章）", text_en = "Application form, stamped" }'
    new = load_pack_text(_pack(reworded, '{ id = "bank_form", text = "银行账户信息表" }'), "new.toml")
    zh = diff_packs(old, new, "zh")
    assert any("申报材料 application_form 改为“申报表（加盖公章）”（原为“申报表”）" in line for line in zh)
    assert any("新增申报材料“银行账户信息表”" in line for line in zh)
    assert any("删去申报材料“营业执照复印件”" in line for line in zh)
    en = diff_packs(old, new, "en")
    assert any("document application_form reworded: Application form, stamped (was: Application form)" in x for x in en)


def test_a_reworded_document_keeps_its_id_and_is_not_a_removal() -> None:
    old = load_pack_text(_pack(FORM), "old.toml")
    new = load_pack_text(_pack('{ id = "application_form", text = "申报书" }'), "new.toml")
    lines = diff_packs(old, new, "zh")
    assert not any("删去申报材料" in line or "新增申报材料" in line for line in lines)


GUIDE = """
[guide]
id = "g"
pack = "zhongshan-2025"
round = "测试"
published_on = 2026-03-01
source = "测试"

[[items]]
item = "aeo"
{changes}
"""


def _guide(pack: Pack, changes: str):  # type: ignore[no-untyped-def]
    return load_guide_text(GUIDE.format(changes=changes).encode("utf-8"), "g.toml", {pack.id: pack})


def _aeo_documents(pack: Pack, changes: str) -> list[tuple[str, str]]:
    guide = _guide(pack, changes)
    result = assess(pack, {}, assessed_on=dt.date(2026, 12, 1), guide=guide)
    return [(d.id, d.text.zh) for d in result.item("aeo").documents]


def test_a_guide_adds_rewords_and_drops_documents_by_id(pack: Pack) -> None:
    plain = _aeo_documents(pack, "")
    assert [i for i, _ in plain] == [
        "application_form",
        "business_licence",
        "aeo_certificate",
        "commitment_letter",
        "bank_account_form",
    ]
    changed = _aeo_documents(
        pack,
        'documents_replace = [{ id = "application_form", text = "2026 年申报表（附件 1）" }]\n'
        'documents_drop = ["bank_account_form"]\n'
        'documents_add = [{ id = "customs_list", text = "海关公布的首次认证企业名单截图" }]',
    )
    assert changed == [
        ("application_form", "2026 年申报表（附件 1）"),
        ("business_licence", "营业执照复印件"),
        ("aeo_certificate", "海关《认证企业证书》复印件"),
        ("commitment_letter", "信用承诺书"),
        ("customs_list", "海关公布的首次认证企业名单截图"),
    ]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            'documents_drop = ["fax_form"]',
            "g.toml: items[0]（aeo）.documents_drop: 该支持项目没有编号为 'fax_form' 的材料",
        ),
        (
            'documents_replace = [{ id = "fax_form", text = "传真" }]',
            "items[0]（aeo）.documents_replace: 该支持项目没有编号为 'fax_form' 的材料",
        ),
        (
            'documents_add = [{ id = "business_licence", text = "营业执照" }]',
            "材料编号 business_licence 已在清单中；改写已有材料请用 documents_replace",
        ),
        ('documents_add = [{ text = "名单" }]', "items[0]（aeo）.documents_add[0].id: 缺少此字段"),
        (
            'documents = [{ id = "a", text = "甲" }]\ndocuments_drop = ["a"]',
            "documents 替换整张材料清单，不能再与 documents_replace 或 documents_drop 同用",
        ),
    ],
)
def test_a_guide_that_names_a_document_the_item_lacks_is_refused(pack: Pack, changes: str, message: str) -> None:
    with pytest.raises(GuideError) as caught:
        _guide(pack, changes)
    assert any(message in p for p in words(caught.value.problems)), words(caught.value.problems)


def test_the_bundled_training_guide_adds_its_document_under_an_id(pack: Pack) -> None:
    text = (bundled_guides_folder() / "zhongshan-2025-training.toml").read_bytes()
    guide = load_guide_text(text, "t.toml", {pack.id: pack})
    assert [d.id for d in guide.items["equipment"].documents_add] == ["completion_report"]


def test_assess_json_gives_each_document_its_id_and_text(pack: Pack) -> None:
    data = assessment_to_data(assess(pack, {}, assessed_on=dt.date(2026, 12, 1)), "en")
    aeo = next(i for i in data["items"] if i["id"] == "aeo")
    assert aeo["documents"][0] == {"id": "application_form", "text": "Application form"}
