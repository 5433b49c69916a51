"""The policy packs the program knows, and adding a new one without a new program.

A pack file is checked completely before anything is copied: a pack with errors is refused with the list
of its errors and replaces nothing (`desktop.policy.registry.install_pack`). An added pack joins the
registry the dialog was given, so new assessments use it at once; finished assessments keep the pack
(id, version, hash) they were made with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.engine import vocabulary
from desktop.paths import user_packs_dir
from desktop.policy.loader import PackError
from desktop.policy.model import Lang, Pack
from desktop.policy.registry import PackInstallError, PackRegistry, install_pack, pack_source
from desktop.policy.versions import version_key
from desktop.quoting import clip, visible
from desktop.ui import messages
from desktop.ui.screen_fit import fit_window

CONTEXT = "PacksDialog"


def pack_status(pack: Pack, today: dt.date) -> str:
    if today < pack.valid_from:
        return QCoreApplication.translate("PacksDialog", "尚未生效")
    if today > pack.valid_to:
        return QCoreApplication.translate("PacksDialog", "已到期")
    return QCoreApplication.translate("PacksDialog", "有效")


def expired_banner_text(registry: PackRegistry, today: dt.date, lang: Lang = "zh") -> str | None:
    """The banner for the main window when no pack is in force and the newest one has ended; else None."""
    packs = registry.all()
    if not packs or any(p.in_force_on(today) for p in packs):
        return None
    newest = max(packs, key=lambda p: (p.valid_to, p.valid_from, version_key(p.version)))
    if today <= newest.valid_to:
        return None  # the newest pack has not started yet: nothing has expired
    return QCoreApplication.translate(
        "PacksDialog",
        "《{title}》（政策包 {id} {version}）已于 {end} 到期。现在的评估结果仅供参考；"
        "新的政策发布后，请在“政策包”中添加新的政策包。",
    ).format(title=newest.title.get(lang), id=newest.id, version=newest.version, end=newest.valid_to.isoformat())


class PacksDialog(QDialog):
    """Lists the known packs; "添加政策包…" validates a file and adds it."""

    COLUMNS = 7
    packs_changed = Signal()

    def __init__(
        self,
        registry: PackRegistry,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        lang: Lang = "zh",
    ) -> None:
        super().__init__(parent)
        self.registry = registry
        self._today = today
        self.lang: Lang = lang
        self.setWindowTitle(self.tr("政策包"))
        fit_window(self, 1200, 460)

        intro = QLabel(
            self.tr(
                "政策包是一项政策的规则（问题、条件、金额和上限）。新的政策发布后，添加它的政策包文件即可，"
                "无须更换程序。已完成的评估保留当时所用的政策包版本。"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("编号"),
                self.tr("版本"),
                self.tr("名称"),
                self.tr("有效期"),
                vocabulary.term("status", lang),
                self.tr("来源"),
                self.tr("内容指纹（SHA-256）"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)  # a long English title wraps in its row instead of ending in "…"
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.broken = QLabel(self)
        self.broken.setWordWrap(True)
        self.broken.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder = QLabel(self.tr("用户添加的政策包保存在：{folder}").format(folder=user_packs_dir()), self)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.add_button = QPushButton(self.tr("添加政策包…"), self)
        self.add_button.clicked.connect(self._on_add)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.broken)
        layout.addWidget(self.folder)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        today = self._today()
        packs = self.registry.all()
        self.table.setRowCount(len(packs))
        for row, pack in enumerate(packs):
            source = self.tr("程序自带") if pack_source(pack) == "bundled" else self.tr("用户添加")
            cells = [
                pack.id,
                pack.version,
                pack.title.get(self.lang),
                self.tr("{start} 至 {end}").format(start=pack.valid_from.isoformat(), end=pack.valid_to.isoformat()),
                pack_status(pack, today),
                source,
                pack.short_hash,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(pack.hash if col == self.COLUMNS - 1 else (pack.path or text))
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        errors = self.registry.errors
        self.broken.setVisible(bool(errors))
        if errors:
            # Each skipped file with its first reason (a broken pack, not a regular file, a link out of the
            # folder, a duplicate of a bundled pack), so the clerk knows what to do about it.
            lines = [self.tr("以下政策包文件未载入：")]
            for e in errors:
                more = len(e.problems) - 1
                first = visible(clip(e.problems[0], 200)) if e.problems else e.source
                lines.append("• " + first + (self.tr("（另有 {count} 处错误）").format(count=more) if more else ""))
            self.broken.setText("\n".join(lines))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        # the title column stretches with the dialog: its rows grow or shrink with their wrapped text
        super().resizeEvent(event)
        self.table.resizeRowsToContents()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def rows(self) -> list[list[str]]:
        """The table as text, for tests and for reading aloud."""
        rows: list[list[str]] = []
        for r in range(self.table.rowCount()):
            items = [self.table.item(r, c) for c in range(self.COLUMNS)]
            rows.append([item.text() if item is not None else "" for item in items])
        return rows

    def add_pack_file(self, path: Path) -> Pack | None:
        """Validate and add one pack file; on any problem show all of them and change nothing."""
        before = {(p.id, p.version, p.hash) for p in self.registry.all()}
        try:
            pack = install_pack(path, self.registry)
        except PackError as exc:
            text = self.tr("{file} 有 {count} 处错误，未添加，原有政策包均未改动：").format(
                file=path.name, count=len(exc.problems)
            )
            messages.error(self, self.tr("政策包有错误"), text + "\n\n" + "\n".join(exc.problems))
            return None
        except PackInstallError as exc:
            messages.error(self, self.tr("未添加政策包"), "\n".join(exc.problems))
            return None
        known = (pack.id, pack.version, pack.hash) in before
        self.registry.add(pack)
        self.refresh()
        self.packs_changed.emit()
        if known:
            messages.information(
                self,
                self.tr("政策包已存在"),
                self.tr("政策包 {id} {version} 已在列表中，内容相同，无须再次添加。").format(
                    id=pack.id, version=pack.version
                ),
            )
        else:
            messages.information(
                self,
                self.tr("已添加政策包"),
                self.tr("已添加《{title}》（{id} {version}，有效期 {start} 至 {end}）。新的评估将使用它。").format(
                    title=pack.title.get(self.lang),
                    id=pack.id,
                    version=pack.version,
                    start=pack.valid_from.isoformat(),
                    end=pack.valid_to.isoformat(),
                ),
            )
        return pack

    def _on_add(self) -> None:
        path = messages.open_file(self, self.tr("选择政策包文件"), self.tr("政策包 (*.toml)"))
        if path is not None:
            self.add_pack_file(path)


def show_packs_dialog(parent: QWidget | None, registry: PackRegistry) -> PacksDialog:
    """Show the packs (modal). Packs added here join `registry`; the dialog is returned after it closes."""
    from desktop.ui.i18n import current_language

    dialog = PacksDialog(registry, parent, lang=current_language())
    dialog.exec()
    return dialog
