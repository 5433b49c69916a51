"""The language of the window: Simplified Chinese (the source language) or English, switchable while running.

How the texts are translated:
- The program's own texts are written in Chinese in the code, wrapped in `self.tr(...)` or
  `QCoreApplication.translate(context, ...)`. `pyside6-lupdate` collects them into
  `resources/translations/desktop_en.ts`; `pyside6-lrelease` compiles that into `desktop_en.qm` at build
  time (`make translations`, `scripts/update_translations.py`). Chinese needs no catalogue; when the
  `.qm` is missing the window simply stays in Chinese.
- Qt's own texts (Yes/No, Cancel, the file dialog) come from Qt's `qtbase_zh_CN.qm` / `qtbase_en.qm`.
- Policy texts come from the pack, which carries both languages (`Text.get(lang)`); widgets showing
  them read `current_language()` and listen to `LanguageSwitcher.language_changed`.

On a switch, every widget receives a `QEvent.LanguageChange` before `switch` returns (widgets re-set
their texts in `changeEvent` or a `retranslate()` method called from it), then `language_changed` fires.
The choice is remembered in the settings file.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication
from PySide6.QtWidgets import QMenu

from desktop.resources import resource_path
from desktop.settings import LANGUAGE, settings

if TYPE_CHECKING:  # importing desktop.policy costs ~80 ms, and this module runs before the first window
    from desktop.policy.model import Lang

log = logging.getLogger(__name__)

LANGUAGES: Final[tuple[Lang, ...]] = ("zh", "en")
DEFAULT_LANGUAGE: Final[Lang] = "zh"
# Each language is named in itself in the menu, so a user lost in the other language still finds theirs.
LANGUAGE_NAMES: Final[dict[Lang, str]] = {"zh": "中文", "en": "English"}  # i18n: each named in itself
APP_CATALOGUE: Final = "desktop"
QT_SUPPLEMENT: Final = "qtextra"
# Qt's own catalogues are named by Qt's locale names.
_QT_LOCALE: Final[dict[Lang, str]] = {"zh": "zh_CN", "en": "en"}
_APP_PROPERTY: Final = "zsTradeLanguage"


def qt_locale(lang: Lang) -> QLocale:
    """The locale of widgets built after a switch (the calendar's month and day names)."""
    return QLocale("en_GB" if lang == "en" else "zh_CN")


def normalise_language(value: object) -> Lang:
    """A known language code, or the default for anything else (an old or hand-edited settings file)."""
    if value == "en":
        return "en"
    return DEFAULT_LANGUAGE


def translations_dir() -> Path:
    """Where the program's compiled catalogues live (also where a build may put Qt's own)."""
    return resource_path("translations")


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def app_catalogue_path(lang: Lang, directory: Path | None = None) -> Path:
    return (directory or translations_dir()) / f"{APP_CATALOGUE}_{lang}.qm"


def current_language() -> Lang:
    """The language the window is shown in now; Chinese before any switch or without an application."""
    app = QCoreApplication.instance()
    if app is None:
        return DEFAULT_LANGUAGE
    return normalise_language(app.property(_APP_PROPERTY))


def remembered_language(settings_path: Path | None = None) -> Lang:
    return settings(settings_path).get(LANGUAGE)


def remember_language(lang: Lang, settings_path: Path | None = None) -> bool:
    """Store the choice for the next start. False (and a log line) when the data folder is not writable:
    the switch itself still happened, and a settings file is not worth an error box."""
    return settings(settings_path).set(LANGUAGE.to(lang))


def display_name() -> str:
    """The program's name as title bars show it, in the current language."""
    return QCoreApplication.translate("App", "中山市稳外贸政策扶持自评")


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`QCoreApplication.translate`, for code outside a QObject. lupdate only sees literal calls of
    `QCoreApplication.translate(...)`, so modules with strings to translate call that directly."""
    return QCoreApplication.translate(context, text, disambiguation, n)


class LanguageSwitcher(QObject):
    """Owns the installed translators of one application and switches them.

    `directory` is where `desktop_<lang>.qm` is looked for (tests pass a freshly compiled one);
    `settings_path` is the settings file (default: the data folder's).
    """

    language_changed = Signal(str)

    def __init__(
        self,
        app: QCoreApplication,
        *,
        directory: Path | None = None,
        settings_path: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._directory = directory or translations_dir()
        self._settings_path = settings_path
        self._installed: list[QTranslator] = []
        self._locale_before = QLocale()
        self.missing: list[str] = []
        """Catalogues that were wanted for the current language but not found (for the log and tests)."""

    @property
    def language(self) -> Lang:
        return current_language()

    def start(self, requested: str | None = None) -> Lang:
        """At start-up: the language asked for on the command line, else the remembered one.
        A command-line choice is used for this run only and not remembered."""
        lang = normalise_language(requested) if requested else remembered_language(self._settings_path)
        self.apply(lang)
        return lang

    def switch(self, lang: Lang) -> None:
        """The user chose a language in the menu: show it now and remember it."""
        remember_language(lang, self._settings_path)
        if lang != current_language() or not self._installed:
            self.apply(lang)

    def apply(self, lang: Lang) -> None:
        """Install the catalogues of `lang` in place of the current ones and re-translate every widget."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        self.missing = []
        for path in self._catalogues(lang):
            translator = QTranslator(self)
            if path is not None and translator.load(str(path)):
                self._app.installTranslator(translator)
                self._installed.append(translator)
        self._app.setProperty(_APP_PROPERTY, lang)
        QLocale.setDefault(qt_locale(lang))
        # Window managers show "title — program name": the name follows the language before the widgets
        # set their titles again, or English titles would end in the Chinese name.
        if isinstance(self._app, QGuiApplication):
            self._app.setApplicationDisplayName(display_name())
        # Qt posts LanguageChange when translators change (compressed to one; none when no catalogue was
        # found, hence our own). Deliver it now, so that every widget shows the new language when this
        # returns, with or without a running event loop.
        QCoreApplication.postEvent(self._app, QEvent(QEvent.Type.LanguageChange))
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.language_changed.emit(lang)

    def uninstall(self) -> None:
        """Remove this switcher's translators (tests; a second window in the same process)."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        self._app.setProperty(_APP_PROPERTY, None)
        QLocale.setDefault(self._locale_before)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)

    def _catalogues(self, lang: Lang) -> list[Path | None]:
        wanted: list[Path | None] = []
        if lang != "zh":  # the source texts are Chinese: no catalogue of our own for Chinese
            wanted.append(self._find(app_catalogue_path(lang, self._directory).name, [self._directory]))
        qt_name = f"qtbase_{_QT_LOCALE[lang]}.qm"
        wanted.append(self._find(qt_name, [self._directory, qt_translations_dir()]))
        # Our supplement to Qt's catalogue (texts of the file and print dialogs it lacks); optional:
        # without it those few labels stay English, so it is not counted as missing.
        extra = self._directory / f"{QT_SUPPLEMENT}_{_QT_LOCALE[lang]}.qm"
        if extra.is_file():
            wanted.append(extra)
        return wanted

    def _find(self, name: str, folders: list[Path]) -> Path | None:
        for folder in folders:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        self.missing.append(name)
        log.info("translation catalogue %s not found in %s", name, ", ".join(map(str, folders)))
        return None


def fill_language_menu(menu: QMenu, switcher: LanguageSwitcher) -> QActionGroup:
    """One checkable entry per language, each named in itself; the current one is checked.

    The caller titles the menu (`self.tr("语言(&L)")`) and rebuilds it after a switch, so the checks
    always follow `current_language()`.
    """
    group = QActionGroup(menu)
    group.setExclusive(True)
    for lang in LANGUAGES:
        action = QAction(LANGUAGE_NAMES[lang], menu)  # made in Python: PySide learns when Qt deletes it
        menu.addAction(action)
        action.setCheckable(True)
        action.setChecked(lang == current_language())
        action.setData(lang)
        action.setObjectName(f"language_{lang}")
        group.addAction(action)
        action.triggered.connect(lambda _checked=False, chosen=lang: switcher.switch(chosen))
    return group
