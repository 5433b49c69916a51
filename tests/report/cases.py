"""Assessments the checklist must survive: the bundled examples and the stress cases of issue 5.

Shared by the tests and `scripts/render_checklist.py` (which renders them to PNG for a person to look at).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from pathlib import Path

from desktop.engine import Assessment, Enterprise, assess, assess_file, read_answers_file, validate_answers
from desktop.policy import Pack, bundled_registry

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "resources" / "examples"
EXAMPLE_NAMES = ("lighting-exporter", "appliance-maker", "small-trader")
DAY = dt.date(2025, 11, 30)

# markup characters, an entity, quotes: must print exactly as typed
ESCAPED_NAME = 'A&B <灯饰> &amp; "双引号" 有限公司'
# 丨 and 𠀀 (CJK Ext. B) are outside GB2312; 𠀀 is not in the font either and must print as □
RARE_NAME = "中山市喆堃燊犇𠀀鑫灯饰有限公司"
LONG_NAME = "中山市古镇" + "超长名称测试" * 24 + "照明电器科技有限公司"


def pack() -> Pack:
    return bundled_registry().get("zhongshan-2025")


def example(name: str) -> Assessment:
    registry = bundled_registry()
    answers_file, found = read_answers_file(
        EXAMPLES / f"{name}.json", lambda p, d: registry.get(p) if p else registry.for_date(d)
    )
    return assess_file(found, answers_file, DAY)


def from_answers(raw: Mapping[str, object], enterprise: Enterprise, day: dt.date = DAY) -> Assessment:
    the_pack = pack()
    answers, problems = validate_answers(the_pack, raw)
    assert not problems, problems
    return assess(the_pack, answers, assessed_on=day, enterprise=enterprise)


def example_answers(name: str) -> dict[str, object]:
    data = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    answers: dict[str, object] = data["answers"]
    return answers


def escaped_name() -> Assessment:
    return from_answers(
        example_answers("lighting-exporter"),
        Enterprise(ESCAPED_NAME, "91442000MA4W8N3K2K", "古镇镇 <b>", "陈&会计", "0760-22345678"),
    )


def rare_characters() -> Assessment:
    return from_answers(example_answers("lighting-exporter"), Enterprise(RARE_NAME, "91442000MA4W8N3K2K", "古镇镇"))


def long_name() -> Assessment:
    return from_answers(
        example_answers("appliance-maker"),
        Enterprise(LONG_NAME, "91442000MA51LX7Q09", "南头镇" * 10, "李" * 30, "13800138000"),
    )


def forty_ip_cases() -> Assessment:
    answers = example_answers("appliance-maker")
    kinds = ("patent", "trademark", "geographical_indication")
    answers["ip_cases"] = [
        {"kind": kinds[i % 3], "region": f"地区{i}", "cost": f"{100000 + 7919 * i}.00"} for i in range(40)
    ]
    return from_answers(answers, Enterprise("中山市四十案维权灯饰有限公司", "91442000MA51LX7Q09", "小榄镇"))


def nothing_answered() -> Assessment:
    """No answers at all: every item not answered, only the services remain."""
    return from_answers({}, Enterprise("中山市空白测试有限公司"))


def expired() -> Assessment:
    return from_answers(example_answers("lighting-exporter"), Enterprise("中山市过期测试有限公司"), dt.date(2026, 3, 1))


STRESS: dict[str, Callable[[], Assessment]] = {
    "escaped-name": escaped_name,
    "rare-characters": rare_characters,
    "long-name": long_name,
    "forty-ip-cases": forty_ip_cases,
    "nothing-answered": nothing_answered,
    "expired": expired,
}


def all_cases() -> dict[str, Callable[[], Assessment]]:
    cases: dict[str, Callable[[], Assessment]] = {name: (lambda n=name: example(n)) for name in EXAMPLE_NAMES}
    cases.update(STRESS)
    return cases
