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
    from desktop.engine.answers import AnswersFile
    from desktop.engine.filing import Filing
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
    "dossier": (
        "为答卷中记录了材料的每个支持项目装订一份申报材料 PDF（封面、目录、申报信息表、所附文件，逐页编码）",
        "bind one application dossier PDF per item whose documents the answers file records (cover, contents, "
        "summary sheet, the attached files, every page numbered)",
    ),
    "dossier_out": ("申报材料 PDF 写入的文件夹", "the folder to write the dossiers into"),
    "partial": (
        "有文件无法读取时仍生成申报材料（目录中列明未能装订的文件）",
        "write the dossiers even when some files cannot be read (the contents list those not bound)",
    ),
    "dossier_refused": (
        "{file}: documents.{item}.{document}: 文件 {name}：{reason}",
        "{file}: documents.{item}.{document}: file {name}: {reason}",
    ),
    "dossier_stopped": (
        "未生成申报材料：以上文件无法装订。请更正后重试，或加 --partial 用能读取的文件生成。",
        "No dossier written: the files above cannot be bound. Correct them and try again, or add --partial to "
        "bind the files that can be read.",
    ),
    "dossier_none": (
        "{file}: 答卷中没有记录任何申报材料（documents），没有可装订的内容。",
        "{file}: the answers file records no documents, so there is nothing to bind.",
    ),
    "dossier_wrote": ("已写入：{path}", "Written: {path}"),
    "list_mismatch": ("{file}: 注意：{text}", "{file}: note: {text}"),
    "list_mismatch_go_on": (
        "以上填写的金额与导入的清单合计不一致（审核时常因此退回）；仍照常生成，请在提交前核对。",
        "The figures above disagree with the imported lists' totals (a common reason for returned "
        "applications); the output is written all the same: check them before filing.",
    ),
    "pack": ("政策包工具", "policy pack tools"),
    "check": ("检查一个政策包文件并列出其措施", "check a policy pack file and list its measures"),
    "test": (
        "运行政策包的测试用例（默认：政策包旁的 <名称>.cases.toml）",
        "run a pack's test cases (default: <name>.cases.toml beside the pack)",
    ),
    "diff": (
        "列出两个政策包之间的变化（措施、金额、问题、责任单位、有效期）",
        "list what changed between two packs (measures, amounts, questions, units, validity)",
    ),
    "guide": (
        "使用的申报指南编号（默认：答卷所选，否则该政策包最新的申报指南）",
        "the application guide to use (default: the answers file's, else the pack's newest guide)",
    ),
    "no_guide": (
        "--guide: 未知的申报指南 {guide}（此政策包的申报指南：{known}）",
        "--guide: unknown application guide {guide} (this pack's guides: {known})",
    ),
    "overwrite": (
        "覆盖输出文件夹中已有的文件（默认写入新的子文件夹）",
        "overwrite files already in the output folder (default: write into a new sub-folder)",
    ),
    "pack_file": (
        "用这个政策包文件评估（不必先添加；答卷中的 policy 不再决定所用的政策包）",
        "assess with this pack file (it need not be added first; the answers file's policy no longer picks the pack)",
    ),
    "pack_hint": (
        "提示：要用尚未添加的政策包文件评估，请加上 --pack 文件；要长期使用，请在程序的“工具 → 政策包”中添加。",
        "Hint: to assess with a pack file that was not added, give --pack FILE; to keep using it, add it in the "
        "program under Tools → Policy packs.",
    ),
    "no_cases": (
        "{file}: 没有找到测试用例（{name}）；请在命令后列出用例文件",
        "{file}: no test cases found ({name}); list case files after the command",
    ),
    "cases_count": (
        "{count} 个用例，{passed} 个通过，{failed} 个未通过",
        "{count} cases, {passed} passed, {failed} failed",
    ),
    "interrupted": ("已中断。", "Interrupted."),
    "internal": (
        "程序内部错误（{kind}），操作未完成。请把所用的文件和这一行交给技术支持。",
        "Internal error of the program ({kind}); nothing was finished. Please send the files used and this "
        "line to support.",
    ),
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
    assess.add_argument("--guide", metavar="ID", help=_h("guide", lang))
    assess.add_argument("--pack", type=Path, metavar="PACK.toml", help=_h("pack_file", lang))
    assess.add_argument("--today", type=dt.date.fromisoformat, default=None, help=argparse.SUPPRESS)
    _add_lang(assess, lang, top=False)

    dossier = sub.add_parser("dossier", help=_h("dossier", lang))
    dossier.add_argument("answers", type=Path, metavar="ANSWERS.json")
    dossier.add_argument("--out", type=Path, required=True, metavar="DIR", help=_h("dossier_out", lang))
    dossier.add_argument("--guide", metavar="ID", help=_h("guide", lang))
    dossier.add_argument("--partial", action="store_true", help=_h("partial", lang))
    dossier.add_argument("--today", type=dt.date.fromisoformat, default=None, help=argparse.SUPPRESS)
    _add_lang(dossier, lang, top=False)

    batch = sub.add_parser("batch", help=_h("batch", lang))
    batch.add_argument("inputs", type=Path, nargs="+", metavar="INPUT")
    batch.add_argument("--out", type=Path, required=True, metavar="DIR")
    batch.add_argument("--jobs", type=int, default=None, help=_h("jobs", lang))
    batch.add_argument("--overwrite", action="store_true", help=_h("overwrite", lang))
    batch.add_argument("--pack", type=Path, metavar="PACK.toml", help=_h("pack_file", lang))
    _add_lang(batch, lang, top=False)

    pack = sub.add_parser("pack", help=_h("pack", lang))
    pack_sub = pack.add_subparsers(dest="pack_command", metavar="COMMAND", required=True)
    check = pack_sub.add_parser("check", help=_h("check", lang))
    check.add_argument("file", type=Path, metavar="FILE")
    _add_lang(check, lang, top=False)
    test = pack_sub.add_parser("test", help=_h("test", lang))
    test.add_argument("file", type=Path, metavar="PACK")
    test.add_argument("cases", type=Path, nargs="*", metavar="CASES")
    _add_lang(test, lang, top=False)
    diff = pack_sub.add_parser("diff", help=_h("diff", lang))
    diff.add_argument("old", type=Path, metavar="OLD")
    diff.add_argument("new", type=Path, metavar="NEW")
    _add_lang(diff, lang, top=False)
    return parser


