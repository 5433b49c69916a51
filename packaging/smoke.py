"""Smoke test of the frozen program: does the built folder work on a machine without Python?

    .venv/bin/python packaging/smoke.py [packaging/dist/zs-trade]

Runs the two executables the way users and associations do, each time with a fresh temporary data
folder and HOME, and checks:

1. `--version` prints the package version (console executable; the windowed one too, except on
   Windows where a windowed program has no stdout).
2. `zs-trade-cli assess EXAMPLE --json --pdf OUT` for every example bundled in the program: the same
   JSON result as the source tree gives, and a PDF that embeds the Noto Sans SC font and shows the total.
3. `zs-trade-cli batch` on the bundled examples with two worker processes (a frozen process pool needs
   `freeze_support`; this is where it breaks if it is missing).
3b. `zs-trade-cli dossier` binds a dossier from an answers file with an attached PDF and JPEG (pypdf and
   Pillow travel with the program): the PDF holds the attached pages and is numbered.
4. `zs-trade-cli --self-check` creates and migrates the database in the data folder (Alembic's
   scripts load from the bundle), and a second start finds it current.
5. The windowed executable starts offscreen, shows its window and quits by itself
   (`ZS_TRADE_QUIT_AFTER_SHOW=1`), within a time limit.
6. Portable mode: with a `portable` marker beside the executables and no data folder given, the
   database lands in `<program folder>/data` and the window starts without writing to HOME; without
   the marker the data folder is the user's (under HOME).
   Marker and data folder are removed afterwards.
7. Nothing is written outside the temporary folders: the program folder is byte-for-byte unchanged
   after steps 1-5, and the temporary HOME holds nothing the program wrote there.

Each step prints one line (ok/FAIL); the exit status is 1 when any step failed.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    # The expected results come from the source tree's own engine.
    sys.path.insert(0, str(ROOT))
DEFAULT_FOLDER = ROOT / "packaging" / "dist" / "zs-trade"
IS_WINDOWS = sys.platform == "win32"
EXE_SUFFIX = ".exe" if IS_WINDOWS else ""
FONT_NAME = "NotoSansSC"
WINDOW_TIMEOUT_S = 60.0
COMMAND_TIMEOUT_S = 120.0
# What the environment may contain when the smoke test starts the program: nothing that points it at
# the developer's data or database.
_DROPPED_ENV = ("ZS_TRADE_DATA_DIR", "ZS_TRADE_DATABASE_URL", "ZS_TRADE_QUIT_AFTER_SHOW", "PYTHONPATH", "PYTHONHOME")


class SmokeError(Exception):
    """One step of the smoke test went wrong; the message says what and shows the program's output."""


@dataclass
class Sandbox:
    """A temporary HOME, data folder, temp folder and output folder for one program run."""

    root: Path
    home: Path = field(init=False)
    data: Path = field(init=False)
    out: Path = field(init=False)

    def __post_init__(self) -> None:
        self.home = self.root / "home"
        self.data = self.root / "data"
        self.out = self.root / "out"
        for folder in (self.home, self.data, self.out, self.root / "tmp", self.root / "runtime"):
            folder.mkdir(parents=True, exist_ok=True)
        (self.root / "runtime").chmod(0o700)

    def env(self, *, data_dir: bool = True, **extra: str) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items() if key not in _DROPPED_ENV}
        tmp = str(self.root / "tmp")
        env.update(
            HOME=str(self.home),
            USERPROFILE=str(self.home),
            APPDATA=str(self.home / "AppData" / "Roaming"),
            LOCALAPPDATA=str(self.home / "AppData" / "Local"),
            XDG_DATA_HOME=str(self.home / ".local" / "share"),
            XDG_CONFIG_HOME=str(self.home / ".config"),
            XDG_CACHE_HOME=str(self.home / ".cache"),
            XDG_STATE_HOME=str(self.home / ".local" / "state"),
            XDG_RUNTIME_DIR=str(self.root / "runtime"),
            TMPDIR=tmp,
            TEMP=tmp,
            TMP=tmp,
            QT_QPA_PLATFORM="offscreen",
            PYTHONIOENCODING="utf-8",
        )
        if data_dir:
            env["ZS_TRADE_DATA_DIR"] = str(self.data)
        env.update(extra)
        return env

    def written_to_home(self) -> list[str]:
        """Files the program left in HOME. Font caches (fontconfig) are the system's, not ours."""
        found = []
        for path in sorted(self.home.rglob("*")):
            relative = path.relative_to(self.home).as_posix()
            if path.is_file() and not relative.startswith((".cache/fontconfig", ".fontconfig")):
                found.append(relative)
        return found


