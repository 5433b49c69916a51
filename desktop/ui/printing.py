"""Printing the checklist PDF: the PDF itself where the system prints PDF, page images only elsewhere.

Qt has no path from a PDF document to a printer: QtPdf renders pages to bitmaps, and painting those on
a QPrinter sends one 300-dpi image per page (3 MB for four pages, and no text a printer could set
sharply). Where the printing system takes PDF, the checklist's own bytes go to it instead:

- Linux and macOS print through CUPS, which takes PDF as it is: the bytes go to `lp` with the printer,
  copies, page range, duplex and colour chosen in Qt's print dialog. A few hundred KB, vector text.
- "Print to file (PDF)" in the dialog: the file is written with the checklist's bytes; only where a
  range of pages is chosen are those pages drawn as images (nothing here can cut pages out of a PDF).
- Windows has no system PDF printing a program can rely on (GDI printers take drawing commands, and a
  PDF reader may be missing): there the pages are drawn as images at the printer's resolution, capped
  at 300 dpi (a 600-dpi A4 page would be a 140 MB bitmap).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from desktop.safe_write import write_bytes

PRINT_DPI = 300  # plenty for text on an office printer where images are the only way
LP_TIMEOUT = 60  # seconds: lp hands the job to the local scheduler and returns


def _run_lp(command: Sequence[str], data: bytes) -> tuple[int, str]:
    done = subprocess.run(list(command), input=data, capture_output=True, timeout=LP_TIMEOUT, check=False)
    return done.returncode, (done.stderr or done.stdout).decode("utf-8", "replace").strip()


# the seam: tests put a function here that records the command instead of printing
run_lp: Callable[[Sequence[str], bytes], tuple[int, str]] = _run_lp


def lp_command() -> str | None:
    """CUPS's `lp`, where the system prints through CUPS (not on Windows)."""
    if sys.platform.startswith("win"):
        return None
    return shutil.which("lp")


def page_range(printer: QPrinter, count: int) -> tuple[int, int]:
    first = max(printer.fromPage(), 1) if printer.fromPage() else 1
    last = min(printer.toPage(), count) if printer.toPage() else count
    return first, last


def lp_arguments(printer: QPrinter, count: int, title: str) -> list[str]:
    """The dialog's choices as `lp` options."""
    arguments = ["-d", printer.printerName(), "-t", title or "checklist", "-n", str(max(printer.copyCount(), 1))]
    first, last = page_range(printer, count)
    if (first, last) != (1, count):
        arguments += ["-P", f"{first}-{last}"]
    duplex = printer.duplex()
    if duplex == QPrinter.DuplexMode.DuplexLongSide:
        arguments += ["-o", "sides=two-sided-long-edge"]
    elif duplex == QPrinter.DuplexMode.DuplexShortSide:
        arguments += ["-o", "sides=two-sided-short-edge"]
    elif duplex == QPrinter.DuplexMode.DuplexNone:
        arguments += ["-o", "sides=one-sided"]
    if printer.colorMode() == QPrinter.ColorMode.GrayScale:
        arguments += ["-o", "print-color-mode=monochrome"]
    return arguments


class PrintError(Exception):
    """The printing system refused the job; the message is its own words."""


def print_pdf(data: bytes, document: QPdfDocument, printer: QPrinter, title: str) -> tuple[int, int, str]:
    """Print the checklist as the dialog set up `printer`. Returns (pages, bytes sent, how) where `how`
    is "file", "cups" or "images"; raises PrintError when the system refused it."""
    count = document.pageCount()
    first, last = page_range(printer, count)
    to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName()
    if to_file and (first, last) == (1, count):
        try:
            write_bytes(Path(printer.outputFileName()), data)
        except OSError as exc:
            raise PrintError(f"{printer.outputFileName()}: {exc.strerror or exc}") from None
        return count, len(data), "file"
    lp = lp_command()
    if lp is not None and printer.printerName() and not to_file:
        code, said = run_lp([lp, *lp_arguments(printer, count, title)], data)
        if code != 0:
            raise PrintError(said or f"lp exit {code}")
        return last - first + 1, len(data), "cups"
    sent = print_images(document, printer)
    if sent == 0:
        raise PrintError("")
    return sent, 0, "images"


def print_images(document: QPdfDocument, printer: QPrinter) -> int:
    """Every page (or the range chosen in the dialog) as an image fitted to the paper; pages sent."""
    count = document.pageCount()
    first, last = page_range(printer, count)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    sent = 0
    try:
        for index in range(first - 1, last):
            if sent:
                printer.newPage()
            paper = printer.paperRect(QPrinter.Unit.DevicePixel).toRect()
            points = document.pagePointSize(index)
            scale = min(paper.width() / points.width(), paper.height() / points.height())
            target = QSize(round(points.width() * scale), round(points.height() * scale))
            dots = min(PRINT_DPI, printer.resolution())
            image = document.render(index, QSize(round(points.width() * dots / 72), round(points.height() * dots / 72)))
            painter.drawImage(QRect(0, 0, target.width(), target.height()), image)
            sent += 1
    finally:
        painter.end()
    return sent
