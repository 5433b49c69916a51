"""The questionnaire: a list of steps on the left, the current page, and 上一步 / 下一步 under it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import style
from desktop.ui.pages.base import Page
from desktop.ui.pages.enterprise_page import EnterprisePage
from desktop.ui.pages.results_page import ResultsPage
from desktop.ui.pages.review_page import ENTERPRISE, ReviewPage
from desktop.ui.pages.section_page import SectionPage
from desktop.ui.plain import ElidedLabel, PlainLabel
from desktop.ui.session import AssessmentSession


class Questionnaire(QWidget):
    page_changed = Signal(int)

    def __init__(self, session: AssessmentSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QHBoxLayout(self)
        self.steps = QListWidget(self)
        steps_font = self.steps.font()
        steps_font.setPointSizeF(steps_font.pointSizeF() * 1.1)
        self.steps.setFont(steps_font)
        self.steps.setSpacing(3)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes through the form, not the step list
        # The way back to the list, where it is seen (not only in the 评估 menu); shown by the window when
        # there is a list to go back to (a database).
        self.home_button = QPushButton(self.tr("← 企业列表"), self)
        self.home_button.setObjectName("homeButton")
        self.home_button.setToolTip(self.tr("返回企业列表（评估已自动保存）"))
        self.home_button.setAutoDefault(False)
        self.home_button.hide()
        left = QVBoxLayout()
        left.addWidget(self.home_button)
        left.addWidget(self.steps, 1)
        layout.addLayout(left)

        right = QVBoxLayout()
        self.final_banner = PlainLabel(self)
        self.final_banner.setObjectName("finalBanner")
        self.final_banner.setWordWrap(True)
        style.info_banner(self.final_banner)
        self.final_banner.hide()
        right.addWidget(self.final_banner)
        self.stack = QStackedWidget(self)
        right.addWidget(self.stack, 1)
        buttons = QHBoxLayout()
        self.progress = PlainLabel(self)
        style.muted(self.progress)
        buttons.addWidget(self.progress)
        # the last save failed (desktop.ui.unsaved): said in red in the bar, in place of the step count, so
        # that nothing on the page moves under the clerk's pointer when it appears
        self.save_banner = ElidedLabel(self)
        self.save_banner.setObjectName("saveBanner")
        style.bold(style.error_text(self.save_banner))
        self.save_banner.hide()
        buttons.addWidget(self.save_banner, 1)
        # Why the page does not move on, in the bar beside 下一步, in room kept for it: the pages above never
        # shrink or move when it appears.
        self.message = PlainLabel(self)
        style.error_text(self.message)
        self.message.setWordWrap(True)
        style.steady(self.message, lines=2)
        self.message.hide()
        buttons.addWidget(self.message, 1)
        self.back_button = QPushButton(self.tr("上一步(&B)"), self)
        self.next_button = QPushButton(self.tr("下一步(&N)"), self)
        style.bold(self.next_button)
        for button in (self.back_button, self.next_button):
            button.setMinimumWidth(120)
            button.setAutoDefault(False)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        right.addLayout(buttons)
        layout.addLayout(right, 1)

        self.pages: list[Page] = []
        self.enterprise_page: EnterprisePage
        self.section_pages: dict[str, SectionPage] = {}
        self.review_page: ReviewPage
        self.results_page: ResultsPage
        self._build_pages()
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.steps.currentRowChanged.connect(self._step_clicked)
        session.reloaded.connect(self._reloaded)
        self._pack_hash = session.pack.hash
        self.read_only = False
        self.finalised = ""
        self._show(0)

    def _build_pages(self) -> None:
        self.enterprise_page = EnterprisePage(self.session, self)
        pages: list[Page] = [self.enterprise_page]
        self.section_pages = {}
        for section in self.session.pack.sections:
            section_page = SectionPage(section, self.session, self)
            self.section_pages[section.id] = section_page
            pages.append(section_page)
        self.review_page = ReviewPage(self.session, self)
        self.review_page.edit_requested.connect(self.edit_answer)
        self.results_page = ResultsPage(self.session, self)
        pages += [self.review_page, self.results_page]
        self.pages = pages
        self.steps.blockSignals(True)
        self.steps.clear()
        for number, page in enumerate(pages, start=1):
            self.stack.addWidget(page)
            self.steps.addItem(f"{number}. {page.title}")
        self.steps.blockSignals(False)
        self._fit_steps()
        for page in pages:
            for field in page.all_fields():
                field.edited.connect(self._recheck)
                for sub in getattr(field, "sub_fields", ()):  # a table's record form
                    sub.edited.connect(self._recheck)

    def _fit_steps(self) -> None:
        """The step list as wide as its longest title (English ones are long), so none ends in "…"."""
        steps = self.steps
        longest = steps.sizeHintForColumn(0)
        steps.setFixedWidth(max(180, longest + 2 * steps.frameWidth() + 2 * steps.spacing() + 6))

    # -- navigation ------------------------------------------------------------------------------------
    @property
    def index(self) -> int:
        return self.stack.currentIndex()

    @property
    def current_page(self) -> Page:
        return self.pages[self.index]

    def go_next(self) -> bool:
        return self.go_to(self.index + 1)

    def go_back(self) -> bool:
        return self.go_to(self.index - 1)

    def go_to(self, target: int) -> bool:
        """Turn to a page. Going forward, every page passed must be free of refused input."""
        if not 0 <= target < len(self.pages) or target == self.index:
            self._sync_steps()
            return False
        if target > self.index:
            for number in range(self.index, target):
                page = self.pages[number]
                invalid = page.problems()
                if invalid:
                    if number != self.index:
                        self._show(number)
                    self._refuse(page, invalid[0].field_id, invalid[0].error() or "")
                    return False
        self.current_page.leave()
        self._show(target)
        return True

    def _refuse(self, page: Page, field_id: str, reason: str) -> None:
        self._say_refused(reason)
        page.focus_field(field_id)
        self._sync_steps()

    def _say_refused(self, reason: str) -> None:
        self.message.setText(self.tr("请先改正标红的内容（或清空它）再继续：{reason}").format(reason=reason))
        self.message.show()

    def _recheck(self) -> None:
        """While the page's refusal is shown, it follows the input: it names the fault still left (the
        date once the credit code is right) and goes when nothing is left."""
        if not self.message.isVisible():
            return
        left = [f for f in self.current_page.fields() if f.error() is not None]
        if left:
            self._say_refused(left[0].error() or "")
        else:
            self.message.hide()

    def show_page(self, index: int) -> None:
        """Put a page up without the checks of `go_to` (restoring a position, e.g. after a language switch)."""
        self._show(max(0, min(index, len(self.pages) - 1)))

    def _show(self, index: int) -> None:
        self.message.hide()
        page = self.pages[index]
        page.refresh()
        if self.read_only:
            page.show_answers()
        self.stack.setCurrentIndex(index)
        self._sync_steps()
        last = len(self.pages) - 1
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < last)
        self.next_button.setText(self.tr("查看结果(&N)") if index == last - 1 else self.tr("下一步(&N)"))
        self.progress.setText(self.tr("第 {n} 步，共 {total} 步").format(n=index + 1, total=len(self.pages)))
        page.focus_first()
        self.page_changed.emit(index)

    def _sync_steps(self) -> None:
        self.steps.blockSignals(True)
        self.steps.setCurrentRow(self.index)
        self.steps.blockSignals(False)

    def _step_clicked(self, row: int) -> None:
        self.go_to(row)

    def page_index(self, page: Page) -> int:
        return self.pages.index(page)

    def edit_answer(self, section_id: str, field_id: str) -> None:
        """From the review page: open the page of that answer with the cursor in it."""
        page: Page = self.enterprise_page if section_id == ENTERPRISE else self.section_pages[section_id]
        self.go_to(self.page_index(page))
        page.focus_field(field_id)

    def _reloaded(self) -> None:
        if self.session.pack.hash != self._pack_hash:
            # Another policy pack (or another version of it): its sections and questions may differ.
            for page in self.pages:
                self.stack.removeWidget(page)
                page.deleteLater()
            self._pack_hash = self.session.pack.hash
            self._build_pages()
            self.set_read_only(self.read_only, self.finalised)
        for page in self.pages:
            page.refresh()
        self._show(0)

    def show_save_problem(self, reason: str | None) -> None:
        """Say that the last save failed and the edits are still here (None: saved again)."""
        if reason is None:
            self.save_banner.hide()
            self.progress.show()
            return
        text = self.tr("未能保存：{reason} 修改仍在窗口中，程序会继续尝试保存；关闭前会询问如何保留。")
        self.save_banner.set_full_text(text.format(reason=reason))
        self.progress.hide()
        self.save_banner.show()

    def set_read_only(self, read_only: bool, finalised: str = "") -> None:
        """A finalised assessment: its answers read as text (not greyed out) under a banner saying so; its
        result can be printed, not changed."""
        self.read_only = read_only
        self.finalised = finalised
        for page in self.pages:
            if page is not self.results_page and page is not self.review_page:
                page.set_read_only(read_only)
        if finalised:
            text = self.tr("已定稿（{when}）：以下答案和结果只读。如需修改，请用“评估 → 重新编辑”。").format(
                when=finalised
            )
        else:
            text = self.tr("已定稿：以下答案和结果只读。如需修改，请用“评估 → 重新编辑”。")
        self.final_banner.setText(text)
        self.final_banner.setVisible(read_only)

    def _stops(self, page: QWidget) -> list[QWidget]:
        """The inputs Tab stops at on a page, in the form's order: once round the window's focus chain
        (a page's widgets need not follow each other in it), keeping the page's own."""
        stops: list[QWidget] = []
        widget: QWidget | None = page.nextInFocusChain()
        for _ in range(100_000):  # bounded: the chain is a cycle through every widget of the window
            if widget is None or widget is page:
                break
            if (
                page.isAncestorOf(widget)
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                stops.append(widget)
            widget = widget.nextInFocusChain()
        return stops

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 (Qt API)
        """Tab runs through the page's inputs, then 下一步, then 上一步, then back to the first input:
        Tab from the last field never lands on 上一步, where Enter would go back a page."""
        focused = QApplication.focusWidget()
        stops = self._stops(self.current_page)
        buttons = [b for b in (self.next_button, self.back_button) if b.isEnabled()]
        ring = [*stops, *buttons]
        if focused not in ring or not ring:
            return super().focusNextPrevChild(next)
        position = ring.index(focused)
        target = ring[(position + (1 if next else -1)) % len(ring)]
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        # Enter moves on. Inputs that use Enter themselves (the record form, lists) accept the event first.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = QApplication.focusWidget()
            if isinstance(focused, (QPushButton, QToolButton)) and self.isAncestorOf(focused):
                focused.click()  # 修改, 添加…, 下一步, 上一步: Enter presses the button that has the focus
            elif self.next_button.isEnabled():
                self.go_next()
            event.accept()
            return
        super().keyPressEvent(event)
