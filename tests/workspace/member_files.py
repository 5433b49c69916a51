"""Answers files for many member firms, varied but reproducible, and the ways they can be broken."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from stdnum.cn import uscc

TOWNS = ("古镇镇", "小榄镇", "南头镇", "石岐街道", "火炬开发区", "东凤镇")
PREFIX = "91442000"
CODE_BODY = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def credit_code(number: int) -> str:
    """A valid 统一社会信用代码 (check digit computed) that differs for every `number`."""
    body = ""
    for _ in range(9):
        number, digit = divmod(number, len(CODE_BODY))
        body = CODE_BODY[digit] + body
    head = PREFIX + body
    return head + uscc.calc_check_digit(head)


def member_answers(number: int) -> dict[str, Any]:
    """A plausible answers document for member firm `number`; money and choices vary with it."""
    rnd = random.Random(number)
    answers: dict[str, Any] = {
        "exhibitions_attended": rnd.random() < 0.6,
        "provincial_backbone_enterprise": rnd.random() < 0.2,
        "specialized_status": rnd.choice(["none", "none", "specialized_sme", "little_giant"]),
        "cross_border_ecommerce": rnd.random() < 0.4,
        "service_outsourcing": False,
        "export_class": rnd.choice(["class1", "class2", "class3", "unknown"]),
        "design_innovation": False,
        "tech_transfer": False,
        "aeo_first_certified": rnd.random() < 0.3,
        "iso56005_first_certified": rnd.random() < 0.1,
        "credit_insurance_product": rnd.choice(["general", "small_micro", "none"]),
        "equipment_purchase_total": f"{rnd.randrange(0, 5_000_000, 1000)}.00",
        "equipment_upgrade_project": rnd.random() < 0.9,
        "digital_key_enterprise": rnd.random() < 0.05,
        "digital_level": rnd.randrange(0, 4),
        "overseas_projects": [
            {"name": f"项目{k}", "country": "越南", "premium": f"{rnd.randrange(10_000, 2_000_000)}.00"}
            for k in range(rnd.randrange(0, 3))
        ],
        "ip_cases": [],
    }
    if answers["aeo_first_certified"]:
        answers["aeo_certified_on"] = "2025-07-01"
    if answers["iso56005_first_certified"]:
        answers["iso56005_certified_on"] = "2025-08-15"
    if answers["credit_insurance_product"] != "none":
        answers["credit_insurance_premium"] = f"{rnd.randrange(1_000, 2_500_000)}.50"
    if answers["digital_level"] >= 2:
        answers["digital_project_investment"] = f"{rnd.randrange(100_000, 3_000_000)}.00"
    return {
        "format": "zs-trade-assessment/1",
        "policy": "zhongshan-2025",
        "assessed_on": "2025-11-30",
        "enterprise": {
            "name": f"会员企业{number:04d}有限公司",
            "credit_code": credit_code(number),
            "town": TOWNS[number % 6],
        },
        "answers": answers,
    }


BREAKAGES = ("malformed_json", "unknown_question", "bad_credit_code", "negative_money")

# What the problem report must say for each kind of broken file.
EXPECTED_PROBLEM = {
    "malformed_json": "JSON 格式错误",
    "unknown_question": "未知的问题编号",
    "bad_credit_code": "统一社会信用代码的校验位不正确",
    "negative_money": "金额不能为负数",
}


def write_member_file(folder: Path, number: int, breakage: str | None = None) -> Path:
    data = member_answers(number)
    path = folder / f"member-{number:04d}.json"
    if breakage == "malformed_json":
        path.write_text(json.dumps(data, ensure_ascii=False)[:-20], encoding="utf-8")
        return path
    if breakage == "unknown_question":
        data["answers"]["credit_insurance_premum"] = "1000.00"
    elif breakage == "bad_credit_code":
        code = data["enterprise"]["credit_code"]
        data["enterprise"]["credit_code"] = code[:-1] + ("0" if code[-1] != "0" else "1")
    elif breakage == "negative_money":
        data["answers"]["equipment_purchase_total"] = "-5000.00"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def write_members(folder: Path, count: int, broken_every: int = 0) -> dict[Path, str]:
    """Write `count` files; every `broken_every`-th one broken (cycling through BREAKAGES). Returns the broken ones."""
    folder.mkdir(parents=True, exist_ok=True)
    broken: dict[Path, str] = {}
    for number in range(count):
        breakage = None
        if broken_every and number % broken_every == broken_every - 1:
            breakage = BREAKAGES[(number // broken_every) % len(BREAKAGES)]
        path = write_member_file(folder, number, breakage)
        if breakage:
            broken[path] = breakage
    return broken
