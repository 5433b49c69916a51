"""The checklist in the window: preview, print through the print dialog, save as PDF (issue 5)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.engine import Assessment
from desktop.report import checklist_bytes
from desktop.ui import checklist_preview, printing
from desktop.ui.checklist_preview import ChecklistPreview, save_checklist_pdf, show_checklist_preview
from desktop.ui.dialogs import RecordingSink
from tests.report.cases import example


@pytest.fixture(scope="module")
def lighting() -> Assessment:
    return example("lighting-exporter")


@pytest.fixture
def preview(qtbot: QtBot, lighting: Assessment) -> ChecklistPreview:
    dialog = show_checklist_preview(None, lighting, "zh")
    assert dialog is not None
    qtbot.addWidget(dialog)
    return dialog


def test_the_preview_shows_every_page_of_the_checklist(preview: ChecklistPreview, lighting: Assessment) -> None:
    pages = len(PdfReader(io.BytesIO(checklist_bytes(lighting))).pages)
    assert preview.document.pageCount() == pages
    assert preview.view.document() is preview.document
    assert preview.pages_label.text() == f"共 {pages} 页"
    assert preview.print_button.text() == "打印…"
    assert preview.save_button.text() == "保存为 PDF…"


def test_save_writes_the_previewed_bytes_with_a_pdf_suffix(
    preview: ChecklistPreview, message_log: RecordingSink, tmp_path: Path, lighting: Assessment
) -> None:
    message_log.files.append(tmp_path / "明辉清单")
    preview.save_button.click()
    written = tmp_path / "明辉清单.pdf"
    assert written.read_bytes() == preview.data == checklist_bytes(lighting)
    (asked,) = message_log.of_kind("save_file")
    assert asked.text == "91442000MA4W8N3K2K-中山市古镇明辉灯饰有限公司（示例）.pdf"  # the suggested name


def test_cancelling_the_save_dialog_writes_nothing(preview: ChecklistPreview, message_log: RecordingSink) -> None:
    assert preview.save_pdf() is None
    assert message_log.of_kind("error") == []


def test_a_folder_that_cannot_be_written_gives_a_message_not_a_traceback(
    preview: ChecklistPreview, message_log: RecordingSink, tmp_path: Path
) -> None:
    message_log.files.append(tmp_path / "missing" / "x.pdf")
    assert preview.save_pdf() is None
    (error,) = message_log.of_kind("error")
    assert error.title == "无法保存清单" and "x.pdf" in error.text


def test_print_sends_every_page_to_the_printer_chosen_in_the_dialog(
    preview: ChecklistPreview, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "printed.pdf"
    chosen: list[QPrinter] = []

    def choose(parent: QWidget | None, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        printer.setResolution(72)  # keeps the test's bitmaps small
        chosen.append(printer)
        return True

    monkeypatch.setattr(checklist_preview, "ask_printer", choose)
    sent = preview.print_checklist()
    assert sent == preview.document.pageCount()
    assert chosen[0].pageLayout().pageSize().id().name == "A4"
    assert len(PdfReader(target).pages) == sent
    assert target.read_bytes() == preview.data  # the checklist itself, text and all, not page images
    assert preview.printed_as == "file"


def test_a_page_range_from_the_dialog_is_respected(
    preview: ChecklistPreview, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "range.pdf"

    def choose(parent: QWidget | None, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        printer.setResolution(72)
        printer.setFromTo(2, 3)
        return True

    monkeypatch.setattr(checklist_preview, "ask_printer", choose)
    assert preview.print_checklist() == 2
    assert len(PdfReader(target).pages) == 2
    assert preview.printed_as == "images"  # two pages cut out of a PDF: only as images


def test_cancelling_the_print_dialog_prints_nothing(preview: ChecklistPreview, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checklist_preview, "ask_printer", lambda parent, printer: False)
    assert preview.print_checklist() == 0


def test_save_checklist_pdf_without_preview(
    qapp: object, message_log: RecordingSink, tmp_path: Path, lighting: Assessment
) -> None:
    message_log.files.append(tmp_path / "out.PDF")
    path = save_checklist_pdf(None, lighting, "en")
    assert path == tmp_path / "out.PDF"
    assert path.read_bytes() == checklist_bytes(lighting, "en")


def test_a_failing_layout_ends_in_a_message(
    qapp: object, message_log: RecordingSink, monkeypatch: pytest.MonkeyPatch, lighting: Assessment
) -> None:
    import desktop.report

    def broken(assessment: Assessment, lang: str = "zh", **extra: object) -> bytes:
        raise ValueError("布局出错")

    monkeypatch.setattr(desktop.report, "checklist_bytes", broken)
    assert show_checklist_preview(None, lighting, "zh") is None
    (error,) = message_log.of_kind("error")
    assert "布局出错" in error.text


class FakePrinter:
    """What Qt's print dialog leaves in a QPrinter for a CUPS queue (the test machine may have none)."""

    def __init__(self, name: str = "Office", pages: tuple[int, int] = (0, 0), copies: int = 1) -> None:
        self.name, self.pages, self.copies = name, pages, copies
        self.duplex_mode = QPrinter.DuplexMode.DuplexLongSide

    def outputFormat(self) -> QPrinter.OutputFormat:  # noqa: N802 (Qt's name)
        return QPrinter.OutputFormat.NativeFormat

    def outputFileName(self) -> str:  # noqa: N802
        return ""

    def printerName(self) -> str:  # noqa: N802
        return self.name

    def copyCount(self) -> int:  # noqa: N802
        return self.copies

    def fromPage(self) -> int:  # noqa: N802
        return self.pages[0]

    def toPage(self) -> int:  # noqa: N802
        return self.pages[1]

    def duplex(self) -> QPrinter.DuplexMode:
        return self.duplex_mode

    def colorMode(self) -> QPrinter.ColorMode:  # noqa: N802
        return QPrinter.ColorMode.GrayScale


