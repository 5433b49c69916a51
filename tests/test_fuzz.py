"""Mutated answers files through every reader (issue 14): `assess`, the batch worker and a whole batch,
`Store.import_files` and the workspace importer. Whatever the file holds: exit 0 or 2, never a traceback, and
never a batch that produced checklists without its summary.

The mutations start from the three example files and replace, delete or add values anywhere (hostile texts:
lone surrogates, control characters, formulas, full-width digits; huge, exponent and non-finite numbers;
nested containers), then damage the text itself (cut it short, insert characters, repeat a key). Bounded:
about 25 examples per reader (some seconds in all); `HYPOTHESIS_PROFILE=fuzz-long` runs 500 each.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.cli import main
from desktop.policy import bundled_registry
from desktop.report.batch import Done, Job, process, run_batch
from desktop.store import Store, open_store
from desktop.wording.problems import words
from desktop.workspace import import_answers_files
from tests.conftest import EXAMPLES

DAY = dt.date(2025, 12, 1)
PACK = bundled_registry().get("zhongshan-2025")
QUESTION_IDS = [q.id for q in PACK.questions]
EXAMPLE_DOCS = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.json"))]

settings.register_profile(
    "fuzz",
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
settings.register_profile("fuzz-long", parent=settings.get_profile("fuzz"), max_examples=500)
FUZZ = settings.get_profile("fuzz-long" if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz-long" else "fuzz")
pytestmark = pytest.mark.fuzz

HOSTILE_TEXT = st.one_of(
    st.text(max_size=20),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=40),
    st.sampled_from(
        [
            "\ud800",
            "a\udfffb",
            "\x1b[2J\x1b]0;x\x07",
            "\x9b31m",
            '=HYPERLINK("http://x","y")',
            "=cmd|' /C calc'!A0",
            "@SUM(1+1)",
            "１２００",
            "١٢٠٠",
            "1_200_000",
            "1e5",
            "120万",
            "1,200,000",
            "20250618",
            "2025-W25-3",
            "2025-02-30",
            "NaN",
            "-0",
            "0.001",
            "",
            " " * 3,
            "长" * 3_000,
        ]
    ),
)
NUMBERS = st.one_of(
    st.integers(min_value=-(10**6), max_value=10**16),
    st.integers(min_value=10**40, max_value=10**80),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False, allow_infinity=False, places=3, max_value=10**12, min_value=-1),
)
LEAVES = st.one_of(
    st.none(), st.booleans(), NUMBERS.map(lambda n: float(n) if not isinstance(n, int) else n), HOSTILE_TEXT
)
VALUES = st.recursive(
    LEAVES, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(HOSTILE_TEXT, inner, max_size=4), max_leaves=10
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


@st.composite
def mutated_files(draw: st.DrawFn) -> str:
    doc = json.loads(json.dumps(draw(st.sampled_from(EXAMPLE_DOCS))))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        paths = [p for p in _paths(doc) if p]
        path = draw(st.sampled_from(paths))
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "replace", "delete", "add_answer", "add_row"]))
        if action == "replace":
            parent[path[-1]] = draw(VALUES)
        elif action == "delete" and isinstance(parent, dict):
            del parent[path[-1]]
        elif action == "add_answer" and isinstance(doc.get("answers"), dict):
            doc["answers"][draw(st.sampled_from(QUESTION_IDS))] = draw(VALUES)
        elif action == "add_row" and isinstance(doc.get("answers"), dict):
            table = draw(st.sampled_from(["ip_cases", "overseas_projects"]))
            row = draw(
                st.dictionaries(st.sampled_from(["kind", "cost", "region", "name", "country", "premium"]), VALUES)
            )
            rows = doc["answers"].get(table)
            doc["answers"][table] = [*rows, row] if isinstance(rows, list) else [row]
    text = json.dumps(doc, ensure_ascii=draw(st.booleans()), allow_nan=True)
    damage = draw(st.sampled_from(["none", "none", "cut", "insert", "duplicate_key"]))
    if damage == "cut":
        text = text[: draw(st.integers(min_value=0, max_value=len(text)))]
    elif damage == "insert":
        at = draw(st.integers(min_value=0, max_value=len(text)))
        text = text[:at] + draw(st.text(max_size=5)) + text[at:]
    elif damage == "duplicate_key":
        text = text.replace('"answers": {', '"answers": {"digital_level": 1, "digital_level": 2, ', 1)
    return text


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8", "surrogatepass"))  # a lone surrogate as a file could hold it
    return path


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def store(workdir: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{workdir / 'fuzz.db'}")
    yield opened
    opened.close()


@FUZZ
@given(text=mutated_files())
def test_assess_exits_0_or_2_and_never_with_a_traceback(workdir: Path, text: str) -> None:
    path = _write(workdir, "assess.json", text)
    out, err = io.StringIO(), io.StringIO()
    code = main(["assess", str(path), "--json"], out=out, err=err)
    assert code in (0, 2), err.getvalue()
    assert "Traceback" not in err.getvalue()
    if code == 2:
        assert out.getvalue() == "" and err.getvalue().strip()
        assert all(line.startswith("assess.json: ") for line in err.getvalue().splitlines())
        assert max(len(line) for line in err.getvalue().splitlines()) < 400


@FUZZ
@given(text=mutated_files())
def test_the_batch_worker_returns_a_checklist_or_the_reasons(workdir: Path, text: str) -> None:
    done = process(Job(str(_write(workdir, "worker.json", text)), "zh", DAY))
    assert isinstance(done, Done)
    if done.row is None:
        assert done.problems and not any("内部错误" in p for p in done.problems), done.problems
    else:
        assert done.pdf.startswith(b"%PDF") and not done.problems


@settings(parent=FUZZ, max_examples=max(5, FUZZ.max_examples // 5))
@given(texts=st.lists(mutated_files(), min_size=1, max_size=3))
def test_a_batch_of_mutated_files_never_ends_without_its_summary(workdir: Path, texts: list[str]) -> None:
    folder = workdir / "batch-in"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for number, text in enumerate(texts):
        _write(folder, f"{number}.json", text)
    out_dir = workdir / "batch-out"
    out, err = io.StringIO(), io.StringIO()
    code = run_batch([folder], out_dir, jobs=1, lang="zh", out=out, err=err, today=DAY, overwrite=True)
    assert code in (0, 1, 2) and "Traceback" not in err.getvalue()
    checklists = [p for p in out_dir.glob("*.pdf") if p.name != "汇总.pdf"] if out_dir.exists() else []
    if code != 2:
        assert (out_dir / "汇总.pdf").exists() and (out_dir / "汇总.csv").exists(), err.getvalue()
    for stale in out_dir.iterdir() if out_dir.exists() else []:
        stale.unlink()
    assert (code == 2) == (not checklists)


@FUZZ
@given(text=mutated_files())
def test_store_import_files_takes_each_file_or_says_why(workdir: Path, store: Store, text: str) -> None:
    path = _write(workdir, "import.json", text)
    before = store.counts()[1]
    [outcome] = store.import_files([path], today=DAY)
    assert outcome.ok != bool(outcome.problems), outcome
    assert not any("内部错误" in p for p in words(outcome.problems)), outcome.problems
    assert store.counts()[1] == before + (1 if outcome.ok else 0)


@FUZZ
@given(text=mutated_files())
def test_the_workspace_importer_takes_each_file_or_says_why(workdir: Path, text: str) -> None:
    path = _write(workdir, "member.json", text)
    result = import_answers_files([path], bundled_registry(), DAY)
    assert len(result.rows) + len(result.problems) == 1
    assert not any("内部错误" in p for problem in result.problems for p in words(problem.problems))
