"""The application windows ahead, across many assessments: what the start page's calendar lists and what
an `.ics` file carries (one event per window: the firm, the item, the amount and the contact)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from desktop.engine.result import Assessment
from desktop.policy.guides import WindowState, window_state
from desktop.policy.model import Text
from desktop.wording.applying import applies, channel_text, contact_text


@dataclass(frozen=True)
class WindowEntry:
    """One item of one firm whose application window is published and not yet closed."""

    enterprise: str
    credit_code: str
    item_id: str
    title: Text
    amount: Decimal | None  # what the firm may claim (None: set by the notice)
    status: str  # eligible / to_confirm
    state: WindowState
    channel: Text | None
    contact: Text | None
    example: bool  # the window comes from a training guide

    @property
    def opens(self) -> dt.date | None:
        return self.state.window.opens

    @property
    def closes(self) -> dt.date:
        closes = self.state.window.closes
        assert closes is not None, "only published windows are entries"
        return closes


def upcoming_windows(results: Iterable[Assessment], today: dt.date) -> list[WindowEntry]:
    """Every open or coming window of the items the firms may apply for, the soonest closing first."""
    entries = []
    for result in results:
        example = result.guide is not None and result.guide.example
        for item in result.items:
            if item.item_guide is None or not applies(item):
                continue
            state = window_state(item.item_guide.window, today)
            if state.status not in ("open", "upcoming"):
                continue
            entries.append(
                WindowEntry(
                    enterprise=result.enterprise.name,
                    credit_code=result.enterprise.credit_code,
                    item_id=item.id,
                    title=item.title,
                    amount=item.amount,
                    status=item.status,
                    state=state,
                    channel=channel_text(item, result),
                    contact=contact_text(item.item_guide.contact),
                    example=example,
                )
            )
    return sorted(entries, key=lambda e: (e.closes, e.enterprise, e.item_id))
