"""The checklist in the window: a preview (QtPdf's QPdfView), "打印…" through the system's print dialog
(the PDF itself goes to the printer where the system takes PDF, see `desktop.ui.printing`), and
"保存为 PDF…", which says where the file went.

The preview shows the very bytes that are saved, so what the clerk sees is what the bureau gets.
ReportLab is imported only when a checklist is asked for, so it costs the window's start-up nothing.
Dialogs go through `desktop.ui.dialogs` (message boxes, file dialogs) and `ask_printer` (the print
dialog), so tests replace them and never block.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from desktop.engine.opportunities import Opportunities
from desktop.engine.result import Assessment
from desktop.filenames import checklist_stem
from desktop.later import later
from desktop.policy.model import Lang
from desktop.safe_write import write_bytes
from desktop.ui import dialogs
from desktop.ui.plain import PlainLabel
from desktop.ui.printing import PrintError, print_pdf
from desktop.ui.said import any_error_text, report_write_error
from desktop.ui.screen_fit import fit_window

if TYPE_CHECKING:
    from desktop import report
else:
    report = later("desktop.report")  # ReportLab (~150 ms): when a checklist is first asked for


def _choose_printer(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system's print dialog; True when the user chose to print."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("ChecklistPreview", "打印清单"))
    return dialog.exec() == QDialog.DialogCode.Accepted


# the print dialog seam: tests put a function here that answers without showing anything
ask_printer: Callable[[QWidget | None, QPrinter], bool] = _choose_printer


def suggested_file_name(assessment: Assessment) -> str:
    e = assessment.enterprise
    return checklist_stem(e.name, e.credit_code, QCoreApplication.translate("ChecklistPreview", "自评清单")) + ".pdf"


def render_checklist(
    parent: QWidget | None,
    assessment: Assessment,
    lang: Lang,
    *,
    today: dt.date | None = None,
    opportunities: Opportunities | None = None,
) -> bytes | None:
    """The PDF bytes, with a wait cursor while ReportLab works; None (and a message) if it failed.
    `today` dates the application windows and the period sentence; `opportunities` adds what could still
    be unlocked."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return report.checklist_bytes(assessment, lang, today=today, opportunities=opportunities)
    except Exception as exc:  # a layout bug must end in a message, not a traceback in front of the clerk
        dialogs.error(
            parent,
            QCoreApplication.translate("ChecklistPreview", "无法生成清单"),
            QCoreApplication.translate("ChecklistPreview", "生成清单时出错：{error}").format(error=any_error_text(exc)),
        )
        return None
    finally:
        QGuiApplication.restoreOverrideCursor()


def _ensure_pdf_suffix(path: Path) -> Path:
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def write_pdf(
    parent: QWidget | None, data: bytes, suggested: str, wording: tuple[str, str, str] | None = None
) -> Path | None:
    """Ask where to save and write the bytes; the path written, or None if cancelled or failed.

    `wording`: the dialog's title, the title and the text (with `{path}`) of the message that says where
    the file went, for a PDF other than the checklist (the scenario comparison)."""
    title, saved_title, saved_text = wording or (
        QCoreApplication.translate("ChecklistPreview", "保存清单 PDF"),
        QCoreApplication.translate("ChecklistPreview", "清单已保存"),
        QCoreApplication.translate("ChecklistPreview", "清单 PDF 已保存到：\n{path}"),
    )
    chosen = dialogs.save_file(
        parent, title, QCoreApplication.translate("ChecklistPreview", "PDF 文件 (*.pdf)"), suggested
    )
    if chosen is None:
        return None
    path = _ensure_pdf_suffix(chosen)
    try:
        write_bytes(path, data)
    except OSError as exc:
        report_write_error(parent, QCoreApplication.translate("ChecklistPreview", "无法保存清单"), path, exc)
        return None
    dialogs.saved(parent, saved_title, saved_text.format(path=path), path)
    return path


