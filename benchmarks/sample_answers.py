"""Many varied answers files for the benchmarks, written from the bundled examples."""

from __future__ import annotations

import json
import random
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "resources" / "examples"


def write_varied_answers(
    folder: Path, count: int, *, distinct_enterprises: bool = False, examples: Path = EXAMPLES
) -> list[Path]:
    """`count` answers files cycling through the examples with random premiums, purchases and IP cases.

    With `distinct_enterprises`, each file is another firm (own name, no credit code), as in a batch run."""
    rng = random.Random(2025)
    templates = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(examples.glob("*.json"))]
    paths = []
    for n in range(count):
        data = json.loads(json.dumps(templates[n % len(templates)]))
        if distinct_enterprises:
            data["enterprise"]["name"] = f"中山市第{n:04d}号测试灯饰有限公司"
            data["enterprise"].pop("credit_code", None)
        answers = data["answers"]
        answers["credit_insurance_premium"] = f"{rng.randint(0, 3_000_000)}.{rng.randint(0, 99):02d}"
        answers["equipment_purchase_total"] = str(rng.randint(0, 20_000_000))
        answers["ip_cases"] = [
            {"kind": "patent", "region": "美国", "cost": str(rng.randint(0, 2_000_000))}
            for _ in range(rng.randint(0, 6))
        ]
        path = folder / f"{n:05d}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths
