"""Issue 25, example by example: what the program says is true on the day it is read, what the pack reads into
the text is said as such, and what acting would bring is what it brings. Each test runs a quoted example of the
issue again and asserts the corrected text or figure (the opportunities' own are in test_opportunities.py, the
pack language's in tests/policy/test_pack_language.py)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.engine import assess, read_answers_file, validate_answers
from desktop.engine.opportunities import find_opportunities
from desktop.engine.result import Assessment
from desktop.policy import Pack, load_pack, load_pack_text
from desktop.policy.guide_registry import known_guides
from desktop.report.checklist import checklist_bytes
from desktop.wording.applying import guide_age, guide_warning, window_detail, window_short
from desktop.wording.problems import words
from tests.conftest import EXAMPLES, REPO

DAY = dt.date(2026, 12, 6)  # the day the issue was written
POLICY_TEXT = (REPO / "resources" / "policies" / "zhongshan-2025-measures.txt").read_text(encoding="utf-8")
REAL_RULES = REPO / "tests" / "packs" / "real-rules.toml"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _example(pack: Pack, name: str, guide: str | None = "zhongshan-2025-known", **answers: Any) -> Assessment:
    answers_file, _ = read_answers_file(EXAMPLES / f"{name}.json", lambda _p, _d: pack)
    given, problems = validate_answers(pack, {**answers_file.answers, **answers})
    assert problems == []
    chosen = known_guides().get(guide) if guide else None
    return assess(pack, given, assessed_on=answers_file.assessed_on or DAY, guide=chosen)


def _pdf_text(result: Assessment, lang: str = "zh", today: dt.date = DAY) -> str:
    pdf = checklist_bytes(result, "en" if lang == "en" else "zh", today=today)
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


# -- "Not found" shown as "not published" -------------------------------------------------------------------
def test_the_bundled_guide_says_no_notice_was_found_by_its_date_not_that_none_was_published(pack: Pack) -> None:
    """ "申报通知尚未发布" and "尚未公布：请留意…发布的申报通知"."""
    result = _example(pack, "lighting-exporter")
    assert result.guide is not None
    assert result.guide.round.zh == "2026 年申报（2025 年度的支持）：截至 2026-11-30 未见申报通知"
    credit = result.item("credit_insurance")
    detail, cell = window_detail(credit, result, DAY), window_short(credit, result, DAY)
    assert detail is not None and cell is not None
    assert detail.zh == "在 2026-11-30 所掌握的申报通知中未见：请留意中山市商务局发布的申报通知"
    assert detail.en.startswith("Not found in the notices we had on 2026-11-30")
    assert (cell.zh, cell.en) == ("截至 2026-11-30 未见通知", "No notice as of 2026-11-30")
    _, out, _ = run("assess", str(EXAMPLES / "lighting-exporter.json"), "--today", DAY.isoformat())
    assert "尚未公布" not in out and "尚未发布" not in out and "not yet published" not in out.lower()


def test_a_guide_says_how_old_it_is_and_an_old_one_says_so(pack: Pack) -> None:
    result = _example(pack, "lighting-exporter")
    age = guide_age(result, DAY)
    assert (
        age is not None and age.zh == "指南日期 2026-11-30，6 天前" and age.en == "guide dated 2026-11-30, 6 days ago"
    )
    assert guide_warning(result, DAY) is None
    later = dt.date(2027, 4, 1)
    warning = guide_warning(result, later)
    assert warning is not None and "已有约 4 个月" in warning.zh and "添加申报指南" in warning.zh
    assert warning.zh in _pdf_text(result, today=later).replace("\n", "")


# -- One run, two stories -----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["lighting-exporter", "appliance-maker", "small-trader"])
def test_the_json_the_text_and_the_pdf_of_one_run_tell_one_story(name: str, tmp_path: Path) -> None:
    """`assess --json` had `notices` empty while the PDF of the same run said the measures had ended."""
    pdf = tmp_path / "c.pdf"
    code, out, _ = run("assess", str(EXAMPLES / f"{name}.json"), "--json", "--pdf", str(pdf), "--today", "2026-12-06")
    assert code == 0
    data = json.loads(out)
    sentence = data["notices"][0]
    assert "《中山市稳外贸促增长若干措施》已于 2025-12-31 结束" in sentence and data["warnings"] == [sentence]
    _, text, _ = run("assess", str(EXAMPLES / f"{name}.json"), "--today", "2026-12-06")
    assert f"!! {sentence}" in text
    printed = _flat("\n".join(page.extract_text() for page in PdfReader(pdf).pages))
    assert _flat(sentence) in printed


# -- Basic conditions that read as money within reach -------------------------------------------------------
def test_a_firm_on_the_dishonest_list_is_barred_for_now_with_what_to_do_and_nothing_in_any_total(pack: Pack) -> None:
    """It got 待确认 and "另有待确认 750,000.00 元" with full document lists."""
    result = _example(pack, "lighting-exporter", on_dishonest_list=True)
    assert (result.total, result.pending_total) == (0, 0)
    assert {i.id for i in result.barred()} == {"aeo", "credit_insurance", "equipment", "exhibitions"}
    assert not result.to_confirm()
    aeo = result.item("aeo")
    assert [r.zh for r in aeo.reasons] == [
        "已被列入“信用中国”严重失信主体名单",
        "须先申请信用修复、移出严重失信主体名单，再申请；移出后能否申请，请向主管部门确认",
        "按目前的回答，届时可申请 150,000.00 元（不计入任何合计）",
    ]
    assert result.notices[0].zh.startswith("已被列入“信用中国”严重失信主体名单：各项资金支持暂不可申请")
    text = _flat(_pdf_text(result))
    assert "另有待确认" not in text and "需准备的材料" not in text.split("可享受的其他支持和服务")[0]
    assert "暂不可申请" in text and "须先申请信用修复" in text


@pytest.mark.parametrize(
    ("answer", "reason", "remedy"),
    [
        ({"on_abnormal_list": True}, "已被列入经营异常名录", "移出经营异常名录"),
        (
            {"registered_in_zhongshan": False},
            "未在中山市办理工商注册和税务登记",
            "在中山市办理工商注册和税务登记后再申请",
        ),
    ],
)
def test_the_other_bars_say_their_own_remedy(pack: Pack, answer: dict[str, bool], reason: str, remedy: str) -> None:
    result = _example(pack, "lighting-exporter", **answer)
    assert result.total == 0 and result.pending_total == 0
    credit = result.item("credit_insurance")
    assert credit.status == "barred" and credit.amount == Decimal("360000.00")
    assert reason in credit.reasons[0].zh and remedy in " ".join(r.zh for r in credit.reasons)


def test_other_funds_are_asked_per_item_and_leave_only_that_item_to_confirm(pack: Pack) -> None:
    """ "No other funds for the same project" was one yes/no turning every item (AEO, exhibitions) to confirm."""
    result = _example(pack, "lighting-exporter", other_funds_items=["equipment"])
    assert result.item("equipment").status == "to_confirm"
    assert {i.id: i.status for i in result.items if i.id in ("aeo", "exhibitions", "credit_insurance")} == {
        "aeo": "eligible",
        "exhibitions": "eligible",
        "credit_insurance": "eligible",
    }
    assert (result.total, result.pending_total) == (Decimal("510000.00"), Decimal("1200000.00"))


def test_an_older_firm_wide_yes_is_carried_over_to_every_item_and_said_once(pack: Pack, tmp_path: Path) -> None:
    data = json.loads((EXAMPLES / "lighting-exporter.json").read_text(encoding="utf-8"))
    del data["answers"]["other_funds_items"]
    data["answers"]["other_funds_same_project"] = True
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    answers_file, _ = read_answers_file(path, lambda _p, _d: pack)
    question = pack.question("other_funds_items")
    assert question is not None
    assert answers_file.answers["other_funds_items"] == [c.value for c in question.choices]
    (note,) = words(answers_file.notes)
    assert note.startswith("old.json: answers.other_funds_items（以下哪些项目（同一项目）已获得")
    assert "原答卷对全部项目的一个回答（是，other_funds_same_project）已沿用到每一项（15 项）" in note
    code, _, err = run("assess", str(path))
    assert code == 0 and err.count("原答卷对全部项目的一个回答") == 1
    data["answers"]["other_funds_same_project"] = False
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    answers_file, _ = read_answers_file(path, lambda _p, _d: pack)
    assert answers_file.answers["other_funds_items"] == [] and answers_file.notes == ()


# -- Readings the pack makes silently -----------------------------------------------------------------------
def _article(item_id: str, pack: Pack) -> str:
    """The paragraph of the policy text an item belongs to ("八、推动产业转型升级。…")."""
    found = pack.item(item_id)
    assert found is not None
    label = found[0].article_label
    match = re.search(rf"^{label}、.*$", POLICY_TEXT, re.MULTILINE)
    assert match is not None
    return match.group(0)


def test_every_reading_an_item_shows_quotes_that_items_own_article(pack: Pack) -> None:
    """The stacking reading quoted a sentence about key firms and hung it on article 八 too."""
    for _, item in pack.items():
        for name in item.interpretations:
            reading = pack.interpretations[name]
            if reading.kind == "reading":
                assert reading.quote in _article(item.id, pack), (item.id, name)
    equipment = pack.item("equipment")
    assert equipment is not None and "重点企业" not in " ".join(
        pack.interpretations[n].quote for n in equipment[1].interpretations
    )


@pytest.mark.parametrize(
    ("item_id", "reading"),
    [
        ("credit_insurance", "本工具按 2025 年全年实际缴纳的年度保费计算"),
        ("equipment", "按措施施行期间（2025-04-15 至 2025-12-31）新购置的设备和系统计算"),
        ("ip_enforcement", "按措施施行期间（2025-04-15 至 2025-12-31）发生的维权成本计算"),
        ("overseas_investment_insurance", "按措施施行期间（2025-04-15 至 2025-12-31）实缴的海外投资保险费用计算"),
        ("digital_project", "按措施施行期间（2025-04-15 至 2025-12-31）的项目投入计算"),
        ("digital_project", "不要求项目属于产业链供应链数字赋能平台"),
    ],
)
def test_what_the_text_gives_no_time_or_field_for_is_a_reading_with_its_quote(
    pack: Pack, item_id: str, reading: str
) -> None:
    found = pack.item(item_id)
    assert found is not None
    readings = [pack.interpretations[n] for n in found[1].interpretations]
    assert any(reading in r.reading.zh and r.quote in POLICY_TEXT for r in readings)


def test_article_eight_is_asked_whether_the_purchase_is_part_of_a_filed_upgrading_project(pack: Pack) -> None:
    """Article 八's 15% was given for any purchase, while the text ties it to 实施新一轮技术改造升级."""
    question = pack.question("equipment_upgrade_project")
    assert question is not None and "技术改造项目" in question.label.zh
    result = _example(pack, "lighting-exporter", equipment_upgrade_project=False)
    equipment = result.item("equipment")
    assert equipment.status == "to_confirm" and equipment.amount == Decimal("1200000.00")
    assert any("技术改造投资项目备案证" in r.reading.zh for r in equipment.decided_by)