def executable(folder: Path, name: str) -> Path:
    return folder / f"{name}{EXE_SUFFIX}"


def run(
    command: list[str | Path], env: dict[str, str], timeout: float = COMMAND_TIMEOUT_S
) -> subprocess.CompletedProcess[str]:
    try:
        result = subprocess.run(
            [str(part) for part in command],
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise SmokeError(f"{Path(command[0]).name}: no exit within {timeout:.0f} s") from exc
    except OSError as exc:
        raise SmokeError(f"{command[0]}: cannot be started: {exc}") from exc
    if result.returncode != 0:
        raise SmokeError(
            f"{Path(command[0]).name} {' '.join(str(c) for c in command[1:])}: exit status {result.returncode}\n"
            f"--- stdout\n{result.stdout[-3000:]}\n--- stderr\n{result.stderr[-3000:]}"
        )
    return result


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file in the program folder with its size and modification time, to notice any write."""
    return {
        path.relative_to(folder).as_posix(): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file()
    }


def source_result(example: Path) -> dict[str, object]:
    """What the source tree's command line answers for an example: the frozen program must agree."""
    from desktop.cli import main

    out, err = io.StringIO(), io.StringIO()
    status = main(["assess", str(example), "--json"], out=out, err=err)
    if status != 0:
        raise SmokeError(f"{example.name}: the source tree itself fails (status {status}): {err.getvalue()}")
    data: dict[str, object] = json.loads(out.getvalue())
    return data


def pdf_facts(pdf: Path) -> tuple[str, set[str]]:
    """The text of a PDF and the names of the fonts embedded in it (pypdf, so it runs on Windows too)."""
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    embedded: set[str] = set()
    for page in reader.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        for font in (fonts.get_object() if fonts is not None else {}).values():
            font = font.get_object()
            descriptors = [font.get("/FontDescriptor")]
            descriptors += [d.get_object().get("/FontDescriptor") for d in font.get("/DescendantFonts", [])]
            for descriptor in descriptors:
                if descriptor is None:
                    continue
                descriptor = descriptor.get_object()
                if any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                    embedded.add(str(font["/BaseFont"]))
    return text, embedded


def bundled_examples(folder: Path) -> list[Path]:
    examples = sorted(folder.glob("_internal/resources/examples/*.json"))
    if not examples:
        raise SmokeError(f"no examples bundled under {folder / '_internal' / 'resources' / 'examples'}")
    return examples


def check_version(folder: Path, box: Sandbox) -> str:
    from desktop import __version__

    names = ["zs-trade-cli"] if IS_WINDOWS else ["zs-trade-cli", "zs-trade"]
    for name in names:
        result = run([executable(folder, name), "--version"], box.env())
        if __version__ not in result.stdout:
            raise SmokeError(f"{name} --version printed {result.stdout!r}, expected {__version__}")
    return f"{', '.join(names)} --version → {__version__}"


def check_assess(folder: Path, box: Sandbox) -> str:
    from desktop.money import format_yuan

    totals = []
    for example in bundled_examples(folder):
        pdf = box.out / f"{example.stem}.pdf"
        result = run([executable(folder, "zs-trade-cli"), "assess", example, "--json", "--pdf", pdf], box.env())
        frozen = json.loads(result.stdout)
        expected = source_result(example)
        if frozen != expected:
            differing = sorted(key for key in expected.keys() | frozen.keys() if expected.get(key) != frozen.get(key))
            raise SmokeError(f"{example.name}: frozen result differs from the source tree in {differing}")
        if not pdf.is_file():
            raise SmokeError(f"{example.name}: no PDF written at {pdf}")
        text, embedded = pdf_facts(pdf)
        if not any(FONT_NAME in name for name in embedded):
            raise SmokeError(f"{pdf.name}: font {FONT_NAME} not embedded (embedded: {sorted(embedded)})")
        total = format_yuan(Decimal(str(frozen["total"])))
        if total not in text:
            raise SmokeError(f"{pdf.name}: total {total} not found in the PDF text")
        totals.append(f"{example.stem} {total}")
    return "assess + PDF (font embedded, total shown): " + "; ".join(totals)


def check_batch(folder: Path, box: Sandbox) -> str:
    out = box.out / "batch"
    examples = bundled_examples(folder)
    run([executable(folder, "zs-trade-cli"), "batch", *examples, "--out", out, "--jobs", "2"], box.env())
    pdfs = sorted(out.rglob("*.pdf"))
    if len(pdfs) < len(examples):
        raise SmokeError(f"batch wrote {len(pdfs)} PDFs for {len(examples)} examples: {[p.name for p in pdfs]}")
    return f"batch --jobs 2: {len(pdfs)} PDFs"


def check_dossier(folder: Path, box: Sandbox) -> str:
    from pypdf import PdfReader

    from tests.filing.files import scan, text_pdf

    work = box.out / "dossier-input"
    work.mkdir(parents=True)
    (work / "summary.pdf").write_bytes(text_pdf(2, "Attached page"))
    (work / "bank.jpg").write_bytes(scan(400, 560))
    answers = json.loads(bundled_examples(folder)[0].read_text(encoding="utf-8"))
    answers["documents"] = {
        "credit_insurance": {
            "premium_invoice_summary": {"state": "have", "files": ["summary.pdf"]},
            "bank_account_form": {"state": "have", "files": ["bank.jpg"]},
        }
    }
    path = work / "answers.json"
    path.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    out = box.out / "dossiers"
    run([executable(folder, "zs-trade-cli"), "dossier", path, "--out", out], box.env())
    written = sorted(out.glob("*.pdf"))
    if len(written) != 1:
        raise SmokeError(f"dossier wrote {[p.name for p in written]}, expected one PDF")
    pages = PdfReader(written[0]).pages
    texts = [page.extract_text() or "" for page in pages]
    if not any("Attached page 2" in t for t in texts) or f"共 {len(pages)} 页" not in texts[-1]:
        raise SmokeError(f"{written[0].name}: the attached pages or the page numbers are missing")
    return f"dossier: {len(pages)} pages, attached PDF and JPEG bound and numbered"


def start_window(folder: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = run([executable(folder, "zs-trade")], env, timeout=WINDOW_TIMEOUT_S)
    elapsed = time.perf_counter() - started
    # A windowed Windows program has no stdout to print to; there the exit status has to do.
    if not IS_WINDOWS and "window shown" not in result.stdout:
        raise SmokeError(f"zs-trade exited without showing its window; stdout: {result.stdout[-2000:]!r}")
    return elapsed


def check_window(folder: Path, box: Sandbox) -> str:
    elapsed = start_window(folder, box.env(ZS_TRADE_QUIT_AFTER_SHOW="1"))
    return f"window shown offscreen and closed by itself in {elapsed:.2f} s"


@contextlib.contextmanager
def portable_marker(folder: Path) -> Iterator[Path]:
    marker = folder / "portable"
    data = folder / "data"
    if marker.exists() or data.exists():
        raise SmokeError(f"{folder} already has a portable marker or data folder; remove them first")
    marker.write_text("", encoding="utf-8")
    try:
        yield data
    finally:
        marker.unlink(missing_ok=True)
        shutil.rmtree(data, ignore_errors=True)


def self_check(folder: Path, env: dict[str, str]) -> dict[str, str]:
    """`zs-trade-cli --self-check` (built program only): its data folder, and the database opened."""
    result = run([executable(folder, "zs-trade-cli"), "--self-check"], env)
    facts = {}
    for line in result.stdout.splitlines():
        label, _, value = line.partition(":")
        facts[label.strip()] = value.strip()
    if "数据文件夹" not in facts or not facts.get("数据库", "").startswith("可以使用"):
        raise SmokeError(f"zs-trade-cli --self-check: {result.stdout!r}")
    return facts


def check_database(folder: Path, box: Sandbox) -> str:
    facts = self_check(folder, box.env())
    created = sorted(path.name for path in box.data.iterdir())
    if Path(facts["数据文件夹"]) != box.data or not created:
        raise SmokeError(f"database not created in the data folder {box.data}: {facts}, found {created}")
    self_check(folder, box.env())  # a second start finds the schema current
    return f"database created and migrated in the data folder ({', '.join(created)})"


def check_portable(folder: Path, box: Sandbox) -> str:
    installed = Path(self_check(folder, box.env(data_dir=False))["数据文件夹"])
    # Windows: platformdirs asks the shell for the real %LOCALAPPDATA%, whatever the environment says.
    if IS_WINDOWS:
        if folder in installed.parents:
            raise SmokeError(f"without the marker the data folder should be the user's, not {installed}")
    elif box.home not in installed.parents:
        raise SmokeError(f"without the marker the data folder should be under HOME ({box.home}), not {installed}")
    in_home_before = box.written_to_home()  # the database just made in the user's data folder
    with portable_marker(folder) as data:
        reported = Path(self_check(folder, box.env(data_dir=False))["数据文件夹"])
        written = sorted(path.name for path in data.glob("*")) if data.is_dir() else []
        if reported != data or not written:
            raise SmokeError(f"with the marker the data should be in {data}, not {reported} (found there: {written})")
        start_window(folder, box.env(data_dir=False, ZS_TRADE_QUIT_AFTER_SHOW="1"))
        elsewhere = sorted(set(box.written_to_home()) - set(in_home_before))
        if elsewhere:
            raise SmokeError(f"portable mode: the program wrote to HOME: {elsewhere}")
    return (
        f"portable mode: marker → database in {data.relative_to(folder.parent)} ({', '.join(written)}); "
        f"without it → {installed}"
    )


STEPS: list[tuple[str, Callable[[Path, Sandbox], str]]] = [
    ("version", check_version),
    ("assess", check_assess),
    ("batch", check_batch),
    ("dossier", check_dossier),
    ("database", check_database),
    ("window", check_window),
]


def smoke_test(folder: Path, *, log: Callable[[str], None] = print) -> int:
    """Run every step; return the number of failed steps."""
    if not executable(folder, "zs-trade-cli").is_file():
        log(f"FAIL  {folder}: no zs-trade-cli{EXE_SUFFIX} here; build first")
        return 1
    failures = 0
    before = snapshot(folder)
    with tempfile.TemporaryDirectory(prefix="zs-smoke-") as tmp:
        box = Sandbox(Path(tmp))
        for name, step in STEPS:
            try:
                log(f"ok    {name}: {step(folder, box)}")
            except SmokeError as exc:
                failures += 1
                log(f"FAIL  {name}: {exc}")
        after = snapshot(folder)
        changed = sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))
        in_home = box.written_to_home()
        if changed or in_home:
            failures += 1
            log(f"FAIL  nothing written outside the data folder: program folder {changed}, HOME {in_home}")
        else:
            log("ok    nothing written outside the temporary data and output folders")
    with tempfile.TemporaryDirectory(prefix="zs-smoke-portable-") as tmp:
        try:
            log(f"ok    portable: {check_portable(folder, Sandbox(Path(tmp)))}")
        except SmokeError as exc:
            failures += 1
            log(f"FAIL  portable: {exc}")
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folder", type=Path, nargs="?", default=DEFAULT_FOLDER)
    args = parser.parse_args()
    failures = smoke_test(args.folder.resolve())
    print(f"smoke test: {'passed' if failures == 0 else f'{failures} step(s) failed'}")
    return min(failures, 1)


if __name__ == "__main__":
    sys.exit(main())
