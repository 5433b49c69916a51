"""The association's Excel template: generated from a pack, filled in by hand, read back one row per firm.

Layout (openpyxl):
- sheet 「企业」: row 1 the column titles a clerk reads, row 2 (hidden) the field keys the program reads,
  one enterprise per row from row 3. Enterprise columns first, then one column per pack question that
  fits a cell: yes/no as 是/否 and choices as their Chinese labels (both with a drop-down list), dates,
  money (元; 1,200,000 or 120万 typed as text also work), integers, text.
- one sheet per table question, titled with its label (e.g. 境外知识产权维权案件): one record per row,
  the first column naming the enterprise by its 统一社会信用代码 (or, where it has none, by its exact
  企业名称). An enterprise with no rows on such a sheet answered "none" (an empty table).
- sheet 「说明」: how to fill it in, and the pack id and version the template was made for.
- a hidden sheet with the drop-down lists.

Reading back checks each row with the same rules as an answers file; a bad row is reported with its
row number (and a bad table record with its sheet and row) and the other rows are still imported.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from desktop.engine import AnswersError, parse_answers_data
from desktop.engine.answers import FORMAT, coerce_answer
from desktop.money import MoneyError, parse_money
from desktop.policy.guide_registry import GuideRegistry
from desktop.policy.model import Pack, Question
from desktop.policy.registry import PackRegistry
from desktop.policy.towns import bundled_towns
from desktop.problems import Field, Listed, Problem, ProblemError, problem_of, quote
from desktop.report.safe_cells import xlsx_cell
from desktop.safe_write import replacing
from desktop.workspace.members import ImportProblem, ImportResult, member_row, pack_resolver, row_source
from desktop.workspace.workbook_limits import (
    MAX_SHEET_ROWS,
    formula_cells,
    rows_problem,
    too_many_rows,
    workbook_problem,
)

MAIN_SHEET = "企业"
INFO_SHEET = "说明"
LISTS_SHEET = "_选项"
FIRST_DATA_ROW = 3
TEMPLATE_ROWS = 2000  # rows that get drop-down lists; more rows can still be typed in
ENTERPRISE_KEY = "_enterprise"
YES, NO = "是", "否"

# (key, column title, width); keys prefixed "enterprise." or the document's own fields.
ENTERPRISE_COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("enterprise.name", "企业名称", 30),
    ("enterprise.credit_code", "统一社会信用代码", 22),
    ("enterprise.town", "所在镇街", 12),
    ("enterprise.contact", "联系人", 10),
    ("enterprise.phone", "联系电话", 15),
    ("assessed_on", "评估日期（空白为今天）", 14),
)

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")


def _cell_questions(pack: Pack) -> list[Question]:
    return [q for q in pack.questions if q.type != "table"]


def _table_questions(pack: Pack) -> list[Question]:
    return [q for q in pack.questions if q.type == "table"]


def table_sheet_name(question: Question) -> str:
    """A sheet title Excel accepts (31 characters, none of : \\ / ? * [ ])."""
    name = question.label.zh
    for bad in ":\\/?*[]":
        name = name.replace(bad, "_")
    return name[:31]


def _header(sheet: Worksheet, titles: list[tuple[str, str, int]], notes: dict[str, str]) -> None:
    for col, (key, title, width) in enumerate(titles, start=1):
        cell = sheet.cell(row=1, column=col)
        xlsx_cell(cell, title)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _WRAP
        if key in notes:
            cell.comment = Comment(notes[key], "程序")
        xlsx_cell(sheet.cell(row=2, column=col), key)
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.row_dimensions[1].height = 60
    sheet.row_dimensions[2].hidden = True


def _hint(question: Question) -> str:
    parts = [question.help.zh] if question.help.zh else []
    if question.type == "money":
        parts.append("单位：元。")
    if question.type == "date":
        parts.append("日期，如 2025-06-18。")
    if question.type == "integer" and question.min is not None and question.max is not None:
        parts.append(f"整数 {question.min} 至 {question.max}。")
    if question.type == "items":
        parts.append("填写项目名称，多个用“、”分隔；没有填“无”。")
    if question.show_if is not None:
        parts.append("仅在前面的相关问题适用时填写，否则留空。")
    return "".join(parts)


class _Lists:
    """Drop-down values kept on a hidden sheet: no 255-character limit, and commas in labels are safe."""

    def __init__(self, book: Workbook) -> None:
        self.sheet = book.create_sheet(LISTS_SHEET)
        self.sheet.sheet_state = "hidden"
        self.column = 0

    def add(self, values: list[str]) -> str:
        self.column += 1
        for row, value in enumerate(values, start=1):
            xlsx_cell(self.sheet.cell(row=row, column=self.column), value)
        letter = get_column_letter(self.column)
        return f"{quote_sheetname(LISTS_SHEET)}!${letter}$1:${letter}${len(values)}"


def _validation(question: Question, lists: _Lists, yes_no: str) -> DataValidation | None:
    error = f"“{question.label.zh}”的取值不正确"
    if question.type == "bool":
        dv = DataValidation(type="list", formula1=yes_no, allow_blank=True)
    elif question.type == "choice":
        dv = DataValidation(type="list", formula1=lists.add([c.label.zh for c in question.choices]), allow_blank=True)
    elif question.type == "integer":
        low = question.min if question.min is not None else 0
        high = question.max if question.max is not None else 1_000_000_000
        dv = DataValidation(type="whole", operator="between", formula1=str(low), formula2=str(high), allow_blank=True)
        error += f"：应为 {low} 至 {high} 的整数"
    elif question.type == "date":
        dv = DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True)
        error += "：应为日期"
    else:
        return None
    dv.error = error
    dv.errorTitle = "取值不正确"
    dv.showErrorMessage = True
    return dv


def _town_validation(lists: _Lists) -> DataValidation:
    """The towns as a drop-down list; a name not on it (a division merged or renamed since) is warned about,
    not refused, as the window's 其他 allows it."""
    dv = DataValidation(type="list", formula1=lists.add(list(bundled_towns().names())), allow_blank=True)
    dv.errorStyle = "warning"
    dv.errorTitle = "镇街不在列表中"
    dv.error = "所填镇街不在中山市镇街列表中。如该镇街已撤并或更名，请核对后再继续。"
    dv.showErrorMessage = True
    return dv


