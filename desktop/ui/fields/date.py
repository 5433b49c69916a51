"""A date typed as 2025-06-18 (or 2025/6/18, 2025年6月18日, 20250618) or picked from a calendar.

A text field rather than QDateEdit: a QDateEdit always holds some date, so it can neither say
"not answered" nor tell the clerk why what was typed is refused.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QMenu, QToolButton, QWidget, QWidgetAction

from desktop.ui.fields.base import FieldWidget

_DATE_RE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
EARLIEST_YEAR = 1980
LATEST_YEAR = 2100


class DateError(ValueError):
    pass


def parse_date(text: str) -> dt.date:
    """The date in the text; DateError says why not, in words."""
    cleaned = text.strip()
    match = _DATE_RE.match(cleaned) or _COMPACT_RE.match(cleaned)
    if match is None:
        raise DateError(
            QCoreApplication.translate(
                "DateField", "“{text}”不是日期：请按“年-月-日”写，例如 2025-06-18，或点右边的“日历”选择"
            ).format(text=cleaned)
        )
    year, month, day = (int(part) for part in match.groups())
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise DateError(
            QCoreApplication.translate("DateField", "年份 {year} 不合理：应在 {low} 到 {high} 之间").format(
                year=year, low=EARLIEST_YEAR, high=LATEST_YEAR
            )
        )
    if not 1 <= month <= 12:
        raise DateError(
            QCoreApplication.translate("DateField", "“{text}”不是存在的日期（{year} 年没有 {month} 月）").format(
                text=cleaned, year=year, month=month
            )
        )
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(
            QCoreApplication.translate(
                "DateField", "“{text}”不是存在的日期（{year} 年 {month} 月没有 {day} 日）"
            ).format(text=cleaned, year=year, month=month, day=day)
        ) from None


class DateField(FieldWidget):
    """`period`: the pack's period of activity, for a date of something done in it (a certification): the
    calendar opens there, and a date outside it is pointed out (the engine decides what it means)."""

    def __init__(
        self, field_id: str, parent: QWidget | None = None, period: tuple[dt.date, dt.date] | None = None
    ) -> None:
        super().__init__(field_id, parent)
        self.period = period
        self.edit = QLineEdit(self)
        self.markable(self.edit)
        # A placeholder that cannot be mistaken for a date already filled in
        self.edit.setPlaceholderText(self.tr("年-月-日"))
        self.edit.setMaximumWidth(160)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)  # no weeks
        self.menu = QMenu(self)
        action = QWidgetAction(self.menu)
        action.setDefaultWidget(self.calendar)
        self.menu.addAction(action)
        # A plain button that opens the calendar under itself: a tool button's own menu arrow was drawn
        # over the end of its text.
        self.picker = QToolButton(self)
        self.picker.setText(self.tr("日历…"))
        self.picker.setToolTip(self.tr("从日历中选择日期"))
        self.picker.clicked.connect(self.open_calendar)
        self.menu.aboutToShow.connect(self._prepare_calendar)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.row.addWidget(self.edit)
        self.row.addWidget(self.picker)
        self.row.addStretch(1)
        self.edit.textChanged.connect(lambda _text: self._user_edited())
        self.edit.editingFinished.connect(self.tidy)

    def _parse(self) -> tuple[dt.date | None, str | None]:
        if not self.edit.text().strip():
            return None, None
        try:
            return parse_date(self.edit.text()), None
        except DateError as exc:
            return None, str(exc)

    def value(self) -> dt.date | None:
        return self._parse()[0]

    def error(self) -> str | None:
        return self._parse()[1]

    def tidy(self) -> None:
        day = self.value()
        if day is not None and self.edit.text() != day.isoformat():
            self.edit.blockSignals(True)
            self.edit.setText(day.isoformat())
            self.edit.blockSignals(False)

    def set_value(self, value: Any | None) -> None:
        self.edit.blockSignals(True)
        self.edit.setText(value.isoformat() if isinstance(value, dt.date) else "")
        self.edit.blockSignals(False)
        self.show_error()

    def _prepare_calendar(self) -> None:
        day = self.value()
        if day is not None:
            self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
            return
        if self.period is not None:  # an empty field: the month of the period nearest today, nothing picked
            start, end = self.period
            shown = min(max(dt.date.today(), start), end)
            self.calendar.setCurrentPage(shown.year, shown.month)

    def notice(self) -> str | None:
        day = self.value()
        if day is None or self.period is None or self.period[0] <= day <= self.period[1]:
            return None
        start, end = self.period
        return self.tr("{day} 不在本评估针对的期间（{start} 至 {end}）内，请核对；结果中会说明这对金额的影响").format(
            day=day.isoformat(), start=start.isoformat(), end=end.isoformat()
        )

    def open_calendar(self) -> None:
        self.menu.popup(self.picker.mapToGlobal(self.picker.rect().bottomLeft()))

    def _picked(self, qdate: QDate) -> None:
        self.menu.close()
        self.edit.setText(dt.date(qdate.year(), qdate.month(), qdate.day()).isoformat())

    def display_text(self) -> str:
        day = self.value()
        return "" if day is None else day.isoformat()

    def focus_input(self) -> None:
        self.edit.setFocus()