def test_an_aeo_date_after_the_end_is_a_reading_to_confirm_not_a_hard_no(pack: Pack) -> None:
    result = _example(pack, "lighting-exporter", aeo_certified_on=dt.date(2026, 2, 1))
    aeo = result.item("aeo")
    assert aeo.status == "to_confirm" and aeo.amount == Decimal("150000.00")
    assert any("结束后（2025-12-31 之后）取得的认证" in r.why.zh for r in aeo.decided_by)


def test_an_unknown_exporter_class_is_said_as_it_is(pack: Pack) -> None:
    """`export_class = unknown` was answered "出口企业分类不是一类或二类"."""
    result = _example(pack, "lighting-exporter", export_class="unknown")
    refund = result.item("fast_tax_refund")
    assert refund.reasons[0].zh == "出口企业分类：不清楚；此项服务面向一类、二类出口企业（分类可在电子税务局查询）"
    _, out, _ = run("assess", "--lang", "en", str(EXAMPLES / "small-trader.json"))
    assert "Exporter class: Class 3; this service is for class 1 and class 2 exporters" in out
    assert "Does not apply" in out


def test_services_are_not_conditioned_on_what_the_text_does_not_condition(pack: Pack) -> None:
    """Article 三's services were 不可申请 for a firm without cross-border e-commerce."""
    result = _example(pack, "lighting-exporter", cross_border_ecommerce=False)
    assert result.item("ecommerce_services").status == "service"
    _, out, _ = run("assess", str(EXAMPLES / "small-trader.json"))
    assert "一类、二类出口企业退税平均 3 个工作日办结: 不适用" in out