def _format_column(sheet: Worksheet, col: int, number_format: str | None) -> None:
    """A whole-column format, which Excel applies to what is typed: far lighter than formatting every cell."""
    if number_format is not None:
        sheet.column_dimensions[get_column_letter(col)].number_format = number_format


def _format_of(question: Question) -> str | None:
    return {"money": "#,##0.00", "date": "yyyy-mm-dd", "integer": "0", "text": "@"}.get(question.type)


def _info_sheet(sheet: Worksheet, pack: Pack) -> None:
    lines = [
        ("政策包", pack.id),
        ("版本", pack.version),
        ("政策", pack.title.zh),
        ("有效期", f"{pack.valid_from} 至 {pack.valid_to}"),
        ("", ""),
        (
            "填写说明",
            f"在「{MAIN_SHEET}」表中每家企业填一行，从第 {FIRST_DATA_ROW} 行起；"
            "不要修改表头，也不要删除隐藏的第 2 行。",
        ),
        ("", "是非题填“是”或“否”，选择题从下拉列表中选；金额以元为单位，可写 1200000、1,200,000 或 120万。"),
        ("", "不知道或不适用的问题留空：留空的问题按“未回答”处理，相关支持项会标明需补充。"),
        (
            "",
            "表格类问题（如境外项目、维权案件）在各自的工作表中每条记录填一行，第一列填企业的统一社会信用代码"
            "（没有代码的填与「企业」表完全相同的企业名称）；没有记录的企业不用填。",
        ),
        ("", "导入时每一行单独检查：有错误的行会连同行号列出，其他行照常导入。"),
    ]
    for row, (key, value) in enumerate(lines, start=1):
        xlsx_cell(sheet.cell(row=row, column=1), key)
        sheet.cell(row=row, column=1).font = _HEADER_FONT
        xlsx_cell(sheet.cell(row=row, column=2), value)
        sheet.cell(row=row, column=2).alignment = Alignment(wrap_text=True)
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 100


