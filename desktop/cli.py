"""The command line: `assess`, `pack check`, and (with no command) the window.

Kept light: nothing heavy is imported before the chosen command needs it, so the window opens fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from desktop import __version__

if TYPE_CHECKING:
    from desktop.policy import Pack, PackRegistry
    from desktop.policy.model import Lang

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_INVALID = 2

PROGRAM = {"zh": "中山市稳外贸政策扶持自评工具", "en": "Zhongshan foreign-trade support self-assessment"}

# The command line's own texts in both languages; the language is known before the parser is built
# (`--lang` may stand before or after the command), so `--help` reads in it too.
_HELP: dict[str, tuple[str, str]] = {
    "description": (
        "中山市稳外贸政策扶持自评工具：不带命令时打开窗口。",
        "{program}: without a command, opens the window.",
    ),
    "database": (
        "SQLAlchemy 数据库地址（默认：用户数据目录中的 SQLite 文件）",
        "SQLAlchemy database URL (default: an SQLite file in the user data folder)",
    ),
    "lang": ("界面和输出语言（默认中文）", "language of the window and the output (default Chinese)"),
    "version": ("显示程序名称和版本", "show the program's name and version"),
    "assess": ("评估一个答卷文件（JSON）并打印结果", "assess one answers file (JSON) and print the result"),
    "json": ("以 JSON 输出结果", "print the result as JSON"),
    "pdf": ("同时生成清单 PDF", "also write the checklist PDF"),
    "batch": (
        "批量评估答卷文件（或文件夹），每家企业生成一份清单 PDF，外加汇总 PDF 和 CSV",
        "assess many answers files (or folders): one checklist PDF per enterprise, plus a summary PDF and CSV",
    ),
    "jobs": ("并行进程数（默认：CPU 核数）", "number of worker processes (default: the number of CPU cores)"),
    "pack": ("政策包工具", "policy pack tools"),
    "check": ("检查一个政策包文件并列出其措施", "check a policy pack file and list its measures"),
    "no_pdf": ("{path}: 无法写入 PDF：{reason}", "{path}: cannot write the PDF: {reason}"),
    "no_display": (
        "没有可用的图形界面，无法打开窗口：请在桌面会话中启动本程序（Linux 上需要 DISPLAY 或 WAYLAND_DISPLAY），"
        "或使用命令行功能（python -m desktop --help）。",
        "No graphical session is available, so the window cannot open: start the program from a desktop "
        "session (on Linux, DISPLAY or WAYLAND_DISPLAY must be set), or use the command line "
        "(python -m desktop --help).",
    ),
}


def _h(key: str, lang: str, **values: object) -> str:
    zh, en = _HELP[key]
    return (en if lang == "en" else zh).format(program=PROGRAM["en"], **values)


def _prog() -> str:
    """The name the user typed: the built program's own name, or `python -m desktop` from source."""
    if getattr(sys, "frozen", False):
        return Path(sys.argv[0]).stem
    return "python -m desktop"


def requested_language(argv: Sequence[str]) -> Lang:
    """`--lang en` / `--lang=en` anywhere on the line (before or after the command)."""
    lang = "zh"
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            lang = argv[index + 1]
        elif arg.startswith("--lang="):
            lang = arg.removeprefix("--lang=")
    return "en" if lang == "en" else "zh"


def _add_lang(parser: argparse.ArgumentParser, lang: str, *, top: bool) -> None:
    # Each command takes --lang too ("assess --lang en FILE"); SUPPRESS keeps a command's absent option
    # from overwriting the one given before the command.
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        default=None if top else argparse.SUPPRESS,
        help=_h("lang", lang),
    )