def _lang(args: argparse.Namespace) -> Lang:
    return cast("Lang", args.lang or "zh")


def _print_problems(problems: Sequence[str], out: TextIO, lang: Lang = "zh", pack: Pack | None = None) -> None:
    """One line per problem; in English with the English labels of the pack's questions (the pack in
    force today, when the file's own could not be found); control characters from the input never reach
    the terminal raw."""
    from desktop.engine.refusals import for_technician
    from desktop.quoting import terminal_safe

    for problem in problems:
        print(terminal_safe(for_technician(problem, pack, lang)), file=out)


def _warn_list_mismatches(answers_file: AnswersFile, pack: Pack, name: str, lang: Lang, err: TextIO) -> None:
    """Before a checklist or dossier is written: each typed figure that is not its imported list's total,
    one line each, then the output goes on (the clerk may have a reason)."""
    from desktop.engine.list_totals import list_mismatches
    from desktop.quoting import terminal_safe

    found = list_mismatches(pack, answers_file.answers, answers_file.lists.values())
    for mismatch in found:
        print(terminal_safe(_h("list_mismatch", lang, file=name, text=mismatch.text(lang))), file=err)
    if found:
        print(_h("list_mismatch_go_on", lang), file=err)


def _labels_pack(registry: PackRegistry) -> Pack | None:
    try:
        return registry.for_date(dt.date.today())
    except LookupError:
        return None


def _registry_with(path: Path | None, err: TextIO, lang: Lang) -> tuple[PackRegistry, Pack | None] | None:
    """The packs the program knows (a broken one in the user's folder said once, never fatal) and, with
    `--pack FILE`, that file's pack added to them; None when the file cannot be used (its problems said)."""
    from desktop.policy import PackError
    from desktop.policy.registry import known_registry, load_pack_file

    registry = known_registry()
    _print_problems([f"{e.problems[0]}（该政策包未使用）" for e in registry.errors], err, lang)
    if path is None:
        return registry, None
    try:
        pack = load_pack_file(path)
    except PackError as exc:
        _print_problems(exc.problems, err, lang)
        return None
    registry.add(pack)
    return registry, pack