def write_template(pack: Pack, path: Path) -> None:
    """Write the empty template for `pack` to `path` (an .xlsx file)."""
    book = Workbook()
    main = book.active
    assert main is not None
    main.title = MAIN_SHEET
    info = book.create_sheet(INFO_SHEET)
    lists = _Lists(book)
    yes_no = lists.add([YES, NO])
    questions = _cell_questions(pack)
    titles = [*ENTERPRISE_COLUMNS, *((q.id, q.label.zh, 18) for q in questions)]
    _header(main, titles, {q.id: hint for q in questions if (hint := _hint(q))})
    last = FIRST_DATA_ROW + TEMPLATE_ROWS - 1
    for col, question in enumerate(questions, start=len(ENTERPRISE_COLUMNS) + 1):
        letter = get_column_letter(col)
        dv = _validation(question, lists, yes_no)
        if dv is not None:
            main.add_data_validation(dv)
            dv.add(f"{letter}{FIRST_DATA_ROW}:{letter}{last}")
        _format_column(main, col, _format_of(question))
    for col, (key, _title, _width) in enumerate(ENTERPRISE_COLUMNS, start=1):
        # Credit codes and phone numbers stay text (no 9.14E+17, no lost leading zero); the date is a date.
        _format_column(main, col, "yyyy-mm-dd" if key == "assessed_on" else "@")
        if key == "enterprise.town":
            main.add_data_validation(dv := _town_validation(lists))
            dv.add(f"{get_column_letter(col)}{FIRST_DATA_ROW}:{get_column_letter(col)}{last}")
    main.freeze_panes = "C3"
    for question in _table_questions(pack):
        sheet = book.create_sheet(table_sheet_name(question))
        fields = [(ENTERPRISE_KEY, "企业（统一社会信用代码或企业名称）", 30)]
        fields += [(f.id, f.label.zh, 22) for f in question.fields]
        _header(
            sheet, fields, {ENTERPRISE_KEY: question.label.zh + ("。" + question.help.zh if question.help.zh else "")}
        )
        for col, sub in enumerate(question.fields, start=2):
            letter = get_column_letter(col)
            dv = _validation(sub, lists, yes_no)
            if dv is not None:
                sheet.add_data_validation(dv)
                dv.add(f"{letter}{FIRST_DATA_ROW}:{letter}{last}")
            _format_column(sheet, col, _format_of(sub))
        sheet.freeze_panes = "B3"
    _info_sheet(info, pack)
    with replacing(path) as temporary:
        book.save(temporary)


# ---------------------------------------------------------------- reading a filled template


class CellError(ProblemError, ValueError):
    """A cell whose content cannot be an answer; its problem says what it should be."""


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text_value(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value).strip()


def _items_value(question: Question, value: object) -> list[str]:
    """The pack's items a cell names, by title (中文 or English) or id, separated by 、 , ; or line breaks;
    empty or 无: none."""
    text = _text_value(value)
    if text in ("", "无", "none", "None"):
        return []
    found: list[str] = []
    for part in re.split(r"[、,，;；\n]+", text):
        name = part.strip()
        if not name:
            continue
        choice = next((c for c in question.choices if name in (c.label.zh, c.label.en, c.value)), None)
        if choice is None:
            raise CellError(Problem("sheet.item_name", name=name))
        found.append(choice.value)
    return found


def cell_to_raw(question: Question, value: object) -> object:
    """A cell as the answers file would hold it; the engine's own checks then apply unchanged."""
    if question.type == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("是", "yes", "y", "true", "1"):
            return True
        if text in ("否", "no", "n", "false", "0"):
            return False
        raise CellError(Problem("sheet.yes_no", value=str(value)))
    if question.type == "choice":
        text = str(value).strip()
        for choice in question.choices:
            if text in (choice.label.zh, choice.label.en, choice.value):
                return choice.value
        allowed = Listed(tuple(c.label for c in question.choices))
        raise CellError(Problem("sheet.choice", text=text, allowed=allowed))
    if question.type == "date":
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value).strip()
    if question.type == "money":
        if isinstance(value, bool):
            raise CellError(Problem("sheet.money_bool"))
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float):
            return repr(value)
        # Typed by a clerk into a text cell: the window's conveniences (1,200,000, 120万) apply, and the
        # amount goes on in the answers file's own form.
        try:
            return f"{parse_money(str(value)):f}"
        except MoneyError as exc:
            raise CellError(*exc.problems) from None
    if question.type == "items":
        return _items_value(question, value)
    if question.type == "integer":
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str):
            try:
                return int(value.strip())
            except ValueError:
                raise CellError(Problem("sheet.integer", value=value)) from None
        return value
    return _text_value(value)


