"""Render every page of the questionnaire and the results page to PNG, offscreen, at 1366×768.

    python scripts/screenshots.py OUTDIR [--example resources/examples/lighting-exporter.json] [--lang en]

Anyone can look at the screens without a display; the README shows the results page.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.engine import read_answers_file
from desktop.policy import bundled_registry
from desktop.resources import resource_path
from desktop.ui.app import create_application
from desktop.ui.fonts import BOLD, register_font
from desktop.ui.i18n import LanguageSwitcher
from desktop.ui.main_window import MainWindow
from desktop.ui.session import AssessmentSession

SIZE = (1366, 768)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--example", type=Path, default=resource_path("examples", "lighting-exporter.json"))
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)

    app = create_application()
    switcher = LanguageSwitcher(app, settings_path=args.outdir / "settings.json")
    switcher.apply(args.lang)
    register_font(BOLD)
    registry = bundled_registry()
    answers_file, pack = read_answers_file(
        args.example, lambda policy, day: registry.get(policy) if policy else registry.for_date(day)
    )
    session = AssessmentSession(pack)
    session.load(answers_file, pack)
    window = MainWindow(session)
    window.resize(*SIZE)
    window.show_questionnaire()
    window.show()
    questionnaire = window.questionnaire
    assert questionnaire is not None
    for index, page in enumerate(questionnaire.pages):
        questionnaire.go_to(index)
        app.processEvents()
        name = f"{index + 1:02d}-{page.title.replace(' ', '')}.png"
        if page is questionnaire.results_page:
            # Unfold the first item so the picture shows the computation steps and the documents.
            first = questionnaire.results_page.amounts.topLevelItem(0)
            if first is not None:
                first.setExpanded(True)
            app.processEvents()
        window.grab().save(str(args.outdir / name))
        print(args.outdir / name)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