def test_through_cups_the_pdf_itself_goes_to_the_printer(
    preview: ChecklistPreview, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[tuple[list[str], bytes]] = []
    monkeypatch.setattr(printing, "lp_command", lambda: "/usr/bin/lp")
    monkeypatch.setattr(printing, "run_lp", lambda command, data: (sent.append((list(command), data)), (0, ""))[1])
    pages, size, how = printing.print_pdf(
        preview.data,
        preview.document,
        FakePrinter(pages=(2, 3), copies=2),
        "明辉清单",  # type: ignore[arg-type]
    )
    ((command, data),) = sent
    assert (pages, size, how) == (2, len(preview.data), "cups")
    assert data == preview.data  # vector text, a few hundred KB, not 300-dpi images
    assert command[:3] == ["/usr/bin/lp", "-d", "Office"]
    assert command[command.index("-n") : command.index("-n") + 2] == ["-n", "2"]
    assert command[command.index("-P") : command.index("-P") + 2] == ["-P", "2-3"]
    assert "sides=two-sided-long-edge" in command and "print-color-mode=monochrome" in command


def test_a_job_cups_refuses_is_said_in_its_own_words(
    preview: ChecklistPreview, monkeypatch: pytest.MonkeyPatch, message_log: RecordingSink
) -> None:
    monkeypatch.setattr(printing, "lp_command", lambda: "/usr/bin/lp")
    monkeypatch.setattr(printing, "run_lp", lambda command, data: (1, "lp: The printer or class does not exist."))
    monkeypatch.setattr(checklist_preview, "ask_printer", lambda parent, printer: True)
    monkeypatch.setattr(checklist_preview, "print_pdf", _with_fake_printer)
    assert preview.print_checklist() == 0
    assert "does not exist" in message_log.of_kind("error")[-1].text


def _with_fake_printer(data: bytes, document: object, printer: object, title: str) -> tuple[int, int, str]:
    return printing.print_pdf(data, document, FakePrinter(), title)  # type: ignore[arg-type]


def test_saving_says_where_the_file_went(preview: ChecklistPreview, message_log: RecordingSink, tmp_path: Path) -> None:
    message_log.files.append(tmp_path / "清单.pdf")
    preview.save_button.click()
    (said,) = message_log.of_kind("saved")
    assert str(tmp_path / "清单.pdf") in said.text


def test_printing_says_where_the_pages_went(
    preview: ChecklistPreview, monkeypatch: pytest.MonkeyPatch, message_log: RecordingSink, tmp_path: Path
) -> None:
    """Issue 23: nothing was said after 打印, so a clerk could not tell whether the job went anywhere."""
    target = tmp_path / "printed.pdf"

    def choose(parent: QWidget | None, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    monkeypatch.setattr(checklist_preview, "ask_printer", choose)
    sent = preview.print_checklist()
    [said] = message_log.of_kind("information")
    assert said.title == "已打印" and f"已把 {sent} 页打印到文件" in said.text and str(target) in said.text
    assert str(target) in preview.pages_label.text()


def test_a_pdf_printer_is_told_apart_from_saving(
    preview: ChecklistPreview, monkeypatch: pytest.MonkeyPatch, message_log: RecordingSink
) -> None:
    """A virtual PDF printer of CUPS may render the pages again without their text: 保存为 PDF keeps it."""
    monkeypatch.setattr(checklist_preview, "ask_printer", lambda parent, printer: True)
    monkeypatch.setattr(checklist_preview, "print_pdf", lambda data, document, printer, title: (4, len(data), "cups"))
    monkeypatch.setattr(QPrinter, "printerName", lambda self: "PDF")
    assert preview.print_checklist() == 4
    [said] = message_log.of_kind("information")
    assert "已把 4 页交给打印机“PDF”" in said.text and "保存为 PDF" in said.text
