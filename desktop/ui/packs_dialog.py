"""The policy packs and application guides the program knows, and adding new ones without a new program.

A pack file is checked completely before anything is copied: a pack with errors is refused with the list
of its errors and replaces nothing (`desktop.policy.registry.install_pack`). An added pack joins the
registry the dialog was given, so new assessments use it at once; finished assessments keep the pack
(id, version, hash) they were made with. A newer version of an installed pack shows what changed
(`desktop.policy.diff`), in the window's language.

A guide file (申报指南: windows, channels, contacts of one application round) is checked the same way
against the packs (`desktop.policy.guide_registry.install_guide`): every problem named, nothing installed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import user_guides_dir, user_packs_dir
from desktop.policy.diff import diff_packs
from desktop.policy.guide_registry import GuideRegistry, bundled_guides_folder, install_guide, known_guides
from desktop.policy.guides import Guide, GuideError
from desktop.policy.loader import PackError
from desktop.policy.model import Lang, Pack
from desktop.policy.registry import PackInstallError, PackRegistry, install_pack, pack_source
from desktop.policy.versions import version_key
from desktop.quoting import clip, visible
from desktop.ui import dialogs, style
from desktop.ui.i18n import current_language
from desktop.ui.plain import PlainLabel, tip
from desktop.ui.said import said, said_all
from desktop.ui.screen_fit import fit_window
from desktop.ui.window_calendar import guide_name
from desktop.wording import vocabulary

CONTEXT = "PacksDialog"


def pack_status(pack: Pack, today: dt.date) -> str:
    if today < pack.valid_from:
        return QCoreApplication.translate("PacksDialog", "尚未生效")
    if today > pack.valid_to:
        return QCoreApplication.translate("PacksDialog", "已到期")
    return QCoreApplication.translate("PacksDialog", "有效")


def _table_text(table: QTableWidget) -> list[list[str]]:
    rows: list[list[str]] = []
    for r in range(table.rowCount()):
        items = [table.item(r, c) for c in range(table.columnCount())]
        rows.append([item.text() if item is not None else "" for item in items])
    return rows


def guide_is_bundled(guide: Guide) -> bool:
    """Whether a guide came with the program (else the user added it)."""
    if not guide.path:
        return True
    try:
        Path(guide.path).resolve().relative_to(bundled_guides_folder().resolve())
    except ValueError:
        return False
    return True


class PacksDialog(QDialog):
    """Lists the known packs and guides; "添加政策包…" and "添加申报指南…" validate a file and add it."""

    COLUMNS = 7
    GUIDE_COLUMNS = 5
    packs_changed = Signal()
    guides_changed = Signal()

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
        self.guides = GuideRegistry()
        self.added = False
        """Whether a pack or a guide was added (the window then re-reads the guides that apply)."""
        self.setWindowTitle(self.tr("政策包"))
        fit_window(self, 1200, 660)

        intro = PlainLabel(
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
        self.broken = PlainLabel(self)
        self.broken.setWordWrap(True)
        self.broken.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.changes_label = PlainLabel(self)
        style.bold(self.changes_label)
        self.changes = QPlainTextEdit(self)
        self.changes.setReadOnly(True)
        self.changes_label.setBuddy(self.changes)
        self.changes_label.setVisible(False)
        self.changes.setVisible(False)

        guides_heading = PlainLabel(self.tr("申报指南"), self)
        style.bold(guides_heading)
        guides_intro = PlainLabel(
            self.tr(
                "申报指南是主管部门某一轮申报通知的内容：各支持项目的申报窗口、申报方式和联系方式。"
                "未选定申报指南的评估使用其政策包最新的正式指南；培训示例的窗口是虚构的，只在选用时使用。"
            ),
            self,
        )
        guides_intro.setWordWrap(True)
        self.guide_table = QTableWidget(0, self.GUIDE_COLUMNS, self)
        self.guide_table.setHorizontalHeaderLabels(
            [self.tr("所属政策包"), self.tr("申报轮次"), self.tr("发布日期"), self.tr("依据"), self.tr("来源")]
        )
        self.guide_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.guide_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.guide_table.verticalHeader().setVisible(False)
        self.guide_table.setWordWrap(True)
        self.guides_broken = PlainLabel(self)
        self.guides_broken.setWordWrap(True)
        self.guides_broken.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder = PlainLabel(
            self.tr("用户添加的政策包保存在：{folder}；申报指南保存在：{guides}").format(
                folder=user_packs_dir(), guides=user_guides_dir()
            ),
            self,
        )
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.add_button = QPushButton(self.tr("添加政策包…"), self)
        self.add_button.clicked.connect(self._on_add)
        self.add_guide_button = QPushButton(self.tr("添加申报指南…"), self)
        self.add_guide_button.clicked.connect(self._on_add_guide)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.add_guide_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        packs_heading = PlainLabel(self.tr("政策包"), self)
        style.bold(packs_heading)
        layout = QVBoxLayout(self)
        layout.addWidget(packs_heading)
        layout.addWidget(intro)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.broken)
        layout.addWidget(self.changes_label)
        layout.addWidget(self.changes, 1)
        layout.addWidget(guides_heading)
        layout.addWidget(guides_intro)
        layout.addWidget(self.guide_table, 2)
        layout.addWidget(self.guides_broken)
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
                item.setToolTip(tip(pack.hash if col == self.COLUMNS - 1 else (pack.path or text)))
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        self._list_skipped(self.broken, self.tr("以下政策包文件未载入："), self.registry.errors)
        self.refresh_guides()

    def _list_skipped(self, label: QLabel, heading: str, errors: Sequence[PackError]) -> None:
        """Each skipped file with its first reason (a broken file, not a regular file, a link out of the
        folder, a duplicate of a bundled one), so the clerk knows what to do about it."""
        label.setVisible(bool(errors))
        lines = [heading]
        for e in errors:
            more = len(e.problems) - 1
            first = visible(clip(said(e.problems[0]), 200)) if e.problems else e.source
            lines.append("• " + first + (self.tr("（另有 {count} 处错误）").format(count=more) if more else ""))
        label.setText("\n".join(lines) if errors else "")

    def refresh_guides(self) -> None:
        """The guides of every pack (bundled and added), by pack, newest first; files not loaded below."""
        self.guides = known_guides(self.registry)
        shown = [g for pack in sorted({g.pack for g in self.guides.all()}) for g in self.guides.for_pack(pack)]
        self.guide_table.setRowCount(len(shown))
        for row, guide in enumerate(shown):
            cells = [
                guide.pack,
                guide_name(guide, self.lang),
                guide.published_on.isoformat(),
                guide.source.get(self.lang),
                self.tr("程序自带") if guide_is_bundled(guide) else self.tr("用户添加"),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip(guide.path or text))
                self.guide_table.setItem(row, col, item)
        self.guide_table.resizeColumnsToContents()
        header = self.guide_table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.guide_table.resizeRowsToContents()
        self._list_skipped(self.guides_broken, self.tr("以下申报指南文件未载入："), self.guides.errors)

    def guide_rows(self) -> list[list[str]]:
        """The guides table as text."""
        return _table_text(self.guide_table)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        # the title column stretches with the dialog: its rows grow or shrink with their wrapped text
        super().resizeEvent(event)
        self.table.resizeRowsToContents()
        self.guide_table.resizeRowsToContents()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.table.resizeRowsToContents()
        self.guide_table.resizeRowsToContents()

    def rows(self) -> list[list[str]]:
        """The table as text, for tests and for reading aloud."""
        return _table_text(self.table)

    def add_pack_file(self, path: Path) -> Pack | None:
        """Validate and add one pack file; on any problem show all of them and change nothing."""
        installed = self.registry.all()
        before = {(p.id, p.version, p.hash) for p in installed}
        try:
            pack = install_pack(path, self.registry)
        except PackError as exc:
            text = self.tr("{file} 有 {count} 处错误，未添加，原有政策包均未改动：").format(
                file=path.name, count=len(exc.problems)
            )
            dialogs.error(self, self.tr("政策包有错误"), text + "\n\n" + "\n".join(said_all(exc.problems)))
            return None
        except PackInstallError as exc:
            dialogs.error(self, self.tr("未添加政策包"), "\n".join(said_all(exc.problems)))
            return None
        known = (pack.id, pack.version, pack.hash) in before
        same_id = [p for p in installed if p.id == pack.id]
        previous = max(same_id, key=lambda p: version_key(p.version)) if same_id else None
        self.registry.add(pack)
        self.added = True
        self.refresh()
        shown = [(p.id, p.version) for p in self.registry.all()]
        self.table.selectRow(shown.index((pack.id, pack.version)))  # the row just added, scrolled to
        self.packs_changed.emit()
        if previous is not None and version_key(previous.version) < version_key(pack.version):
            self.show_changes(previous, pack)  # a newer version of an installed pack: what it changes
        if known:
            dialogs.information(
                self,
                self.tr("政策包已存在"),
                self.tr("政策包 {id} {version} 已在列表中，内容相同，无须再次添加。").format(
                    id=pack.id, version=pack.version
                ),
            )
        else:
            text = self.tr("已添加《{title}》（{id} {version}，有效期 {start} 至 {end}）。新的评估将使用它。").format(
                title=pack.title.get(self.lang),
                id=pack.id,
                version=pack.version,
                start=pack.valid_from.isoformat(),
                end=pack.valid_to.isoformat(),
            )
            if self.changes.isVisibleTo(self):
                text += "\n" + self.tr("与原有版本相比的变化列在对话框中。")
            dialogs.information(self, self.tr("已添加政策包"), text)
        return pack

    def show_changes(self, old: Pack, new: Pack) -> None:
        """What a newer version of an installed pack changes, as `pack diff` says it, in the window's language."""
        self.changes_label.setText(
            self.tr("政策包 {id} 的新版本 {new} 与版本 {old} 相比：").format(
                id=new.id, new=new.version, old=old.version
            )
        )
        self.changes.setPlainText("\n".join(diff_packs(old, new, self.lang)))
        self.changes_label.setVisible(True)
        self.changes.setVisible(True)

    def add_guide_file(self, path: Path) -> Guide | None:
        """Validate and add one guide file; on any problem show every one of them and install nothing."""
        known = {g.id: g.hash for g in known_guides(self.registry).all()}
        try:
            guide = install_guide(path, self.registry)
        except GuideError as exc:
            text = self.tr("{file} 有 {count} 处错误，未添加申报指南：").format(file=path.name, count=len(exc.problems))
            dialogs.error(self, self.tr("申报指南有错误"), text + "\n\n" + "\n".join(said_all(exc.problems)))
            return None
        except PackInstallError as exc:
            dialogs.error(self, self.tr("未添加申报指南"), "\n".join(said_all(exc.problems)))
            return None
        self.refresh_guides()
        name = guide_name(guide, self.lang)
        if known.get(guide.id) == guide.hash:
            dialogs.information(
                self,
                self.tr("申报指南已存在"),
                self.tr("申报指南“{name}”已在列表中，内容相同，无须再次添加。").format(name=name),
            )
            return guide
        self.added = True
        self.guides_changed.emit()
        text = self.tr("已添加申报指南“{name}”（政策包 {pack}，{date} 发布）。").format(
            name=name, pack=guide.pack, date=guide.published_on.isoformat()
        )
        if guide.example:
            text += self.tr("这是培训示例，只用于选用了它的评估。")
        elif self.guides.applying(guide.pack) == guide:
            text += self.tr("未选定申报指南的评估从现在起使用它。")
        dialogs.information(self, self.tr("已添加申报指南"), text)
        return guide

    def _on_add(self) -> None:
        path = dialogs.open_file(self, self.tr("选择政策包文件"), self.tr("政策包 (*.toml)"))
        if path is not None:
            self.add_pack_file(path)

    def _on_add_guide(self) -> None:
        path = dialogs.open_file(self, self.tr("选择申报指南文件"), self.tr("申报指南 (*.toml)"))
        if path is not None:
            self.add_guide_file(path)


def show_packs_dialog(parent: QWidget | None, registry: PackRegistry) -> PacksDialog:
    """Show the packs (modal). Packs added here join `registry`; the dialog is returned after it closes."""
    dialog = PacksDialog(registry, parent, lang=current_language())
    dialog.exec()
    return dialog