# -- Invented figures inside a real-looking total ----------------------------------------------------------
def test_the_training_guides_invented_amount_is_said_on_the_total_line_everywhere(pack: Pack) -> None:
    result = _example(pack, "lighting-exporter", guide="zhongshan-2025-training")
    assert result.total == Decimal("1730000.00")
    line = "最多可申请合计: 1,730,000.00 元（173.00 万元）（含【培训示例】虚构金额 20,000.00 元）"
    _, out, _ = run("assess", str(EXAMPLES / "lighting-exporter.json"), "--guide", "zhongshan-2025-training")
    assert line in out
    _, out, _ = run("assess", str(EXAMPLES / "lighting-exporter.json"), "--guide", "zhongshan-2025-training", "--json")
    assert json.loads(out)["invented_total"] == "20000.00"
    assert _flat("1,730,000.00元（173.00万元）（含【培训示例】虚构金额20,000.00元）") in _flat(_pdf_text(result))
    english = _flat(_pdf_text(result, "en"))
    assert _flat("1,730,000.00 yuan (RMB 1.73 million) (including 20,000.00 yuan invented for training") in english


# -- The checklist without its caveat ----------------------------------------------------------------------
def test_the_documents_caveat_is_printed_wherever_documents_are_and_every_list_has_a_source(pack: Pack) -> None:
    """No item with a computed amount: "以下为常见申报材料…" was not printed, yet the lists were."""
    result = _example(pack, "small-trader", exhibitions_attended=True, provincial_backbone_enterprise=True)
    assert not result.with_amounts()
    text = _flat(_pdf_text(result))
    assert _flat(pack.documents_note.zh) in text
    assert text.index(_flat(pack.documents_note.zh)) < text.index("需准备的材料")
    assert "材料清单的来源" in text and "本工具的建议：未见同类申报指南的材料清单" in text
    for _, item in pack.items():
        if item.documents:
            assert item.documents_source.zh, item.id


