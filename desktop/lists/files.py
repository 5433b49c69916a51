"""A firm's own spreadsheet read into rows of cells: xlsx (Excel, WPS, LibreOffice, 金蝶/用友 exports) or CSV.

Limits, checked before any cell is read (the README's "Lists the firm already has" lists them):
- at most 20 MB a file; an xlsx at most 80 MB unpacked and 500 parts (`desktop.workspace.workbook_limits`,
  read from the zip's directory: a zip bomb is refused in milliseconds);
- at most 10,000 rows and 200 columns a sheet (what the sheet declares is checked first, then the rows
  themselves as they stream); a cell's text is kept to its first 1,000 characters.

xlsx: the values Excel (or LibreOffice) saved with the file. A formula cell is read through the value saved
with it and marked as a formula; one whose value was never saved (a file written by a program that does
not calculate) is marked so, and its row is refused, never read as blank. Merged cells (a title over the
table, a header over two columns) and hidden rows are kept with the sheet.

CSV: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"), or GB18030, the superset of
GBK in which 金蝶 and 用友 write their exports; the delimiter (comma, tab, semicolon, bar) is found from the
lines themselves. A CSV cell starting with "=" is a formula with no value.

.xls (the old Excel format), a workbook with an opening password and .ods are refused with what to do:
save as .xlsx or CSV.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from xml.etree.ElementTree import ParseError, iterparse

from desktop.later import later
from desktop.policy.model import Text
from desktop.quoting import encodable
from desktop.safe_read import FileRefusedError, read_regular_file, size_text
from desktop.wording.problems import in_both
from desktop.workspace.workbook_limits import (
    MAX_SHEET_ROWS,
    MAX_XLSX_BYTES,
    MAX_XLSX_PARTS,
    MAX_XLSX_UNPACKED,
    zip_directory,
)

if TYPE_CHECKING:
    from openpyxl.reader import excel as excel_reader
    from openpyxl.utils import cell as cell_utils
    from openpyxl.worksheet import _reader as sheet_reader
    from openpyxl.xml import constants as xml_constants
else:
    # openpyxl (~200 ms) only when an xlsx list is read: a CSV needs none of it, and the store reads lists
    excel_reader = later("openpyxl.reader.excel")
    cell_utils = later("openpyxl.utils.cell")
    sheet_reader = later("openpyxl.worksheet._reader")
    xml_constants = later("openpyxl.xml.constants")

MAX_LIST_BYTES = MAX_XLSX_BYTES
MAX_LIST_ROWS = MAX_SHEET_ROWS
MAX_LIST_COLUMNS = 200
MAX_CELL_TEXT = 1_000

Value = str | int | float | bool | dt.datetime | dt.date | dt.time | dt.timedelta | None


class ListFileError(Exception):
    """A file that is not read at all; `reason` says why and what to do, in both languages."""

    def __init__(self, reason: Text) -> None:
        self.reason = reason
        super().__init__(reason.zh)


@dataclass(frozen=True)
class SourceRow:
    number: int
    """The row's number as the spreadsheet shows it (1-based; a CSV's line of data)."""
    values: tuple[Value, ...]
    formulas: frozenset[int] = frozenset()
    """Columns (0-based) holding a formula (its saved value, if any, is in `values`)."""
    hidden: bool = False

    def value(self, column: int) -> Value:
        return self.values[column] if 0 <= column < len(self.values) else None


@dataclass(frozen=True)
class Merge:
    """A merged range, 1-based and inclusive, as Excel names it (A1:H1)."""

    first_row: int
    first_column: int
    last_row: int
    last_column: int


@dataclass(frozen=True)
class Sheet:
    name: str
    rows: tuple[SourceRow, ...]
    merges: tuple[Merge, ...] = ()
    width: int = 0

    def merge_at(self, row: int, column: int) -> Merge | None:
        """The merged range covering a cell (1-based), if any."""
        for m in self.merges:
            if m.first_row <= row <= m.last_row and m.first_column <= column <= m.last_column:
                return m
        return None


@dataclass(frozen=True)
class Source:
    """A file read: its sheets (a CSV has one), and how it was read."""

    name: str
    kind: str
    """"xlsx" or "csv"."""
    sheets: tuple[Sheet, ...]
    encoding: str = ""
    delimiter: str = ""
    notes: tuple[Text, ...] = field(default_factory=tuple)

    def sheet(self, name: str) -> Sheet:
        return next((s for s in self.sheets if s.name == name), self.sheets[0])


def _text(zh: str, en: str) -> Text:
    return Text(zh, en)


def _clip(value: Value) -> Value:
    if isinstance(value, str):
        value = encodable(value.replace("\x00", ""))
        if len(value) > MAX_CELL_TEXT:
            return value[:MAX_CELL_TEXT]
    return value


def _too_many_rows(name: str) -> ListFileError:
    return ListFileError(
        _text(
            f"工作表「{name}」超过 {MAX_LIST_ROWS:,} 行，未读取；请分成几个文件导入",
            f"The sheet '{name}' has more than {MAX_LIST_ROWS:,} rows and was not read; split it into several files",
        )
    )


def _too_wide(name: str, columns: int) -> ListFileError:
    return ListFileError(
        _text(
            f"工作表「{name}」有 {columns:,} 列，超过 {MAX_LIST_COLUMNS} 列，未读取",
            f"The sheet '{name}' has {columns:,} columns, more than {MAX_LIST_COLUMNS}, and was not read",
        )
    )


SAVE_AS = _text(
    "请在 Excel 或 WPS 中另存为 .xlsx（不设打开密码）或 CSV 后再导入",
    "save it as .xlsx (without an opening password) or CSV in Excel or WPS, then import it",
)


def _refused(zh: str, en: str) -> ListFileError:
    return ListFileError(_text(zh, en))


def _damaged() -> ListFileError:
    return _refused(
        "不是有效的 Excel 工作簿（.xlsx）或已损坏，无法读取；" + SAVE_AS.zh,
        "Not a valid Excel workbook (.xlsx), or damaged, and cannot be read; " + SAVE_AS.en,
    )


def _unreadable(exc: OSError) -> ListFileError:
    why = exc.strerror or str(exc)
    return _refused(f"无法读取文件：{why}", f"Cannot read the file: {why}")


# -- xlsx -----------------------------------------------------------------------------------------------


def _xlsx_limits(path: Path) -> None:
    try:
        found = zip_directory(path)
    except zipfile.BadZipFile:
        raise _damaged() from None
    except OSError as exc:
        raise _unreadable(exc) from None
    if found.too_large:
        raise _refused(
            f"文件过大（{size_text(found.size)}，最多 {size_text(MAX_LIST_BYTES)}），未读取",
            f"The file is too large ({size_text(found.size)}, at most {size_text(MAX_LIST_BYTES)}) and was not read",
        )
    if found.too_many_parts:
        raise _refused(
            f"工作簿的组成部分过多（{found.parts:,} 个，最多 {MAX_XLSX_PARTS}），未读取",
            f"The workbook has too many parts ({found.parts:,}, at most {MAX_XLSX_PARTS}) and was not read",
        )
    if found.unpacks_too_large:
        raise _refused(
            f"工作簿解压后过大（{size_text(found.unpacked)}，最多 {size_text(MAX_XLSX_UNPACKED)}），未读取",
            f"The workbook unpacks to {size_text(found.unpacked)} (at most {size_text(MAX_XLSX_UNPACKED)}) and was "
            "not read",
        )


def _plain_strings(source: IO[bytes]) -> list[str]:
    """The shared strings as plain text. openpyxl builds a rich-text object (with its fonts) for every string
    of several runs, and LibreOffice writes "设备1" as two runs (a CJK and a Latin font): for a 2,000-row list
    that took half a second before the first row was read; the text alone is what a list needs."""
    item, text, run = (f"{{{xml_constants.SHEET_MAIN_NS}}}{tag}" for tag in ("si", "t", "r"))
    strings: list[str] = []
    for _event, node in iterparse(source):
        if node.tag == item:
            parts = [t.text or "" for t in node.findall(text)]
            parts += [t.text or "" for r in node.findall(run) for t in r.findall(text)]  # not phonetic runs
            strings.append("".join(parts).replace("x005F_", ""))  # as openpyxl undoes the escape of "_x"
            node.clear()
    return strings


def _open_workbook(path: Path) -> Any:
    """openpyxl's read-only workbook (sheets, styles for dates), its shared strings read as plain text."""

    class Reader(excel_reader.ExcelReader):
        def read_strings(self) -> None:
            package: Any = self.package
            part = package.find(xml_constants.SHARED_STRINGS)
            if part is not None:
                with self.archive.open(part.PartName[1:]) as source:
                    self.shared_strings = _plain_strings(source)

    reader = Reader(str(path), read_only=True, data_only=True)
    reader.read()
    return reader.wb