@dataclass
class _Row:
    number: int
    cells: dict[int, object]
    formulas: frozenset[int] = frozenset()
    """Columns (0-based) holding a formula whose result the file does not contain."""


class _TooManyRowsError(ProblemError):
    pass


def _keys(sheet: Worksheet) -> list[str | None]:
    return [str(c.value).strip() if not _is_blank(c.value) else None for c in sheet[2]]


class _Sheets:
    """The workbook read twice, streaming: once for the values Excel saved, once to see which cells are
    formulas (a formula never calculated has no saved value, and reads as blank)."""

    def __init__(self, values: Any, formulas: Any) -> None:
        self.values = values
        self.formulas = formulas

    @property
    def sheetnames(self) -> list[str]:
        return list(self.values.sheetnames)

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def rows(self, name: str, width: int) -> Iterable[_Row]:
        sheet = self.values[name]
        formula_sheet = self.formulas[name]
        # Read every row the sheet holds: a wrong <dimension> must not hide rows (the count is bounded below).
        sheet.reset_dimensions()
        formula_sheet.reset_dimensions()
        formulas = formula_cells(
            formula_sheet.iter_rows(min_row=FIRST_DATA_ROW, max_row=FIRST_DATA_ROW + MAX_SHEET_ROWS)
        )
        for number, values in enumerate(
            sheet.iter_rows(min_row=FIRST_DATA_ROW, max_col=width, values_only=True), start=FIRST_DATA_ROW
        ):
            if number >= FIRST_DATA_ROW + MAX_SHEET_ROWS:
                raise _TooManyRowsError(too_many_rows(name))
            blank_formulas = frozenset(
                col for col, v in enumerate(values) if (number, col + 1) in formulas and _is_blank(v)
            )
            if all(_is_blank(v) for v in values) and not blank_formulas:
                continue
            yield _Row(number, dict(enumerate(values)), blank_formulas)

    def close(self) -> None:
        self.values.close()
        self.formulas.close()


def _no_result(title: str) -> Problem:
    return Problem("sheet.no_result", title=title)


def _normal_code(text: str) -> str:
    return text.replace(" ", "").replace("-", "").upper()


@dataclass
class _TableRecords:
    records: dict[str, dict[str, list[dict[str, Any]]]]  # enterprise key -> question id -> records
    problems: dict[str, list[Problem]]  # enterprise key -> problems in its records
    orphans: list[ImportProblem]


def _read_tables(book: _Sheets, pack: Pack, file_name: str) -> _TableRecords:
    out = _TableRecords({}, {}, [])
    for question in _table_questions(pack):
        name = table_sheet_name(question)
        if name not in book.sheetnames:
            continue
        sheet = book[name]
        keys = _keys(sheet)
        for row in book.rows(name, len(keys)):
            where = row_source(file_name, row.number, name)
            said = Problem("sheet.table_row", file=file_name, sheet=name, row=row.number)
            owner: str | None = None
            record: dict[str, object] = {}
            problems: list[Problem] = []
            for col, key in enumerate(keys):
                value = row.cells.get(col)
                if key is not None and col in row.formulas:
                    sub = question.field(key)
                    problems.append(_no_result(sub.label.zh if sub is not None else key))
                if key is None or _is_blank(value):
                    continue
                if key == ENTERPRISE_KEY:
                    owner = _normal_code(_text_value(value))
                    continue
                sub = question.field(key)
                if sub is None:
                    problems.append(Problem("sheet.unknown_column", key=quote(key)))
                    continue
                try:
                    record[sub.id] = cell_to_raw(sub, value)
                except CellError as exc:
                    problems.extend(Problem("sheet.field", field=sub.label, problem=p) for p in exc.problems)
            if owner is None:
                out.orphans.append(ImportProblem(where, (Problem("sheet.no_owner"),)))
                continue
            if not problems:
                try:
                    coerce_answer(question, [record])
                except ProblemError as exc:
                    problems.extend(_record_problems(exc))
            if problems:
                out.problems.setdefault(owner, []).extend(
                    Problem("sheet.in_row", row=said, problem=p) for p in problems
                )
            out.records.setdefault(owner, {}).setdefault(question.id, []).append(record)
    return out