class ChecklistPreview(QDialog):
    """A window over the checklist PDF with 打印… and 保存为 PDF…; `wording` as for `write_pdf` (another
    PDF than the checklist, the scenario comparison, says what it is when it is saved)."""

    def __init__(
        self, parent: QWidget | None, data: bytes, suggested: str, wording: tuple[str, str, str] | None = None
    ) -> None:
        super().__init__(parent)
        self.data = data
        self.suggested = suggested
        self.wording = wording
        self.bytes_sent = 0
        self.printed_as = ""
        """How the last print went to the printer: "cups" (the PDF itself), "file" or "images"."""
        self.setWindowTitle(self.tr("清单预览"))
        fit_window(self, 860, 960)  # an A4 page is tall: on a 768-pixel screen the buttons must stay on it
        # the buffer must outlive the document that reads from it
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.pages_label = PlainLabel(self.tr("共 {count} 页").format(count=self.document.pageCount()), self)
        buttons = QDialogButtonBox(self)
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.save_button = QPushButton(self.tr("保存为 PDF…"), self)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("关闭"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_checklist)
        self.save_button.clicked.connect(self.save_pdf)
        buttons.rejected.connect(self.reject)
        self.print_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.pages_label)
        layout.addWidget(buttons)

    def print_checklist(self) -> int:
        """The system print dialog, then the checklist; the number of pages sent (0 if cancelled)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        if (
            self.document.pageCount()
            and self.document.pagePointSize(0).width() > self.document.pagePointSize(0).height()
        ):
            printer.setPageOrientation(QPageLayout.Orientation.Landscape)  # the scenario comparison
        printer.setFullPage(True)  # the PDF brings its own margins
        printer.setDocName(Path(self.suggested).stem)
        printer.setFromTo(1, self.document.pageCount())
        if not ask_printer(self, printer):
            return 0
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            sent, self.bytes_sent, self.printed_as = print_pdf(self.data, self.document, printer, printer.docName())
        except PrintError as exc:
            QGuiApplication.restoreOverrideCursor()
            text = self.tr("打印机没有接受打印任务，请检查打印机设置。")
            dialogs.error(self, self.tr("无法打印"), f"{text}\n{exc}" if str(exc) else text)
            return 0
        QGuiApplication.restoreOverrideCursor()
        self._say_printed(sent, printer)
        return sent

    def _say_printed(self, sent: int, printer: QPrinter) -> None:
        """What happened to the job, once it is handed over (nothing was said before)."""
        if self.printed_as == "file":
            text = self.tr("已把 %n 页打印到文件：\n{path}", "", sent).format(path=printer.outputFileName())
        else:
            text = self.tr("已把 %n 页交给打印机“{printer}”。", "", sent).format(printer=printer.printerName())
            if "pdf" in printer.printerName().lower():  # a virtual PDF printer may drop the text layer
                text += "\n" + self.tr("要得到可以复制文字的 PDF 文件，请用“保存为 PDF…”。")
        self.pages_label.setText(text.replace("\n", " "))
        dialogs.information(self, self.tr("已打印"), text)

    def save_pdf(self) -> Path | None:
        return write_pdf(self, self.data, self.suggested, self.wording)


def show_checklist_preview(
    parent: QWidget | None,
    assessment: Assessment,
    lang: Lang,
    *,
    today: dt.date | None = None,
    opportunities: Opportunities | None = None,
) -> ChecklistPreview | None:
    """Open the preview (window-modal, without blocking the caller); None if the checklist failed."""
    data = render_checklist(parent, assessment, lang, today=today, opportunities=opportunities)
    if data is None:
        return None
    preview = ChecklistPreview(parent, data, suggested_file_name(assessment))
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.open()
    return preview


def save_checklist_pdf(
    parent: QWidget | None,
    assessment: Assessment,
    lang: Lang,
    *,
    today: dt.date | None = None,
    opportunities: Opportunities | None = None,
) -> Path | None:
    """Ask for a file name and write the checklist PDF there; the path written, or None."""
    data = render_checklist(parent, assessment, lang, today=today, opportunities=opportunities)
    if data is None:
        return None
    return write_pdf(parent, data, suggested_file_name(assessment))
