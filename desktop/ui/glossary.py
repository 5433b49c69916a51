"""帮助 → 术语表: the pack's terms of art, in one window that stays open beside the form."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop.policy import Pack
from desktop.policy.model import Lang
from desktop.ui.plain import html
from desktop.ui.screen_fit import fit_window


def glossary_html(pack: Pack, lang: Lang) -> str:
    entries = "".join(
        f"<dt><b>{html(term.term.get(lang))}</b></dt><dd>{html(term.text.get(lang))}</dd>"
        for term in pack.glossary.values()
    )
    return f"<dl>{entries}</dl>"


class GlossaryDialog(QDialog):
    def __init__(self, pack: Pack, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("术语表"))
        fit_window(self, 560, 480)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setHtml(glossary_html(pack, lang))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
