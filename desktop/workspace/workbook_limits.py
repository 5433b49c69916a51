"""What a filled-in Excel template may be, checked from the zip directory before any XML is parsed.

An .xlsx file is a zip of XML. The program's template filled with 2,000 member firms is about 0.5 MB
on disk and 6 MB of XML; a crafted file of 1.6 MB can unpack to 458 MB of XML, which openpyxl would
parse for minutes and gigabytes. The zip's own directory says how large every part unpacks (and
Python's zipfile enforces those sizes while reading), so the file is refused in milliseconds.
The README ("For trade associations") lists these limits.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.problems import Problem
from desktop.safe_read import MIB, size_text

MAX_XLSX_BYTES = 20 * MIB
MAX_XLSX_UNPACKED = 80 * MIB
"""All parts of the workbook together, unpacked (the XML openpyxl would read)."""
MAX_XLSX_PARTS = 500
MAX_SHEET_ROWS = 10_000
"""Rows of any one sheet: member firms on 「企业」, records on a table question's sheet."""


@dataclass(frozen=True)
class ZipDirectory:
    """What a workbook's zip directory says of it, read without unpacking anything."""

    size: int
    parts: int
    unpacked: int
    """All parts together, unpacked (the XML openpyxl would read)."""

    @property
    def too_large(self) -> bool:
        return self.size > MAX_XLSX_BYTES

    @property
    def too_many_parts(self) -> bool:
        return self.parts > MAX_XLSX_PARTS

    @property
    def unpacks_too_large(self) -> bool:
        return self.unpacked > MAX_XLSX_UNPACKED


def zip_directory(path: Path) -> ZipDirectory:
    """The file's size and its zip directory's parts and unpacked size (none past MAX_XLSX_BYTES is opened).
    Raises OSError (a FIFO or device as `IsADirectoryError`-like OSError) and zipfile.BadZipFile."""
    size = path.stat().st_size
    if not path.is_file():
        raise OSError("not a regular file")
    if size > MAX_XLSX_BYTES:
        return ZipDirectory(size, 0, 0)
    with zipfile.ZipFile(path) as archive:
        parts = archive.infolist()
    return ZipDirectory(size, len(parts), sum(part.file_size for part in parts))


def workbook_problem(path: Path) -> Problem | None:
    """Why the file is not read at all (too large, a zip bomb, not a zip), or None. Reads only the zip's
    directory, never the parts themselves."""
    try:
        if not path.is_file() and path.exists():
            return Problem("sheet.not_regular")
        found = zip_directory(path)
    except zipfile.BadZipFile:
        return None  # openpyxl says it is no workbook, in the caller's words
    except OSError as exc:
        return Problem("file.unreadable", reason=str(exc.strerror or exc))
    if found.too_large:
        return Problem("file.too_large", size=size_text(found.size), limit=size_text(MAX_XLSX_BYTES))
    if found.too_many_parts:
        return Problem("sheet.parts", count=f"{found.parts:,}")
    if found.unpacks_too_large:
        return Problem("sheet.unpacked", size=size_text(found.unpacked), limit=size_text(MAX_XLSX_UNPACKED))
    return None


def rows_problem(sheet: Any, name: str) -> Problem | None:
    """A sheet that says (in its <dimension>) it has more rows than any template holds, or None."""
    declared = getattr(sheet, "max_row", None)
    if isinstance(declared, int) and declared > MAX_SHEET_ROWS + 2:
        return Problem("sheet.rows_declared", sheet=name, count=f"{declared:,}", limit=f"{MAX_SHEET_ROWS:,}")
    return None


def too_many_rows(name: str) -> Problem:
    return Problem("sheet.too_many_rows", sheet=name, limit=f"{MAX_SHEET_ROWS:,}")


def formula_cells(rows: Iterable[tuple[Any, ...]]) -> set[tuple[int, int]]:
    """(row, column) of the formula cells among read-only cells of a workbook opened with formulas
    (data_only=False): read with data_only=True, a formula whose result was never saved is blank, and
    must be reported, not taken for "not answered"."""
    found: set[tuple[int, int]] = set()
    for row in rows:
        for cell in row:
            if getattr(cell, "data_type", None) == "f":
                found.add((cell.row, cell.column))
    return found