def run_assess(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop.engine import AnswersError, assess_file, assessment_to_data, read_answers_file
    from desktop.engine.summary import summary_text
    from desktop.quoting import terminal_safe

    lang = _lang(args)
    packs = _registry_with(args.pack, err, lang)
    if packs is None:
        return EXIT_INVALID
    registry, given = packs

    def resolve(policy: str | None, day: dt.date) -> Pack:
        if given is not None:
            return given
        return registry.get(policy) if policy else registry.for_date(day)

    today = args.today or dt.date.today()
    try:
        answers_file, pack = read_answers_file(args.answers, resolve, today=today)
    except AnswersError as exc:
        _print_problems(exc.problems, err, lang, _labels_pack(registry))
        if any("未知的政策包" in problem for problem in exc.problems):
            print(terminal_safe(f"{args.answers.name}: {_h('pack_hint', lang)}"), file=err)
        return EXIT_INVALID
    for note in answers_file.notes:
        _print_problems([note], err, lang, pack)
    from desktop.policy.guide_registry import known_guides, skipped_lines

    guides = known_guides(registry)
    _print_problems(skipped_lines(guides.errors, lang), err)
    chosen = args.guide or answers_file.guide
    if args.guide and guides.get(args.guide) is None:
        known = "、".join(g.id for g in guides.for_pack(pack.id)) or "—"
        print(terminal_safe(_h("no_guide", lang, guide=args.guide, known=known)), file=err)
        return EXIT_INVALID
    result = assess_file(pack, answers_file, today, guides.applying(pack.id, chosen))
    from desktop.engine.opportunities import find_opportunities, opportunities_to_data

    # what the enterprise could still unlock, from the answers as the rules read them (amounts received included)
    answers = {**answers_file.answers, **{f.question: f.answer for f in result.from_history}}
    found = find_opportunities(pack, answers, result, today)
    if args.pdf is not None:
        from desktop.engine.filing import ready_documents
        from desktop.report import write_checklist
        from desktop.report.checklist import ChecklistError

        _warn_list_mismatches(answers_file, pack, args.answers.name, lang, err)
        try:
            ready = ready_documents(answers_file.filing)
            write_checklist(result, args.pdf, lang=lang, today=today, opportunities=found, ready=ready)
        except OSError as exc:
            print(terminal_safe(_h("no_pdf", lang, path=args.pdf, reason=exc.strerror or exc)), file=err)
            return EXIT_FAILURE
        except ChecklistError as exc:
            print(terminal_safe(f"{args.answers.name}: {exc.message}"), file=err)
            return EXIT_INVALID
    if args.json:
        # json escapes control characters itself; the answers file could not hold others (engine.limits)
        from desktop.engine.application import invented_total, notices_on, today_sentence

        data = assessment_to_data(result, lang, today, answers_file.filing)
        # What the period means is said for the day of the run, as the text summary and the PDF say it: in
        # `notices` with the guide's age and the basic conditions, and as the period warning itself.
        sentence = today_sentence(result, today)
        data["warnings"] = [] if sentence is None else [sentence.get(lang)]
        data["notices"] = [text.get(lang) for text in notices_on(result, today)]
        data["opportunities"] = opportunities_to_data(found, lang)
        # what of `total` a training guide invented (the total keeps it; every output says how much it is)
        invented = invented_total(result)
        data["invented_total"] = f"{invented:.2f}" if invented else None
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(terminal_safe(summary_text(result, lang, today)))
    return EXIT_OK


def run_dossier(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """One bound PDF per item whose documents the answers file records; files are read relative to it."""
    from desktop.attachments import files_beside
    from desktop.engine import AnswersError, assess_file, read_answers_file
    from desktop.engine.refusals import in_language
    from desktop.filenames import UniqueNames
    from desktop.policy.guide_registry import known_guides
    from desktop.policy.registry import known_registry
    from desktop.quoting import terminal_safe
    from desktop.report.dossier import Dossier, bound_documents, dossier_bytes, dossier_stem
    from desktop.safe_write import write_bytes

    registry = known_registry()
    lang = _lang(args)
    today = args.today or dt.date.today()

    def resolve(policy: str | None, day: dt.date) -> Pack:
        return registry.get(policy) if policy else registry.for_date(day)

    try:
        answers_file, pack = read_answers_file(args.answers, resolve, today=today)
    except AnswersError as exc:
        _print_problems(exc.problems, err, lang, _labels_pack(registry))
        return EXIT_INVALID
    guides = known_guides(registry)
    if args.guide and guides.get(args.guide) is None:
        known = "、".join(g.id for g in guides.for_pack(pack.id)) or "—"
        print(terminal_safe(_h("no_guide", lang, guide=args.guide, known=known)), file=err)
        return EXIT_INVALID
    result = assess_file(pack, answers_file, today, guides.applying(pack.id, args.guide or answers_file.guide))
    recorded = answers_file.filing.documents
    if not recorded:
        print(terminal_safe(_h("dossier_none", lang, file=args.answers.name)), file=err)
        return EXIT_INVALID
    _warn_list_mismatches(answers_file, pack, args.answers.name, lang, err)
    load = files_beside(args.answers)
    bound = []
    refused_any = False
    for item in result.items:
        if item.id not in recorded:
            continue
        documents, refusals = bound_documents(item, recorded[item.id], load)
        for r in refusals:
            refused_any = True
            line = _h(
                "dossier_refused",
                lang,
                file=args.answers.name,
                item=r.item_id,
                document=r.document_id,
                name=r.name,
                reason=in_language(r.reason, lang),
            )
            print(terminal_safe(line), file=err)
        bound.append(Dossier(result, item, documents, today, lang, _reference(answers_file.filing, item.id)))
    if refused_any and not args.partial:
        print(_h("dossier_stopped", lang), file=err)
        return EXIT_INVALID
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        names = UniqueNames()
        for dossier in bound:
            path = args.out / names.claim(dossier_stem(result, dossier.item, lang), ".pdf")
            write_bytes(path, dossier_bytes(dossier))
            print(terminal_safe(_h("dossier_wrote", lang, path=path)), file=out)
    except OSError as exc:
        print(terminal_safe(_h("no_pdf", lang, path=args.out, reason=exc.strerror or exc)), file=err)
        return EXIT_FAILURE
    return EXIT_OK


def _reference(filing: Filing, item_id: str) -> str:
    claim = filing.claim(item_id)
    return "" if claim is None else claim.reference


def run_pack_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop.policy import PackError
    from desktop.policy.registry import load_pack_file

    lang = _lang(args)
    try:
        pack = load_pack_file(args.file)
    except PackError as exc:
        _print_problems(exc.problems, err, lang)
        return EXIT_INVALID
    print(f"{pack.title.get(lang)}  [{pack.id} {pack.version}]", file=out)
    print(f"{pack.valid_from} – {pack.valid_to}  sha256 {pack.hash}", file=out)
    print(f"{len(pack.measures)} measures, {len(pack.items())} items, {len(pack.questions)} questions", file=out)
    for measure in pack.measures:
        number = measure.article_label if lang == "zh" else f"Art. {measure.article}"
        print(f"  {number:>4} {measure.title.get(lang)}", file=out)
        for item in measure.items:
            print(f"        - {item.id} ({item.kind}): {item.title.get(lang)}", file=out)
    for kind in pack.lists:
        print(f"  list {kind.id}: {kind.title.get(lang)} → {kind.question} ({kind.item}.{kind.document})", file=out)
    return EXIT_OK


def run_pack_test(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop.engine.cases import CaseFileError, cases_beside, run_files
    from desktop.policy import PackError, load_pack

    lang = _lang(args)
    try:
        pack = load_pack(args.file)
    except PackError as exc:
        _print_problems(exc.problems, err, lang)
        return EXIT_INVALID
    paths = list(args.cases) or cases_beside(args.file)
    if not paths:
        print(_h("no_cases", lang, file=args.file.name, name=f"{args.file.stem}.cases.toml"), file=err)
        return EXIT_INVALID
    try:
        count, failures = run_files(pack, paths)
    except CaseFileError as exc:
        _print_problems(exc.problems, err, lang)
        return EXIT_INVALID
    _print_problems([str(failure) for failure in failures], out, lang)
    failed_cases = len({(f.source, f.case) for f in failures})
    print(_h("cases_count", lang, count=count, passed=count - failed_cases, failed=failed_cases), file=out)
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
        _print_problems(problems, err, _lang(args))
        return EXIT_INVALID
    for line in diff_packs(packs[0], packs[1], _lang(args)):
        print(line, file=out)
    return EXIT_OK


def run_batch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from desktop.report.batch import run_batch as batch

    return batch(
        args.inputs,
        args.out,
        jobs=args.jobs,
        lang=_lang(args),
        out=out,
        err=err,
        overwrite=args.overwrite,
        pack_file=args.pack,
    )


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
    if args.command is None:
        return run_gui(args, err)
    pack_commands = {"check": run_pack_check, "test": run_pack_test, "diff": run_pack_diff}
    commands = {"assess": run_assess, "batch": run_batch, "dossier": run_dossier}
    if args.command == "pack":
        commands["pack"] = pack_commands[args.pack_command]
    try:
        return commands[args.command](args, out, err)
    except KeyboardInterrupt:
        print(_h("interrupted", _lang(args)), file=err)
        return 130
    except Exception as exc:
        # The last guard: a fault of the program itself is one line, not a traceback in front of a clerk.
        print(_h("internal", _lang(args), kind=type(exc).__name__), file=err)
        return EXIT_FAILURE
