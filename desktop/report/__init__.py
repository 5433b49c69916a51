"""The printable checklist (ReportLab, no Qt): one A4 PDF per assessment, and batches of them."""

from __future__ import annotations

from desktop.report.checklist import checklist_bytes, write_checklist

__all__ = ["checklist_bytes", "write_checklist"]