def _record_problems(exc: ProblemError) -> list[Problem]:
    """The problems of the one record a row of a table's sheet is, without "record 1" (the row says where)."""
    found: list[Problem] = []
    for problem in exc.problems:
        rows = problem.params.get("problems") if problem.code == "answers.rows" else None
        parts = rows.items if isinstance(rows, Listed) else (problem,)
        for part in parts:
            if isinstance(part, Problem) and part.code == "answers.row_field":
                field = part.params["field"]
                inner = part.params["problem"]
                if isinstance(field, Field) and isinstance(inner, Problem):
                    found.append(Problem("sheet.record_field", field=Field(field.path, field.label), problem=inner))
                    continue
            if isinstance(part, Problem) and part.code == "answers.row_missing":
                found.append(Problem("sheet.record_missing", field=part.params["field"]))
                continue
            if isinstance(part, Problem):
                found.append(part)
    return found


def _column_title(pack: Pack, key: str) -> str:
    question = pack.question(key)
    if question is not None:
        return question.label.zh
    return next((title for k, title, _width in ENTERPRISE_COLUMNS if k == key), key)


def _by_column(pack: Pack, problem: Problem) -> Problem:
    """The engine names answers by id (`answers.x（label）: why`); a spreadsheet user knows the column title."""
    if not problem.where:
        return problem
    place = problem.where[0]
    path = place.path if isinstance(place, Field) else place if isinstance(place, str) else None
    if isinstance(path, str):
        question = pack.question(path.removeprefix("answers.")) if path.startswith("answers.") else None
        if question is not None:
            return Problem("sheet.column", title=question.label.zh, problem=problem.placed())
        for key, title, _width in ENTERPRISE_COLUMNS:
            if path == key:
                return Problem("sheet.column", title=title, problem=problem.placed())
    return problem


def _pack_of(book: Any, registry: PackRegistry, today: dt.date) -> Pack:
    if INFO_SHEET in book.sheetnames:
        pack_id = book[INFO_SHEET]["B1"].value
        if isinstance(pack_id, str) and pack_id.strip():
            return registry.get(pack_id.strip())
    return registry.for_date(today)


def read_workbook(
    path: Path, registry: PackRegistry, today: dt.date, guides: GuideRegistry | None = None
) -> ImportResult:
    """Assess every enterprise row of a filled template (with the pack's application guide, when the guides
    are given); each bad row is one problem entry with its row number."""
    result = ImportResult()
    refused = workbook_problem(path)
    if refused is not None:
        result.problems.append(ImportProblem(path.name, (refused,)))
        return result
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns of Excel features it does not read (extensions)
            book = _Sheets(
                load_workbook(path, read_only=True, data_only=True),
                load_workbook(path, read_only=True, data_only=False),
            )
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, ParseError):
        result.problems.append(ImportProblem(path.name, (Problem("sheet.not_workbook"),)))
        return result
    except OSError as exc:
        result.problems.append(ImportProblem(path.name, (Problem("file.unreadable", reason=str(exc.strerror or exc)),)))
        return result
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _read_book(book, path, registry, today, result, guides)
    except _TooManyRowsError as exc:
        return ImportResult(problems=[ImportProblem(path.name, exc.problems)])
    except (KeyError, ValueError, ParseError, zipfile.BadZipFile, EOFError):
        # a part that does not unpack or parse (a truncated or hand-edited file), found while streaming
        return ImportResult(problems=[ImportProblem(path.name, (Problem("sheet.damaged"),))])
    except OSError as exc:
        unreadable = Problem("file.unreadable", reason=str(exc.strerror or exc))
        return ImportResult(problems=[ImportProblem(path.name, (unreadable,))])
    finally:
        book.close()
    return result


