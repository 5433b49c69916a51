"""Switching the window's language at runtime, in the real window (offscreen). Target: < 300 ms a switch.

    python benchmarks/language_switch.py [--rounds 10]

Times: loading the catalogues at start (`LanguageSwitcher.start`, the .qm files and Qt's own); a
switch with the lighting exporter example loaded and the results page shown (translators swapped,
menus and questionnaire rebuilt, results refilled); and the lookup of one text through Qt's
translation, for scale. The compiled catalogue is made from the .ts first, into a temporary folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication

from desktop.engine import read_answers_file
from desktop.policy import Pack, bundled_registry
from desktop.resources import resource_path
from desktop.ui.app import create_application
from desktop.ui.i18n import LanguageSwitcher
from desktop.ui.main_window import MainWindow
from desktop.ui.session import AssessmentSession


def ms(samples: list[float]) -> str:
    values = sorted(s * 1000 for s in samples)
    return f"median {statistics.median(values):7.2f} ms   max {values[-1]:7.2f} ms   (n={len(values)})"


def compile_catalogue(folder: Path) -> None:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    source = resource_path("translations", "desktop_en.ts")
    subprocess.run([str(lrelease), "-silent", str(source), "-qm", str(folder / "desktop_en.qm")], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    app = create_application()
    with tempfile.TemporaryDirectory() as folder:
        compile_catalogue(Path(folder))
        settings = Path(folder) / "settings.json"

        starts = []
        for _ in range(args.rounds):
            probe = LanguageSwitcher(app, directory=Path(folder), settings_path=settings)
            began = time.perf_counter()
            probe.start("en")
            starts.append(time.perf_counter() - began)
            probe.uninstall()

        switcher = LanguageSwitcher(app, directory=Path(folder), settings_path=settings)
        switcher.start("zh")
        registry = bundled_registry()

        def resolve(policy: str | None, day: dt.date) -> Pack:
            return registry.get(policy) if policy else registry.for_date(day)

        answers, pack = read_answers_file(resource_path("examples", "lighting-exporter.json"), resolve)
        session = AssessmentSession(pack)
        session.load(answers, pack)
        window = MainWindow(session, switcher=switcher)
        window.resize(1280, 760)
        window.show()
        window.show_questionnaire()
        assert window.questionnaire is not None
        window.questionnaire.go_to(len(window.questionnaire.pages) - 1)
        app.processEvents()

        switches = []
        for round_number in range(args.rounds * 2):
            began = time.perf_counter()
            switcher.switch("en" if round_number % 2 == 0 else "zh")
            app.processEvents()
            switches.append(time.perf_counter() - began)
        assert window.questionnaire.index == len(window.questionnaire.pages) - 1

        lookups = []
        switcher.switch("en")
        for _ in range(1000):
            began = time.perf_counter()
            QCoreApplication.translate("MainWindow", "打开答卷…")
            lookups.append(time.perf_counter() - began)
        switcher.uninstall()

    print(f"catalogues loaded at start (en): {ms(starts)}")
    print(f"language switch, results page:   {ms(switches)}")
    print(f"one translated text:             {ms(lookups)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