# -- The pack language's own defects ----------------------------------------------------------------------
def test_an_amount_received_is_named_as_received_once() -> None:
    """A `minus` label was prefixed with 已获得的: "减去已获得的已获得的车间奖励"."""
    text = REAL_RULES.read_text(encoding="utf-8").replace('short = "车间奖励"', 'short = "已获得的车间奖励"')
    rules = load_pack_text(text.encode("utf-8"), "r.toml")
    answers, _ = validate_answers(rules, {"workshop_award_received": "200000"})
    steps = " ".join(s.zh for s in assess(rules, answers, assessed_on=DAY).item("difference").steps)
    assert "减去已获得的车间奖励 200,000.00 元，为 300,000.00 元" in steps and "已获得的已获得的" not in steps


def test_a_combined_cap_that_comes_to_nothing_names_the_computed_figure_not_the_premium() -> None:
    """The reason named the premium (600,000) as the 测算金额."""
    rules = load_pack(REAL_RULES)
    given = {"premium": "600000", "province_support": "400000", "city_support": "300000"}
    answers, _ = validate_answers(rules, given)
    item = assess(rules, answers, assessed_on=DAY).item("combined_cap")
    assert item.status == "not_eligible"
    assert item.reasons[0].zh == (
        "测算金额 120,000.00 元，受“省、市、区合计不超过实缴保费”的限制为 0 元"
        "（600,000.00 元 减去已获得的省级支持 400,000.00 元、市级支持 300,000.00 元后为 0 元），没有可支持的金额"
    )


