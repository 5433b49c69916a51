"""Lists the firm already has, read in: a premium invoice summary, an equipment list (issue 21).

    source = read_list_file(path)                      # xlsx or CSV, limits checked first (files.py)
    layout = propose(source.sheets[0], kind, remembered)  # the header row and columns (layout.py)
    reading = check_list(source, layout, kind, pack, guide)  # every row counted or left out, why (rows.py)

No Qt here: the window, the command line and the tests use the same reading.
"""

from __future__ import annotations

from desktop.lists.files import ListFileError, Sheet, Source, read_list_file
from desktop.lists.layout import Layout, propose, relayout, remembered_names
from desktop.lists.rows import ListReading, RowOutcome, check_rows, reading_from_data, reading_to_data
from desktop.policy.guides import Guide
from desktop.policy.lists import ListKind
from desktop.policy.model import Pack


def check_list(source: Source, layout: Layout, kind: ListKind, pack: Pack, guide: Guide | None = None) -> ListReading:
    """The list read with the pack's period and the guide's minimum, if it states one."""
    stated = guide.lists.get(kind.id) if guide is not None else None
    return check_rows(
        source.sheet(layout.sheet),
        layout,
        kind,
        source=source.name,
        period=pack.period,
        period_label=pack.period_label,
        minimum=stated.minimum if stated is not None else None,
    )


__all__ = [
    "Layout",
    "ListFileError",
    "ListReading",
    "RowOutcome",
    "Sheet",
    "Source",
    "check_list",
    "check_rows",
    "propose",
    "read_list_file",
    "reading_from_data",
    "reading_to_data",
    "relayout",
    "remembered_names",
]