def _row_parser(book: Any, sheet: Any, source: IO[bytes]) -> Any:
    """openpyxl's own sheet parser (values as Excel saved them, dates by their format), which also says per
    cell whether it holds a formula: one pass gives the values, the formulas, the hidden rows and the merged
    ranges (read twice with openpyxl's public API, a 2,000-row list took twice as long)."""
    FORMULA_TAG = sheet_reader.FORMULA_TAG  # noqa: N806  # openpyxl's name for it

    class Parser(sheet_reader.WorkSheetParser):
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell: dict[str, Any] = super().parse_cell(element)
            cell["formula"] = element.find(FORMULA_TAG) is not None
            return cell

    return Parser(
        source,
        sheet._shared_strings,
        data_only=True,
        epoch=book.epoch,
        date_formats=book._date_formats,
        timedelta_formats=book._timedelta_formats,
    )


def _hidden(attributes: dict[str, str] | None) -> bool:
    return attributes is not None and attributes.get("hidden", "") in ("1", "true")


def _sheet_rows(book: Any, sheet: Any) -> Sheet:
    """The rows that hold something. Rows and columns only formatted (a whole column coloured, a row given a
    height) hold nothing and do not count against the limits."""
    name = str(sheet.title)
    rows: list[SourceRow] = []
    width = 0
    with book._archive.open(sheet._worksheet_path) as source:
        parser = _row_parser(book, sheet, source)
        for number, cells in parser.parse():
            filled = [cell for cell in cells if cell["value"] is not None or cell["formula"]]
            if not filled:
                continue
            if number > MAX_LIST_ROWS:
                raise _too_many_rows(name)
            last = max(cell["column"] for cell in filled)
            if last > MAX_LIST_COLUMNS:
                raise _too_wide(name, last)
            values: list[Value] = [None] * last
            formulas = set()
            for cell in filled:
                column = cell["column"] - 1
                values[column] = _clip(cell["value"])
                if cell["formula"]:
                    formulas.add(column)
            width = max(width, last)
            hidden = _hidden(parser.row_dimensions.get(str(number)))
            rows.append(SourceRow(number, tuple(values), frozenset(formulas), hidden))
        merges = tuple(_merges(getattr(parser, "merged_cells", None)))
    return Sheet(name, tuple(rows), merges, width)


