"""The 2025 pack says what the policy text says, and a broken pack is refused with every problem named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.policy import Pack, PackError, load_pack, load_pack_text
from desktop.policy.registry import PackRegistry
from desktop.policy.rules.base import numbers
from desktop.wording.problems import words
from tests.conftest import raises_saying

REPO = Path(__file__).resolve().parents[2]
PACK_FILE = REPO / "resources" / "policies" / "zhongshan-2025.toml"
POLICY_TEXT = (REPO / "resources" / "policies" / "zhongshan-2025-measures.txt").read_text(encoding="utf-8")


def test_the_pack_has_the_policy_head(pack: Pack) -> None:
    assert pack.id == "zhongshan-2025"
    assert str(pack.valid_from) == "2025-04-15"
    assert str(pack.valid_to) == "2025-12-31"
    assert str(pack.issued_on) == "2025-04-15"
    assert pack.title.zh == "中山市稳外贸促增长若干措施"
    assert re.fullmatch(r"[0-9a-f]{64}", pack.hash)


def test_all_fifteen_measures_in_order(pack: Pack) -> None:
    assert [m.article for m in pack.measures] == list(range(1, 16))
    labels = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"]
    assert [m.article_label for m in pack.measures] == labels


@pytest.mark.parametrize("index", range(15))
def test_responsible_units_are_those_of_the_text(pack: Pack, index: int) -> None:
    """Each measure's units, joined as the text joins them, stand in the article's 责任单位 line."""
    measure = pack.measures[index]
    article = re.search(rf"(?m)^{measure.article_label}、.*$", POLICY_TEXT)
    assert article is not None
    listed = re.search(r"\(责任单位:(.*)\)$", article.group(0))
    assert listed is not None
    source_units = re.split(r"[、,]", listed.group(1))
    assert [u.zh for u in measure.units] == source_units


def test_every_reading_of_the_text_names_the_sentence_it_reads(pack: Pack) -> None:
    """An interpretation quotes the words it reads, verbatim; a requirement taken from other guides has no
    words in this text and says that the text does not state it."""
    assert pack.interpretations
    for interpretation in pack.interpretations.values():
        if interpretation.kind == "reading":
            assert interpretation.quote, interpretation.id
            assert interpretation.quote in POLICY_TEXT, interpretation.id
        else:
            assert not interpretation.quote, interpretation.id
            assert "原文未写明" in interpretation.why.zh, interpretation.id
        assert interpretation.reading.zh and interpretation.reading.en and interpretation.ask.zh, interpretation.id


def test_every_reading_is_used_by_an_item_or_a_condition(pack: Pack) -> None:
    used = {name for _, item in pack.items() for name in item.interpretations}
    conditions = [*pack.common_conditions, *(c for _, item in pack.items() for c in item.conditions)]
    used |= {c.interpretation for c in conditions if c.interpretation}
    assert used == set(pack.interpretations)


def test_every_item_quotes_its_source_verbatim(pack: Pack) -> None:
    for _, item in pack.items():
        assert item.source in POLICY_TEXT, item.id


def test_every_number_of_an_amount_rule_is_in_its_quote(pack: Pack) -> None:
    """Rates and caps are traceable: 0.30 → "30%", 500000 → "50万元" in the item's quoted sentence."""
    for _, item in pack.items():
        if item.rule is None:
            continue
        for number in numbers(item.rule):
            if number.kind == "rate":
                assert f"{int(number.value * 100)}%" in item.source, (item.id, number.path)
            else:
                assert f"{int(number.value / 10000)}万元" in item.source, (item.id, number.path, number.value)


def test_every_available_item_has_documents(pack: Pack) -> None:
    for _, item in pack.items():
        if item.kind != "service":
            assert item.documents, item.id


def test_the_fixed_question_ids_exist_with_their_types(pack: Pack) -> None:
    expected = {
        "exhibitions_attended": "bool",
        "provincial_backbone_enterprise": "bool",
        "specialized_status": "choice",
        "aeo_first_certified": "bool",
        "aeo_certified_on": "date",
        "cross_border_ecommerce": "bool",
        "export_class": "choice",
        "credit_insurance_product": "choice",
        "credit_insurance_premium": "money",
        "digital_key_enterprise": "bool",
        "digital_level": "integer",
        "digital_project_investment": "money",
        "equipment_purchase_total": "money",
        "service_outsourcing": "bool",
        "overseas_projects": "table",
        "ip_cases": "table",
        "iso56005_first_certified": "bool",
        "iso56005_certified_on": "date",
    }
    for qid, qtype in expected.items():
        question = pack.question(qid)
        assert question is not None, qid
        assert question.type == qtype, qid
    ip = pack.question("ip_cases")
    assert ip is not None
    kind = ip.field("kind")
    assert kind is not None
    assert [c.value for c in kind.choices] == ["patent", "trademark", "geographical_indication"]
    assert [c.value for c in pack.question("export_class").choices] == [  # type: ignore[union-attr]
        "class1",
        "class2",
        "class3",
        "class4",
        "unknown",
    ]