def test_a_figure_no_rate_made_is_not_labelled_by_rate() -> None:
    """Items with no rate were labelled 口径 按比例测算."""
    from desktop.wording.vocabulary import basis_term

    text = REAL_RULES.read_text(encoding="utf-8")
    for item_id in ("tiers", "per_unit_floor"):  # as if the text fixed these figures (basis exact)
        start = text.index(f'id = "{item_id}"')
        end = text.index('basis = "up_to"', start)
        text = text[:end] + 'basis = "exact"' + text[end + len('basis = "up_to"') :]
    rules = load_pack_text(text.encode("utf-8"), "r.toml")
    dates = {"upgrade_started_on": "2024-01-01", "upgrade_finished_on": "2025-01-01"}
    answers, _ = validate_answers(rules, {"digital_level": 3, **dates, "import_growth_usd": 2000000})
    result = assess(rules, answers, assessed_on=DAY)
    assert basis_term(result.item("tiers")) == "按档位"
    assert basis_term(result.item("per_unit_floor")) == "按单价测算"


# -- Wording ------------------------------------------------------------------------------------------------
def test_a_cap_is_never_split_inside_its_figure_in_the_pdf_summary(pack: Pack) -> None:
    """ "每境外项目 300,000." / "00"."""
    result = _example(pack, "appliance-maker")
    first = PdfReader(io.BytesIO(checklist_bytes(result, "zh", today=DAY))).pages[0].extract_text()
    assert "300,000.00" in first and not re.search(r"\d\.\s*\n\s*\d\d", first)


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("(6.06 million yuan)", "6,059,000.00 yuan (RMB 6.059 million)"),
        ("0.03 million yuan", "One-off support for first ISO 56005 certification: 30,000.00 yuan  ("),
        ("Basis: By rate", "basis: rate"),
        ("Private enterprises", None),
        ("private enterprises", None),
        ("phone 12345 (Application notices", None),
    ],
)
def test_english_reads_as_a_finance_clerk_writes(wrong: str, right: str | None) -> None:
    code, out, _ = run("--lang", "en", "assess", str(EXAMPLES / "appliance-maker.json"))
    assert code == 0
    assert wrong not in out
    if right is not None:
        assert right in out


def test_english_opportunities_and_reasons_read_as_sentences(pack: Pack) -> None:
    """ "If Digital level reaches 2", "Equipment and systems purchased is 0 yuan:"."""
    result = _example(pack, "lighting-exporter")
    answers_file, _ = read_answers_file(EXAMPLES / "lighting-exporter.json", lambda _p, _d: pack)
    found = find_opportunities(pack, answers_file.answers, result, dt.date(2025, 12, 1))
    (digital,) = found.for_item("digital_project")
    assert digital.text.en.startswith("If the digital level reaches 2:")
    answers, _ = validate_answers(pack, {"credit_insurance_product": "general", "credit_insurance_premium": "0"})
    reason = assess(pack, answers, assessed_on=DAY).item("credit_insurance").reasons[0].en
    assert reason == "Premium: 0 yuan, so nothing to support"
    apec = pack.item("apec_card")
    assert (
        apec is not None
        and "enterprises not in public ownership" in apec[1].claim.en
        and "private" not in apec[1].claim.en
    )
    commerce = known_guides().get("zhongshan-2025-known")
    assert commerce is not None and commerce.contacts["industry"].phone == ""


@pytest.mark.parametrize("guide", ["zhongshan-2025-known", "zhongshan-2025-training"])
def test_a_stored_snapshot_keeps_where_the_lists_come_from_and_how_figures_are_computed(pack: Pack, guide: str) -> None:
    from desktop.engine.result import assessment_from_data, assessment_to_data
    from desktop.wording.vocabulary import basis_term

    result = _example(pack, "lighting-exporter", guide=guide)
    again = assessment_from_data(json.loads(json.dumps(assessment_to_data(result, None))))
    for before, after in zip(result.items, again.items, strict=True):
        assert after.documents_source == before.documents_source, before.id
        assert after.documents == before.documents, before.id
        assert basis_term(after) == basis_term(before), before.id
    equipment = again.item("equipment")
    if guide.endswith("training"):  # the training guide adds a document: its list says so, once
        assert equipment.documents_source.zh.count("部分材料依据所用的申报指南") == 1
    else:
        assert equipment.documents_source.zh == "参照中山 2019 年及深圳的技术改造申报指南"
