"""`python -m desktop assess`: the readable summary, the JSON result, and clear refusals of bad input."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop import __version__
from desktop.cli import has_display, main
from desktop.policy import bundled_registry
from tests.conftest import EXAMPLES, REPO


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def write(tmp_path: Path, data: Any, name: str = "answers.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def lighting() -> dict[str, Any]:
    return json.loads((EXAMPLES / "lighting-exporter.json").read_text(encoding="utf-8"))


def test_the_summary_of_the_lighting_exporter() -> None:
    code, out, err = run("assess", str(EXAMPLES / "lighting-exporter.json"))
    assert (code, err) == (0, "")
    assert "最多可申请合计: 1,710,000.00 元（171.00 万元）" in out
    assert "保费 1,200,000.00 元 × 30% = 360,000.00 元，未超过上限 500,000.00 元" in out
    assert "目前不可申请的项目" in out
    assert "[第二条] 首次获得海关 AEO 认证一次性补贴: 150,000.00 元  (上限: 150,000.00 元; 口径: 定额)" in out


def test_the_json_result() -> None:
    code, out, _ = run("assess", str(EXAMPLES / "lighting-exporter.json"), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["total"] == "1710000.00"
    assert data["policy"]["id"] == "zhongshan-2025"
    assert re.fullmatch(r"[0-9a-f]{64}", data["policy"]["hash"])
    # the period is judged on the day of the run, as the PDF of the same run judges it (today: after the period)
    assert len(data["warnings"]) == 1 and "已于 2025-12-31 结束" in data["warnings"][0]
    assert data["notices"][0] == data["warnings"][0]
    items = {i["id"]: i for i in data["items"]}
    assert items["aeo"]["amount"] == "150000.00"
    assert items["credit_insurance"] == items["credit_insurance"] | {
        "status": "eligible",
        "amount": "360000.00",
        "cap": "500000.00",
        "capped": False,
        "basis": "exact",
    }
    assert items["equipment"]["cap"] is None
    assert items["equipment"]["basis"] == "up_to"
    assert items["digital_project"]["status"] == "not_eligible"
    assert items["digital_project"]["reasons"] == ["数字化水平为 1 级，未达到二级"]
    assert items["port_services"]["status"] == "service"
    assert {i["status"] for i in data["items"]} <= {"eligible", "not_eligible", "not_answered", "service"}
    for item in data["items"]:
        assert isinstance(item["steps"], list) and isinstance(item["reasons"], list)


def test_english_output() -> None:
    code, out, _ = run("--lang", "en", "assess", str(EXAMPLES / "lighting-exporter.json"))
    assert code == 0
    assert "Maximum claimable total: 1,710,000.00 yuan (RMB 1.71 million)" in out
    assert "Premium 1,200,000.00 yuan × 30% = 360,000.00 yuan, within the cap of 500,000.00 yuan" in out


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.json")))
def test_every_example_assesses(example: str) -> None:
    code, out, err = run("assess", str(EXAMPLES / example), "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["total"]


def test_after_the_period_one_sentence_says_what_it_means(tmp_path: Path) -> None:
    data = lighting() | {"assessed_on": "2026-03-01"}
    code, out, _ = run("assess", str(write(tmp_path, data)), "--json")
    assert code == 0
    assert json.loads(out)["warnings"] == [
        "本评估针对 2025 年度（2025-04-15 至 2025-12-31）的经营活动。《中山市稳外贸促增长若干措施》已于 2025-12-31 "
        "结束，这一期间的支持一般在之后的申报窗口申请，申报时间和要求以主管部门发布的申报通知为准。"
    ]


def test_policy_and_date_may_be_omitted(tmp_path: Path) -> None:
    data = lighting()
    del data["policy"], data["assessed_on"]
    code, out, _ = run("assess", str(write(tmp_path, data)), "--json", "--today", "2025-08-01")
    assert code == 0
    result = json.loads(out)
    assert result["assessed_on"] == "2025-08-01"
    assert result["policy"]["id"] == "zhongshan-2025"


def test_money_as_json_numbers_is_exact(tmp_path: Path) -> None:
    text = json.dumps(lighting(), ensure_ascii=False).replace('"1200000.00"', "1200000.10")
    code, out, _ = run("assess", str(write(tmp_path, text)), "--json")
    assert code == 0
    items = {i["id"]: i for i in json.loads(out)["items"]}
    assert items["credit_insurance"]["amount"] == "360000.03"


BAD_INPUTS = [
    ("malformed json", '{"answers": {', ["answers.json: JSON 格式错误，第 1 行"]),
    (
        "unknown question with a suggestion",
        {"answers": {"aeo_first_certifed": True}},
        ["answers.json: answers.aeo_first_certifed: 未知的问题编号；是否应为 aeo_first_certified？"],
    ),
    (
        "wrong type",
        {"answers": {"aeo_first_certified": "yes"}},
        ["answers.aeo_first_certified（是否首次获得海关 AEO 认证？）: 应为 true 或 false"],
    ),
    (
        "negative money",
        {"answers": {"equipment_purchase_total": -5}},
        ["answers.equipment_purchase_total", "金额不能为负数"],
    ),
    ("non-finite money", '{"answers": {"equipment_purchase_total": NaN}}', ["不支持 NaN"]),
    ("infinite money string", {"answers": {"equipment_purchase_total": "Infinity"}}, ["金额必须是有限的数"]),
    (
        "impossible date",
        {"answers": {"aeo_certified_on": "2025-02-30"}},
        ["answers.aeo_certified_on", "“2025-02-30”不是存在的日期（2025 年 2 月没有 30 日）"],
    ),
    ("no date at all", {"assessed_on": "30.2.2025"}, ["assessed_on: “30.2.2025”不是日期：应按“年-月-日”写，例如"]),
    (
        "bad credit code",
        {"enterprise": {"credit_code": "91442000MA4W8N3K2X"}},
        ["enterprise.credit_code: 统一社会信用代码的校验位不正确"],
    ),
    (
        "short credit code",
        {"enterprise": {"credit_code": "9144200"}},
        ["enterprise.credit_code: 统一社会信用代码应为 18 位"],
    ),
    ("unknown choice", {"answers": {"export_class": "class9"}}, ["answers.export_class", "未知的选项 “class9”"]),
    ("integer out of range", {"answers": {"digital_level": 7}}, ["answers.digital_level", "不能大于 5"]),
    (
        "table row field",
        {"answers": {"ip_cases": [{"kind": "patent", "cost": "x1"}]}},
        ["answers.ip_cases", "第 1 条.cost"],
    ),
    ("unknown policy", {"policy": "shenzhen-2025"}, ["policy: 未知的政策包 “shenzhen-2025”"]),
    ("not an object", "[1, 2]", ["文件内容应为 JSON 对象"]),
]


@pytest.mark.parametrize(("name", "content", "expected"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_refused_with_a_line_naming_the_field(
    tmp_path: Path, name: str, content: Any, expected: list[str]
) -> None:
    code, out, err = run("assess", str(write(tmp_path, content)), "--json")
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    for fragment in expected:
        assert fragment in err
    assert all(line.startswith("answers.json: ") for line in err.splitlines())


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    data = {
        "enterprise": {"credit_code": "123"},
        "answers": {"aeo_first_certified": "no", "digital_level": -1, "equipment_purchase_total": "-1", "foo": 1},
    }
    code, _, err = run("assess", str(write(tmp_path, data)))
    assert code == 2
    assert len(err.splitlines()) == 5


def test_a_missing_file_is_a_clear_message(tmp_path: Path) -> None:
    code, _, err = run("assess", str(tmp_path / "nope.json"))
    assert code == 2
    assert "nope.json: 无法读取文件" in err


def test_pack_check_lists_the_measures_in_the_language_asked() -> None:
    pack = str(REPO / "resources" / "policies" / "zhongshan-2025.toml")
    code, out, _ = run("pack", "check", pack)
    assert code == 0
    assert "15 条措施，27 个支持项目" in out and "measures" not in out
    assert "十四 加大知识产权维权资助力度" in out
    assert "  清单 premium_invoices：" in out
    code, out, _ = run("pack", "check", "--lang", "en", pack)
    assert code == 0
    assert "15 measures, 27 items" in out
    assert "  list premium_invoices: " in out


def test_pack_check_refuses_a_broken_pack(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('[pack]\nid = "x"\n', encoding="utf-8")
    code, _, err = run("pack", "check", str(broken))
    assert code == 2
    assert "broken.toml: [pack].version: 缺少此字段" in err


def test_the_module_runs_as_a_program_without_traceback(tmp_path: Path) -> None:
    bad = write(tmp_path, "{", "bad.json")
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "assess", str(bad)], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "bad.json: JSON 格式错误" in proc.stderr


def test_a_pack_the_user_added_is_used_by_assess(isolated_data_dir: Path) -> None:
    text = (REPO / "resources" / "policies" / "zhongshan-2025.toml").read_text(encoding="utf-8")
    text = text.replace('version = "2025.3"', 'version = "2025.4"').replace('cap = "500000"', 'cap = "300000"')
    packs = isolated_data_dir / "policies"
    packs.mkdir()
    (packs / "zhongshan-2025-v2.toml").write_text(text, encoding="utf-8")
    code, out, _ = run("assess", str(EXAMPLES / "appliance-maker.json"), "--json")
    assert code == 0
    result = json.loads(out)
    assert result["policy"]["version"] == "2025.4"
    assert {i["id"]: i for i in result["items"]}["credit_insurance"]["amount"] == "300000.00"


PACK = REPO / "resources" / "policies" / "zhongshan-2025.toml"
REAL_RULES = REPO / "tests" / "packs" / "real-rules.toml"


def test_pack_test_runs_the_cases_beside_a_pack() -> None:
    code, out, err = run("pack", "test", str(REAL_RULES))
    assert (code, err) == (0, "")
    assert re.search(r"^(\d+) 个用例，\1 个通过，0 个未通过$", out.strip())


def test_pack_test_names_each_failure_with_expected_and_actual(tmp_path: Path) -> None:
    cases = tmp_path / "wrong.toml"
    cases.write_text(
        '[[case]]\nname = "a wrong figure"\n[case.answers]\ncredit_insurance_product = "general"\n'
        'credit_insurance_premium = "1200000"\n[case.expect.credit_insurance]\namount = "350000.00"\n',
        encoding="utf-8",
    )
    code, out, _ = run("pack", "test", str(PACK), str(cases))
    assert code == 1
    assert "wrong.toml: a wrong figure: credit_insurance.amount: 应为 350000.00，实际为 360000.00" in out
    assert "1 个用例，0 个通过，1 个未通过" in out


def test_pack_test_refuses_a_pack_without_cases_and_a_broken_case_file(tmp_path: Path) -> None:
    code, _, err = run("pack", "test", str(PACK))
    assert code == 2 and "没有找到测试用例" in err
    broken = tmp_path / "broken.toml"
    broken.write_text('[[case]]\nname = "x"\n[case.expect.aeo]\nstaus = "eligible"\n', encoding="utf-8")
    code, _, err = run("pack", "test", str(PACK), str(broken))
    assert code == 2 and "broken.toml: case[0]（x）.expect.aeo.staus: 未知的期望" in err


def test_pack_diff_says_every_changed_number_with_its_article(tmp_path: Path) -> None:
    text = PACK.read_text(encoding="utf-8")
    text = text.replace(
        'rate = "0.30", of = "credit_insurance_premium"', 'rate = "0.25", of = "credit_insurance_premium"'
    )
    text = text.replace(
        'per_row = { rate = "0.20", of = "premium", cap = "300000" }',
        'per_row = { rate = "0.20", of = "premium", cap = "400000" }',
    )
    text = text.replace("valid_to = 2025-12-31", "valid_to = 2026-06-30", 1)
    new = tmp_path / "new.toml"
    new.write_text(text, encoding="utf-8")
    code, out, _ = run("pack", "diff", str(PACK), str(new))
    assert code == 0
    lines = out.splitlines()
    assert "第六条 短期出口信用保险保费支持：比例 30% → 25%" in lines
    assert "第十二条 海外投资保险保费资助：每境外项目上限 300,000.00 元 → 400,000.00 元" in lines
    assert "有效期：2025-04-15 至 2025-12-31 → 2025-04-15 至 2026-06-30" in lines
    code, out, _ = run("--lang", "en", "pack", "diff", str(PACK), str(new))
    assert "Art. 6 Support for short-term export credit insurance premiums: rate 30% → 25%" in out.splitlines()


def test_pack_diff_of_a_pack_with_itself_says_nothing_changed() -> None:
    code, out, _ = run("pack", "diff", str(PACK), str(PACK))
    assert code == 0 and out.splitlines()[-1] == "措施、支持项目、金额和问题均无变化。"


def test_assess_json_keeps_every_field_and_adds_opportunities_and_the_application() -> None:
    code, out, _ = run("assess", str(EXAMPLES / "small-trader.json"), "--json", "--guide", "zhongshan-2025-training")
    assert code == 0
    data = json.loads(out)
    assert {"policy", "assessed_on", "enterprise", "total", "warnings", "disclaimer", "items"} <= set(data)
    assert {"pending_total", "guide", "opportunities", "notices"} <= set(data)
    item = data["items"][0]
    assert {"id", "status", "amount", "cap", "capped", "basis", "units", "steps", "reasons"} <= set(item)
    assert any(o["item"] == "credit_insurance" for o in data["opportunities"]["can"])


CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e]")


def _without(text: str, own: list[str]) -> str:
    for word in sorted(own, key=len, reverse=True):
        text = text.replace(word, "")
    return text


def test_lang_may_follow_the_command() -> None:
    before = run("--lang", "en", "assess", str(EXAMPLES / "lighting-exporter.json"))
    after = run("assess", "--lang", "en", str(EXAMPLES / "lighting-exporter.json"))
    assert after == before
    assert after[0] == 0 and "Maximum claimable total" in after[1]


@pytest.mark.parametrize("example", ["lighting-exporter", "appliance-maker", "small-trader"])
def test_the_english_summary_has_no_chinese_but_the_enterprise_data(example: str) -> None:
    code, out, _ = run("assess", str(EXAMPLES / f"{example}.json"), "--lang", "en")
    assert code == 0
    data = json.loads((EXAMPLES / f"{example}.json").read_text(encoding="utf-8"))
    own = [data["enterprise"]["name"]] + [
        str(v)
        for rows in data["answers"].values()
        if isinstance(rows, list)
        for row in rows
        for v in row.values()
        if isinstance(v, str)
    ]
    assert CJK.findall(_without(out, own)) == []
    assert "[Art. 6]" in out or "[Art. 2]" in out  # articles by number, not 六


@pytest.mark.parametrize(("name", "content", "expected"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_refusals_are_english_with_lang_en(tmp_path: Path, name: str, content: Any, expected: list[str]) -> None:
    code, out, err = run("assess", str(write(tmp_path, content)), "--lang", "en")
    assert code == 2
    assert out == ""
    # what is left in Chinese is the pack's own question labels, which the engine quotes after the id
    labels = [q.label.zh for q in bundled_registry().get("zhongshan-2025").questions]
    labels += [f.label.zh for q in bundled_registry().get("zhongshan-2025").questions for f in q.fields]
    assert CJK.findall(_without(err, labels)) == [], err


def test_version_names_the_program(capsys: pytest.CaptureFixture[str]) -> None:
    for argv, name in (([], "中山市稳外贸政策扶持自评工具"), (["--lang", "en"], "Zhongshan foreign-trade support")):
        with pytest.raises(SystemExit):
            main([*argv, "--version"])
        printed = capsys.readouterr().out
        assert printed.startswith(name) and printed.strip().endswith(__version__)
        assert "python -m" not in printed


def test_help_is_english_with_lang_en(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["batch", "--help", "--lang", "en"])
    assert CJK.findall(capsys.readouterr().out) == []


def test_without_a_display_the_window_is_refused_in_a_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    code, _, err = run("--lang", "en")
    assert code == 1
    assert "No graphical session is available" in err
    assert "Reinstall" not in err
    assert has_display({"DISPLAY": ":0"}, "linux") and has_display({}, "win32") and not has_display({}, "linux")