def _parser(lang: str = "zh") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=_prog(), description=_h("description", lang))
    parser.add_argument(
        "--version", action="version", version=f"{PROGRAM[lang]} {__version__}", help=_h("version", lang)
    )
    parser.add_argument("--database", metavar="URL", help=_h("database", lang))
    _add_lang(parser, lang, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    assess = sub.add_parser("assess", help=_h("assess", lang))
    assess.add_argument("answers", type=Path, metavar="ANSWERS.json")
    assess.add_argument("--json", action="store_true", help=_h("json", lang))
    assess.add_argument("--pdf", type=Path, metavar="OUT.pdf", help=_h("pdf", lang))
    assess.add_argument("--today", type=dt.date.fromisoformat, default=None, help=argparse.SUPPRESS)
    _add_lang(assess, lang, top=False)

    batch = sub.add_parser("batch", help=_h("batch", lang))
    batch.add_argument("inputs", type=Path, nargs="+", metavar="INPUT")
    batch.add_argument("--out", type=Path, required=True, metavar="DIR")
    batch.add_argument("--jobs", type=int, default=None, help=_h("jobs", lang))
    _add_lang(batch, lang, top=False)

    pack = sub.add_parser("pack", help=_h("pack", lang))
    pack_sub = pack.add_subparsers(dest="pack_command", metavar="COMMAND", required=True)
    check = pack_sub.add_parser("check", help=_h("check", lang))
    check.add_argument("file", type=Path, metavar="FILE")
    _add_lang(check, lang, top=False)
    return parser


def _lang(args: argparse.Namespace) -> Lang:
    return cast("Lang", args.lang or "zh")


def _print_problems(problems: Sequence[str], out: TextIO, lang: Lang = "zh", pack: Pack | None = None) -> None:
    """One line per problem; in English with the English labels of the pack's questions (the pack in
    force today, when the file's own could not be found)."""
    from desktop.engine.refusals import for_technician

    for problem in problems:
        print(for_technician(problem, pack, lang), file=out)


def _labels_pack(registry: PackRegistry) -> Pack | None:
    try:
        return registry.for_date(dt.date.today())
    except LookupError:
        return None


def run_assess(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop.engine import AnswersError, assess_file, assessment_to_data, read_answers_file
    from desktop.engine.summary import summary_text
    from desktop.policy.registry import known_registry

    registry = known_registry()

    def resolve(policy: str | None, day: dt.date) -> Pack:
        return registry.get(policy) if policy else registry.for_date(day)

    lang = _lang(args)
    try:
        answers_file, pack = read_answers_file(args.answers, resolve)
    except AnswersError as exc:
        _print_problems(exc.problems, err, lang, _labels_pack(registry))
        return EXIT_INVALID
    result = assess_file(pack, answers_file, args.today or dt.date.today())
    if args.pdf is not None:
        from desktop.report import write_checklist

        try:
            write_checklist(result, args.pdf, lang=lang)
        except OSError as exc:
            print(_h("no_pdf", lang, path=args.pdf, reason=exc.strerror or exc), file=err)
            return EXIT_FAILURE
    if args.json:
        json.dump(assessment_to_data(result, lang), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(summary_text(result, lang))
    return EXIT_OK


def run_pack_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop.policy import PackError, load_pack

    try:
        pack = load_pack(args.file)
    except PackError as exc:
        _print_problems(exc.problems, err, _lang(args))
        return EXIT_INVALID
    lang = _lang(args)
    print(f"{pack.title.get(lang)}  [{pack.id} {pack.version}]", file=out)
    print(f"{pack.valid_from} – {pack.valid_to}  sha256 {pack.hash}", file=out)
    print(f"{len(pack.measures)} measures, {len(pack.items())} items, {len(pack.questions)} questions", file=out)
    for measure in pack.measures:
        number = measure.article_label if lang == "zh" else f"Art. {measure.article}"
        print(f"  {number:>4} {measure.title.get(lang)}", file=out)
        for item in measure.items:
            print(f"        - {item.id} ({item.kind}): {item.title.get(lang)}", file=out)
    return EXIT_OK


def run_batch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop.report.batch import run_batch as batch

    return batch(args.inputs, args.out, jobs=args.jobs, lang=_lang(args), out=out, err=err)


def has_display(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether a window can open: Windows and macOS always have a screen; elsewhere Qt needs an X or
    Wayland display, or a platform chosen by hand (offscreen for tests)."""
    if platform.startswith(("win", "darwin")):
        return True
    return any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run_gui(args: argparse.Namespace, err: TextIO) -> int:
    # Without a display Qt aborts with "Reinstalling the application may fix this problem": say why instead.
    if not has_display(os.environ):
        print(_h("no_display", _lang(args)), file=err)
        return EXIT_FAILURE
    from desktop.ui.app import main as gui_main

    return gui_main(database=args.database, lang=args.lang)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = _parser(requested_language(arguments)).parse_args(arguments)
    if args.command == "assess":
        return run_assess(args, out, err)
    if args.command == "pack":
        return run_pack_check(args, out, err)
    if args.command == "batch":
        return run_batch(args, out, err)
    return run_gui(args, err)
