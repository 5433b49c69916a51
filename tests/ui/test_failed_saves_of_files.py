"""The window's own file writes on a full disk (issue 22, point 8): 保存清单 PDF… and 打印… to a file leave the
file that was there whole, and say why nothing was saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from desktop.policy import Pack
from desktop.ui.checklist_preview import write_pdf
from desktop.ui.dialogs import RecordingSink
from desktop.ui.printing import PrintError, print_pdf
from tests.full_disk import full_disk
from tests.test_failed_writes import OLD, TODAY, _result


def _checklist(pack: Pack) -> bytes:
    from desktop.report.checklist import checklist_bytes

    return checklist_bytes(_result(pack), "zh", today=TODAY)


def test_saving_the_checklist_pdf_over_a_file_on_a_full_disk_keeps_that_file(
    pack: Pack, tmp_path: Path, message_log: RecordingSink, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    target = tmp_path / "清单.pdf"
    target.write_bytes(OLD)
    message_log.files.append(target)
    data = _checklist(pack)
    with full_disk(monkeypatch, free=len(data) // 2):
        assert write_pdf(None, data, "清单.pdf") is None
    [said] = message_log.of_kind("error")
    assert str(target) in said.text and "No space left on device" in said.text
    assert target.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["清单.pdf"]


def test_printing_to_a_pdf_file_on_a_full_disk_keeps_the_file_there(
    pack: Pack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    target = tmp_path / "printed.pdf"
    target.write_bytes(OLD)
    data = _checklist(pack)
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    with full_disk(monkeypatch, free=len(data) // 2), pytest.raises(PrintError, match="No space left"):
        print_pdf(data, document, printer, "清单")
    assert target.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["printed.pdf"]
