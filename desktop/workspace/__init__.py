"""The association workspace without Qt: many member firms' answers in, a table and per-measure totals out."""

from desktop.workspace.aggregate import Aggregate, ItemTotal, MeasureTotal, aggregate
from desktop.workspace.members import (
    ImportProblem,
    ImportResult,
    MemberRow,
    Workspace,
    amount_columns,
    import_answers_files,
    pack_resolver,
)

__all__ = [
    "Aggregate",
    "ImportProblem",
    "ImportResult",
    "ItemTotal",
    "MeasureTotal",
    "MemberRow",
    "Workspace",
    "aggregate",
    "amount_columns",
    "import_answers_files",
    "pack_resolver",
]
