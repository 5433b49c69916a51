"""The command line: `assess`, `pack check`, and (with no command) the window.

Kept light: nothing heavy is imported before the chosen command needs it, so the window opens fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from desktop import __version__

if TYPE_CHECKING:
    from desktop.policy import Pack
    from desktop.policy.model import Lang

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_INVALID = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m desktop",
        description="中山市稳外贸政策扶持自评工具：不带命令时打开窗口。",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--database", metavar="URL", help="SQLAlchemy 数据库地址（默认：用户数据目录中的 SQLite 文件）")
    parser.add_argument("--lang", choices=("zh", "en"), default=None, help="界面和输出语言（默认中文）")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    assess = sub.add_parser("assess", help="评估一个答卷文件（JSON）并打印结果")
    assess.add_argument("answers", type=Path, metavar="ANSWERS.json")
    assess.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    assess.add_argument("--pdf", type=Path, metavar="OUT.pdf", help="同时生成清单 PDF")
    assess.add_argument(
        "--guide", metavar="ID", help="使用的申报指南编号（默认：答卷所选，否则该政策包最新的申报指南）"
    )
    assess.add_argument("--today", type=dt.date.fromisoformat, default=None, help=argparse.SUPPRESS)

    batch = sub.add_parser("batch", help="批量评估答卷文件（或文件夹），每家企业生成一份清单 PDF，外加汇总 PDF 和 CSV")
    batch.add_argument("inputs", type=Path, nargs="+", metavar="INPUT")
    batch.add_argument("--out", type=Path, required=True, metavar="DIR")
    batch.add_argument("--jobs", type=int, default=None, help="并行进程数（默认：CPU 核数）")
    batch.add_argument("--overwrite", action="store_true", help="覆盖输出文件夹中已有的文件（默认写入新的子文件夹）")

    pack = sub.add_parser("pack", help="政策包工具")
    pack_sub = pack.add_subparsers(dest="pack_command", metavar="COMMAND", required=True)
    check = pack_sub.add_parser("check", help="检查一个政策包文件并列出其措施")
    check.add_argument("file", type=Path, metavar="FILE")
    test = pack_sub.add_parser("test", help="运行政策包的测试用例（默认：政策包旁的 <名称>.cases.toml）")
    test.add_argument("file", type=Path, metavar="PACK")
    test.add_argument("cases", type=Path, nargs="*", metavar="CASES")
    diff = pack_sub.add_parser("diff", help="列出两个政策包之间的变化（措施、金额、问题、责任单位、有效期）")
    diff.add_argument("old", type=Path, metavar="OLD")
    diff.add_argument("new", type=Path, metavar="NEW")
    return parser


def _lang(args: argparse.Namespace) -> Lang:
    return cast("Lang", args.lang or "zh")


def _print_problems(problems: Sequence[str], out: TextIO) -> None:
    from desktop.quoting import terminal_safe

    for problem in problems:
        print(terminal_safe(problem), file=out)


def run_assess(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop.engine import AnswersError, assess_file, assessment_to_data, read_answers_file
    from desktop.engine.summary import summary_text
    from desktop.policy.registry import known_registry
    from desktop.quoting import terminal_safe

    registry = known_registry()
    # A broken pack in the user's folder is said once, and the assessment goes on with the others.
    _print_problems([f"{e.problems[0]}（该政策包未使用）" for e in registry.errors], err)

    def resolve(policy: str | None, day: dt.date) -> Pack:
        return registry.get(policy) if policy else registry.for_date(day)

    try:
        answers_file, pack = read_answers_file(args.answers, resolve)
    except AnswersError as exc:
        _print_problems(exc.problems, err)
        return EXIT_INVALID
    lang = _lang(args)
    today = args.today or dt.date.today()
    from desktop.policy.guide_registry import known_guides

    guides = known_guides(registry)
    chosen = args.guide or answers_file.guide
    if args.guide and guides.get(args.guide) is None:
        known = "、".join(g.id for g in guides.for_pack(pack.id)) or "无"
        print(f"--guide: 未知的申报指南 {args.guide!r}（此政策包的申报指南：{known}）", file=err)
        return EXIT_INVALID
    result = assess_file(pack, answers_file, today, guides.applying(pack.id, chosen))
    if args.pdf is not None:
        from desktop.report import write_checklist
        from desktop.report.checklist import ChecklistError

        try:
            write_checklist(result, args.pdf, lang=lang)
        except OSError as exc:
            print(terminal_safe(f"{args.pdf}: 无法写入 PDF：{exc.strerror or exc}"), file=err)
            return EXIT_FAILURE
        except ChecklistError as exc:
            print(terminal_safe(f"{args.answers.name}: {exc.message}"), file=err)
            return EXIT_INVALID
    if args.json:
        from desktop.engine.opportunities import find_opportunities, opportunities_to_data

        # json escapes control characters itself; the answers file could not hold others (engine.limits)
        data = assessment_to_data(result, lang, today)
        data["opportunities"] = opportunities_to_data(
            find_opportunities(pack, answers_file.answers, result, today), lang
        )
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(terminal_safe(summary_text(result, lang, today)))
    return EXIT_OK


def run_pack_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop.policy import PackError
    from desktop.policy.registry import load_pack_file

    try:
        pack = load_pack_file(args.file)
    except PackError as exc:
        _print_problems(exc.problems, err)
        return EXIT_INVALID
    lang = _lang(args)
    print(f"{pack.title.get(lang)}  [{pack.id} {pack.version}]", file=out)
    print(f"{pack.valid_from} – {pack.valid_to}  sha256 {pack.hash}", file=out)
    print(f"{len(pack.measures)} measures, {len(pack.items())} items, {len(pack.questions)} questions", file=out)
    for measure in pack.measures:
        print(f"  {measure.article_label:>4} {measure.title.get(lang)}", file=out)
        for item in measure.items:
            print(f"        - {item.id} ({item.kind}): {item.title.get(lang)}", file=out)
    return EXIT_OK


def run_pack_test(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop.engine.cases import CaseFileError, cases_beside, run_files
    from desktop.policy import PackError, load_pack

    try:
        pack = load_pack(args.file)
    except PackError as exc:
        _print_problems(exc.problems, err)
        return EXIT_INVALID
    paths = list(args.cases) or cases_beside(args.file)
    if not paths:
        print(f"{args.file.name}: 没有找到测试用例（{args.file.stem}.cases.toml）；请在命令后列出用例文件", file=err)
        return EXIT_INVALID
    try:
        count, failures = run_files(pack, paths)
    except CaseFileError as exc:
        _print_problems(exc.problems, err)
        return EXIT_INVALID
    for failure in failures:
        print(str(failure), file=out)
    failed_cases = len({(f.source, f.case) for f in failures})
    print(f"{count} 个用例，{count - failed_cases} 个通过，{failed_cases} 个未通过", file=out)
    return EXIT_FAILURE if failures else EXIT_OK


def run_pack_diff(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop.policy import PackError, load_pack
    from desktop.policy.diff import diff_packs

    problems: list[str] = []
    packs = []
    for path in (args.old, args.new):
        try:
            packs.append(load_pack(path))
        except PackError as exc:
            problems.extend(exc.problems)
    if problems:
        _print_problems(problems, err)
        return EXIT_INVALID
    for line in diff_packs(packs[0], packs[1], _lang(args)):
        print(line, file=out)
    return EXIT_OK


def run_batch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop.report.batch import run_batch as batch

    return batch(args.inputs, args.out, jobs=args.jobs, lang=_lang(args), out=out, err=err, overwrite=args.overwrite)


def run_gui(args: argparse.Namespace) -> int:
    from desktop.ui.app import main as gui_main

    return gui_main(database=args.database, lang=args.lang)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    args = _parser().parse_args(argv)
    if args.command is None:
        return run_gui(args)
    pack_commands = {"check": run_pack_check, "test": run_pack_test, "diff": run_pack_diff}
    commands = {"assess": run_assess, "batch": run_batch}
    if args.command == "pack":
        commands["pack"] = pack_commands[args.pack_command]
    try:
        return commands[args.command](args, out, err)
    except KeyboardInterrupt:
        print("已中断。", file=err)
        return 130
    except Exception as exc:
        # The last guard: a fault of the program itself is one line, not a traceback in front of a clerk.
        print(f"程序内部错误（{type(exc).__name__}），操作未完成。请把所用的文件和这一行交给技术支持。", file=err)
        return EXIT_FAILURE