def test_the_glossary_explains_the_terms_of_art(pack: Pack) -> None:
    terms = {t.term.zh for t in pack.glossary.values()}
    assert {"AEO 认证", "一般企业类", "数字化二级", "ISO 56005", "重点企业", "出口企业分类"} <= terms


def _broken(original: str, *replacements: tuple[str, str]) -> bytes:
    text = original
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text.encode("utf-8")


def test_a_broken_pack_is_refused_with_every_problem_named() -> None:
    original = PACK_FILE.read_text(encoding="utf-8")
    content = _broken(
        original,
        ('rule = { fixed = "150000" }', 'rule = { lump_sum = "150000" }'),
        ('rate = "0.30"', 'rate = "-0.30"'),
        ('of = "equipment_purchase_total"', 'of = "equipment_total"'),
        ("valid_to = 2025-12-31", 'valid_to = "2025-13-45"'),
    )
    with pytest.raises(PackError) as caught:
        load_pack_text(content, "broken.toml")
    problems = words(caught.value.problems)
    assert all(p.startswith("broken.toml: ") for p in problems)
    joined = "\n".join(problems)
    assert "measures[1]（strong_enterprises）.items[2]（aeo）.rule: 未知的计算块" in joined
    assert "measures[5]（credit_insurance）.items[0]（credit_insurance）.rule.rate: 不能为负数" in joined
    assert "measures[7]（upgrade）.items[0]（equipment）.rule.of: 引用了不存在的问题 'equipment_total'" in joined
    assert "[pack].valid_to: 应为日期" in joined
    assert len(problems) == 4


def test_a_condition_on_a_missing_question_is_refused() -> None:
    original = PACK_FILE.read_text(encoding="utf-8")
    content = _broken(
        original,
        (
            '{ question = "aeo_first_certified", equals = true, reason',
            '{ question = "aeo_first", equals = true, reason',
        ),
    )
    with raises_saying(PackError, match=r"conditions\[0\]\.question: 引用了不存在的问题 'aeo_first'"):
        load_pack_text(content, "x.toml")


def test_a_rate_above_one_is_refused() -> None:
    content = _broken(PACK_FILE.read_text(encoding="utf-8"), ('rate = "0.15"', 'rate = "15"'))
    with raises_saying(PackError, match="比例应在 0 到 1 之间"):
        load_pack_text(content, "x.toml")


def test_toml_syntax_errors_name_the_file() -> None:
    with raises_saying(PackError, match=r"^bad\.toml: "):
        load_pack_text(b"[pack\nid=", "bad.toml")


def test_an_unreadable_file_is_a_pack_error(tmp_path: Path) -> None:
    with raises_saying(PackError, match="无法读取"):
        load_pack(tmp_path / "missing.toml")


def test_the_hash_changes_with_any_byte(pack: Pack) -> None:
    content = PACK_FILE.read_bytes()
    assert load_pack_text(content, "a.toml").hash == pack.hash
    assert load_pack_text(content + b"\n# comment\n", "a.toml").hash != pack.hash


def test_the_registry_picks_the_pack_in_force_or_the_newest(pack: Pack) -> None:
    import dataclasses
    import datetime as dt

    later = dataclasses.replace(
        pack, id="zhongshan-2026", valid_from=dt.date(2026, 3, 1), valid_to=dt.date(2026, 12, 31)
    )
    registry = PackRegistry([pack, later])
    assert registry.for_date(dt.date(2025, 6, 1)).id == "zhongshan-2025"
    assert registry.for_date(dt.date(2026, 6, 1)).id == "zhongshan-2026"
    assert registry.for_date(dt.date(2026, 1, 15)).id == "zhongshan-2026"
    with raises_saying(LookupError, match="未知的政策包"):
        registry.get("shenzhen-2025")