def _read_book(
    book: _Sheets,
    path: Path,
    registry: PackRegistry,
    today: dt.date,
    result: ImportResult,
    guides: GuideRegistry | None,
) -> None:
    for name in book.sheetnames:  # what each sheet says of its size, before any row is read
        if (problem := rows_problem(book[name], name)) is not None:
            raise _TooManyRowsError(problem)
    if MAIN_SHEET not in book.sheetnames:
        result.problems.append(ImportProblem(path.name, (Problem("sheet.no_main", sheet=MAIN_SHEET),)))
        return
    try:
        pack = _pack_of(book, registry, today)
    except LookupError as exc:
        unknown = exc.problems if isinstance(exc, ProblemError) else (problem_of(exc),)
        said = tuple(Problem("sheet.in_sheet", sheet=INFO_SHEET, problem=p) for p in unknown)
        result.problems.append(ImportProblem(path.name, said))
        return
    sheet = book[MAIN_SHEET]
    keys = _keys(sheet)
    if "enterprise.name" not in keys:
        result.problems.append(ImportProblem(path.name, (Problem("sheet.keys_row", sheet=MAIN_SHEET),)))
        return
    tables = _read_tables(book, pack, path.name)
    result.problems.extend(tables.orphans)
    used_keys: set[str] = set()
    seen_codes: dict[str, int] = {}
    resolve = pack_resolver(registry)
    for row in book.rows(MAIN_SHEET, len(keys)):
        where = row_source(path.name, row.number)
        problems: list[Problem] = []
        notes: list[Problem] = []
        enterprise: dict[str, str] = {}
        answers: dict[str, object] = {}
        data: dict[str, object] = {"format": FORMAT, "policy": pack.id, "enterprise": enterprise, "answers": answers}
        for col, key in enumerate(keys):
            value = row.cells.get(col)
            if key is not None and col in row.formulas:
                problems.append(_no_result(_column_title(pack, key)))
            if key is None or _is_blank(value):
                continue
            if key.startswith("enterprise."):
                enterprise[key.removeprefix("enterprise.")] = _text_value(value)
            elif key == "assessed_on":
                data["assessed_on"] = cell_to_raw(Question("assessed_on", "date", pack.title), value)
            else:
                question = pack.question(key)
                if question is None or question.type == "table":
                    problems.append(Problem("sheet.unknown_column", key=quote(key)))
                    continue
                try:
                    answers[key] = cell_to_raw(question, value)
                except CellError as exc:
                    problems.extend(Problem("sheet.field", field=question.label, problem=p) for p in exc.problems)
        town = enterprise.get("town", "")
        if town:
            listed = bundled_towns().canonical(town)
            if listed is not None:
                enterprise["town"] = listed  # "南头" is 南头镇: translated, and found by a 南头镇 filter
            else:
                notes.append(Problem("sheet.town", town=quote(town)))
        code = _normal_code(enterprise.get("credit_code", ""))
        name = enterprise.get("name", "")
        if not name:
            problems.append(Problem("sheet.no_name"))
        if code and code in seen_codes:
            problems.append(Problem("sheet.same_code", row=seen_codes[code]))
        elif code:
            seen_codes[code] = row.number
        for key in {code, _normal_code(name)} - {""}:
            if key in used_keys:
                continue
            used_keys.add(key)
            problems.extend(tables.problems.get(key, []))
            for qid, records in tables.records.get(key, {}).items():
                existing = answers.setdefault(qid, [])
                assert isinstance(existing, list)
                existing.extend(records)
        for question in _table_questions(pack):
            answers.setdefault(question.id, [])  # no records on its sheet: the firm has none
        if problems:
            result.problems.append(ImportProblem(where, tuple(problems)))
            continue
        try:
            answers_file, used_pack = parse_answers_data(data, resolve)
        except AnswersError as exc:
            result.problems.append(ImportProblem(where, tuple(_by_column(pack, p) for p in exc.problems)))
            continue
        result.rows.append(member_row(where, answers_file, used_pack, today, guides))
        if notes:
            result.notes.append(ImportProblem(where, tuple(notes)))
    for key in set(tables.records) - used_keys:
        result.problems.append(
            ImportProblem(path.name, (Problem("sheet.orphan_records", key=quote(key), sheet=MAIN_SHEET),))
        )
