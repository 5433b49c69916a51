"""A notice that stays until the user says they have read it (the start page's "a database file was set aside").

Unlike the status line or a message box, it does not go away when something else happens: later
errors come in their own dialogs, and the notice stays on the page (and, through the store, comes
back at the next start) until 知道了 is clicked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from desktop.ui.plain import PlainLabel


class NoticeBar(QFrame):
    acknowledged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storeNotice")
        self.setStyleSheet("#storeNotice { background: #fff4ce; border: 1px solid #e0b000; }")
        self.label = PlainLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton(self.tr("知道了"), self)
        self.button.setToolTip(self.tr("不再显示这条提示（被改名保留的文件不受影响）"))
        self.button.clicked.connect(self._acknowledge)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        self.setVisible(False)

    def setText(self, text: str) -> None:  # noqa: N802 (the QLabel name the page used before)
        self.label.setText(text)

    def text(self) -> str:
        return self.label.text()

    def _acknowledge(self) -> None:
        self.setVisible(False)
        self.acknowledged.emit()