def _merges(found: Any) -> Iterator[Merge]:
    range_boundaries = cell_utils.range_boundaries
    for merged in getattr(found, "mergeCell", None) or ():
        try:
            first_column, first_row, last_column, last_row = range_boundaries(str(merged.ref))
        except (ValueError, TypeError):
            continue
        if None not in (first_column, first_row, last_column, last_row):
            yield Merge(int(first_row), int(first_column), int(last_row), int(last_column))  # type: ignore[arg-type]


def read_xlsx(path: Path, name: str) -> Source:
    _xlsx_limits(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl's notes on Excel features it does not read
            book = _open_workbook(path)
            try:
                worksheets = [s for s in book.worksheets if s.sheet_state == "visible"] or list(book.worksheets)
                sheets = tuple(_sheet_rows(book, s) for s in worksheets)
            finally:
                book.close()
    except ListFileError:
        raise
    except (KeyError, ValueError, TypeError, IndexError, AttributeError, ParseError, zipfile.BadZipFile, EOFError):
        raise _damaged() from None  # a part missing or not XML, or a zip that is no workbook
    except OSError as exc:
        raise _unreadable(exc) from None
    if not sheets:
        raise _refused("工作簿中没有工作表", "The workbook has no worksheet")
    return Source(name, "xlsx", sheets)


# -- CSV ------------------------------------------------------------------------------------------------

DELIMITERS = (",", "\t", ";", "|")


def _decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was in."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "UTF-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    return data.decode("gb18030"), "GBK"  # raises UnicodeDecodeError: no encoding the program knows


def _delimiter(text: str) -> str:
    """The delimiter that splits the first lines most consistently into the most fields."""
    sample = [line for line in text[:65536].splitlines()[:50] if line.strip()]
    best, best_score = ",", (0, 0)
    for candidate in DELIMITERS:
        counts = [len(fields) for fields in csv.reader(sample, delimiter=candidate)]
        if not counts:
            continue
        common = max(set(counts), key=counts.count)
        score = (counts.count(common) if common > 1 else 0, common)
        if score > best_score:
            best, best_score = candidate, score
    return best


def _csv_value(text: str) -> tuple[Value, bool]:
    """A CSV cell: its text (None when blank), and whether it is a formula (which a CSV never has a value of)."""
    stripped = text.strip()
    if not stripped:
        return None, False
    if stripped.startswith("=") and len(stripped) > 1:
        return None, True  # the formula's text is no value, and a CSV holds no other
    return _clip(stripped), False


def read_csv(path: Path, name: str, data: bytes) -> Source:
    try:
        text, encoding = _decode(data)
    except UnicodeDecodeError:
        raise _refused(
            "无法识别文件的文字编码（应为 UTF-8 或 GBK）；请在 Excel 或 WPS 中另存为 CSV（UTF-8）或 .xlsx",
            "The file's text encoding is not recognised (UTF-8 or GBK expected); save it as CSV (UTF-8) or .xlsx "
            "in Excel or WPS",
        ) from None
    if "\x00" in text[:4096]:
        raise _refused("不是文本文件（CSV）", "Not a text (CSV) file")
    delimiter = _delimiter(text)
    rows: list[SourceRow] = []
    width = 0
    try:
        for number, fields in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1):
            if number > MAX_LIST_ROWS:
                raise _too_many_rows(name)
            if len(fields) > MAX_LIST_COLUMNS:
                raise _too_wide(name, len(fields))
            cells = [_csv_value(f) for f in fields]
            width = max(width, len(cells))
            formulas = frozenset(i for i, (_v, formula) in enumerate(cells) if formula)
            rows.append(SourceRow(number, tuple(v for v, _f in cells), formulas))
    except csv.Error as exc:
        raise _refused(f"CSV 格式错误：{exc}", f"The CSV is malformed: {exc}") from None
    shown = {",": "逗号", "\t": "制表符", ";": "分号", "|": "竖线"}[delimiter]
    shown_en = {",": "comma", "\t": "tab", ";": "semicolon", "|": "bar"}[delimiter]
    note = _text(f"按 {encoding} 编码、以{shown}分隔读取", f"Read as {encoding}, separated by {shown_en}")
    return Source(name, "csv", (Sheet(name, tuple(rows), (), width),), encoding, delimiter, (note,))


# -- any file -------------------------------------------------------------------------------------------

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_list_file(path: Path) -> Source:
    """Read a list from an .xlsx or CSV file, whatever its name says (the content decides). Raises
    ListFileError naming what is wrong and what to do."""
    name = encodable(path.name)
    try:
        head = read_regular_file(path, MAX_LIST_BYTES)
    except FileRefusedError as exc:
        raise ListFileError(Text(*in_both(exc.problem))) from None
    if head.startswith(OLE2):
        raise _refused(
            "这是旧版 Excel 文件（.xls）或设有打开密码的工作簿，程序无法读取；" + SAVE_AS.zh,
            "This is an old Excel file (.xls) or a workbook with an opening password, which the program cannot "
            "read; " + SAVE_AS.en,
        )
    if head.startswith(b"PK\x03\x04"):
        if b"mimetypeapplication/vnd.oasis.opendocument" in head[:200]:
            raise _refused(
                "这是 OpenDocument 表格（.ods）；" + SAVE_AS.zh, "This is an OpenDocument sheet (.ods); " + SAVE_AS.en
            )
        return read_xlsx(path, name)
    if not head.strip():
        raise _refused("文件是空的", "The file is empty")
    return read_csv(path, name, head)
