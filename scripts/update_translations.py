"""Collect the window's texts into the `.ts` catalogues and compile them to `.qm`.

    python scripts/update_translations.py            # lupdate (keeps existing translations) + lrelease
    python scripts/update_translations.py --compile  # lrelease only: what `make run/test/build` need
    python scripts/update_translations.py --check    # exit 1 when a text in the code has no translation

The `.ts` files (Chinese source, English target) are kept in the repository and translated with Qt
Linguist (`pyside6-linguist resources/translations/desktop_en.ts`) or any text editor; the `.qm` files
are build products (ignored by git).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "desktop" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCE_LANGUAGE = "zh_CN"
TARGET_LANGUAGES = ("en",)


def catalogue(lang: str) -> Path:
    return TRANSLATIONS / f"desktop_{lang}.ts"


def tool(name: str) -> str:
    """`pyside6-lupdate` / `pyside6-lrelease`: beside the running Python first (the virtualenv), then PATH."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (requirements.txt) into this Python")
    return found


def source_files() -> list[Path]:
    """Every Python file of the window; the layers below it have no Qt texts."""
    return sorted(path for path in SOURCES.rglob("*.py") if "__pycache__" not in path.parts)


def lupdate(ts_file: Path, lang: str, *, quiet: bool = False) -> None:
    """Merge the texts found in the code into `ts_file`, keeping the translations of unchanged texts.
    Texts gone from the code are dropped, so the catalogue holds what the program shows."""
    files = [str(path.relative_to(ROOT)) for path in source_files()]
    command = [
        tool("pyside6-lupdate"),
        *files,
        "-no-obsolete",
        "-locations",
        "relative",
        "-source-language",
        SOURCE_LANGUAGE,
        "-target-language",
        lang,
        "-ts",
        str(ts_file),
    ]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=quiet)


def lrelease(ts_file: Path, qm_file: Path, *, quiet: bool = False) -> None:
    command = [tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)]
    if quiet:
        command.append("-silent")
    subprocess.run(command, check=True, capture_output=quiet)


@dataclass(frozen=True)
class Untranslated:
    context: str
    source: str
    why: str

    def __str__(self) -> str:
        return f"[{self.context}] {self.source!r}: {self.why}"


def untranslated(ts_file: Path) -> list[Untranslated]:
    """Messages of a `.ts` that would show the Chinese source text in the other language."""
    problems: list[Untranslated] = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            if translation is None:
                problems.append(Untranslated(name, source, "no translation element"))
                continue
            kind = translation.get("type")
            if kind in ("unfinished", "vanished", "obsolete"):
                problems.append(Untranslated(name, source, f"marked {kind}"))
                continue
            forms = [form.text or "" for form in translation.iter("numerusform")]
            texts = forms if message.get("numerus") == "yes" else [translation.text or ""]
            if not texts or any(not text.strip() for text in texts):
                problems.append(Untranslated(name, source, "empty translation"))
    return problems


def check(lang: str) -> list[Untranslated]:
    """Run lupdate into a copy of the catalogue: texts new in the code, or left untranslated, are reported."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / catalogue(lang).name
        if catalogue(lang).exists():
            shutil.copyfile(catalogue(lang), copy)
        lupdate(copy, lang, quiet=True)
        return untranslated(copy)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--compile", action="store_true", help="only compile the .ts files to .qm")
    mode.add_argument("--check", action="store_true", help="report texts without translation; change nothing")
    args = parser.parse_args(argv)
    if args.check:
        problems = [problem for lang in TARGET_LANGUAGES for problem in check(lang)]
        for problem in problems:
            print(problem)
        print(f"{len(problems)} text(s) without translation")
        return 1 if problems else 0
    for lang in TARGET_LANGUAGES:
        ts_file = catalogue(lang)
        if not args.compile:
            TRANSLATIONS.mkdir(parents=True, exist_ok=True)
            lupdate(ts_file, lang)
        lrelease(ts_file, ts_file.with_suffix(".qm"))
    # the supplements to Qt's own catalogues are written by hand (no lupdate: their texts are Qt's)
    for ts_file in sorted(TRANSLATIONS.glob("qtextra_*.ts")):
        lrelease(ts_file, ts_file.with_suffix(".qm"), quiet=args.compile)
    if not args.compile:
        left = [problem for lang in TARGET_LANGUAGES for problem in untranslated(catalogue(lang))]
        print(f"{len(left)} text(s) still to translate (pyside6-linguist {catalogue('en').relative_to(ROOT)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
