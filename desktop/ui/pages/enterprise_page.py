"""企业基本信息: the enterprise (app-defined, not from the pack) and the assessment date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFormLayout, QWidget

from desktop.engine.limits import ENTERPRISE_LIMITS
from desktop.policy.towns import bundled_towns
from desktop.ui import style
from desktop.ui.fields import FieldWidget
from desktop.ui.fields.date import DateField
from desktop.ui.fields.enterprise import CreditCodeField, PhoneField, TownField
from desktop.ui.fields.simple import TextField
from desktop.ui.pages.base import Page
from desktop.ui.plain import PlainLabel, form_row
from desktop.ui.session import AssessmentSession
from desktop.wording import vocabulary
from desktop.wording.period import period_span

ASSESSED_ON = "assessed_on"


class EnterprisePage(Page):
    def __init__(self, session: AssessmentSession, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("企业基本信息"), session, parent)
        intro = PlainLabel(
            self.tr("请按营业执照填写。带 * 的为申报时必填；这里留空也可以先测算。"),
            self,
        )
        style.muted(intro)
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        self.name = TextField(
            "name",
            self,
            placeholder=self.tr("与营业执照一致（最多 {n} 字）").format(n=ENTERPRISE_LIMITS["name"]),
            max_length=ENTERPRISE_LIMITS["name"],
        )
        self.credit_code = CreditCodeField("credit_code", self)
        self.town = TownField(bundled_towns(), "town", self)
        self.contact = TextField("contact", self, max_length=ENTERPRISE_LIMITS["contact"])
        self.phone = PhoneField("phone", self)
        self.assessed_on = DateField(ASSESSED_ON, self)
        self.validity = PlainLabel(self)
        style.muted(self.validity)
        self.validity.setWordWrap(True)
        self.enterprise_fields: list[FieldWidget] = [self.name, self.credit_code, self.town, self.contact, self.phone]
        lang = session.lang
        form_row(form, vocabulary.term("enterprise", lang) + " *", self.name)
        form_row(form, vocabulary.term("credit_code", lang) + " *", self.credit_code)
        form_row(form, vocabulary.term("town", lang), self.town)
        form_row(form, self.tr("联系人"), self.contact)
        form_row(form, self.tr("联系电话"), self.phone)
        form_row(form, vocabulary.term("assessed_on", lang), self.assessed_on)
        form_row(form, "", self.validity)
        self.body.addLayout(form)
        self.body.addStretch(1)
        for field in self.enterprise_fields:
            field.edited.connect(lambda field=field: self._enterprise_edited(field))
        self.assessed_on.edited.connect(self._date_edited)
        self.refresh()

    def _enterprise_edited(self, field: FieldWidget) -> None:
        if field.error() is None:
            self.session.set_enterprise(field.field_id, str(field.value() or ""))

    def _date_edited(self) -> None:
        day = self.assessed_on.value()
        if day is not None:
            self.session.set_assessed_on(day)
        self._show_validity()

    def _show_validity(self) -> None:
        """What the answers are about: the pack's period of activity. The date typed above only records when
        they were given; it changes no amount (a new user once read it as the day the results hold for)."""
        pack = self.session.pack
        start, end = pack.period
        self.validity.setText(
            self.tr(
                "本评估针对 {period}的经营活动（《{title}》）。填写日期只记录答案是哪天填写的，不影响金额。"
            ).format(
                period=period_span(pack.period_label, start, end).get(self.session.lang),
                title=pack.title.get(self.session.lang),
            )
        )

    def fields(self) -> list[FieldWidget]:
        return [*self.enterprise_fields, self.assessed_on]

    def problems(self) -> list[FieldWidget]:
        invalid = super().problems()
        if self.assessed_on.value() is None and self.assessed_on not in invalid:
            # The results depend on the date: an emptied date field goes back to the session's date.
            self.assessed_on.set_value(self.session.assessed_on)
        return invalid

    def refresh(self) -> None:
        enterprise = self.session.enterprise
        for field in self.enterprise_fields:
            field.set_value(getattr(enterprise, field.field_id) or None)
        self.assessed_on.set_value(self.session.assessed_on)
        self._show_validity()

    def set_assessed_on(self, day: dt.date) -> None:
        self.assessed_on.edit.setText(day.isoformat())
