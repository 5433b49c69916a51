"""The command line: `assess`, `pack check`, and (with no command) the window.

Kept light: nothing heavy is imported before the chosen command needs it, so the window opens fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, cast

from desktop import __version__
from desktop.later import later
from desktop.safe_write import write_bytes  # 7 ms: every file written goes through it
from desktop.wording.help import PROGRAM, help_text

if TYPE_CHECKING:
    from desktop import attachments, engine, filenames, quoting, report
    from desktop import policy as policy_packs
    from desktop import problems as problem_data
    from desktop.engine import cases as pack_cases
    from desktop.engine import filing as filings
    from desktop.engine import list_totals, opportunities
    from desktop.engine.answers import AnswersFile
    from desktop.engine.filing import Filing
    from desktop.policy import Pack, PackRegistry, guide_registry
    from desktop.policy import diff as pack_diff
    from desktop.policy import registry as pack_registry
    from desktop.policy.model import Lang
    from desktop.problems import Message, Problem
    from desktop.report import batch as batch_run
    from desktop.report import checklist
    from desktop.report import dossier as dossiers
    from desktop.ui import app as window_app
    from desktop.wording import applying as application
    from desktop.wording import problems as problem_words
    from desktop.wording import summary
else:
    # `python -m desktop` opens the window through here and `--version` answers at once: each module is
    # loaded by the command that uses it (python -X importtime -m desktop measures them)
    attachments = later("desktop.attachments")  # pypdf and Pillow when a file is checked
    engine = later("desktop.engine")  # the engine and the packs: ~110 ms
    application = later("desktop.wording.applying")  # the engine
    pack_cases = later("desktop.engine.cases")  # the engine
    filings = later("desktop.engine.filing")  # the engine
    list_totals = later("desktop.engine.list_totals")  # the engine
    opportunities = later("desktop.engine.opportunities")  # the engine
    summary = later("desktop.wording.summary")  # the engine
    filenames = later("desktop.filenames")  # small, but only for files written
    policy_packs = later("desktop.policy")  # the policy packs: ~55 ms
    pack_diff = later("desktop.policy.diff")  # the policy packs
    guide_registry = later("desktop.policy.guide_registry")  # every guide file read
    pack_registry = later("desktop.policy.registry")  # likewise
    problem_data = later("desktop.problems")  # ~30 ms with its helpers
    quoting = later("desktop.quoting")  # ~4 ms
    report = later("desktop.report")  # ReportLab: ~150 ms
    batch_run = later("desktop.report.batch")  # ReportLab, and the engine in every worker
    checklist = later("desktop.report.checklist")  # ReportLab
    dossiers = later("desktop.report.dossier")  # ReportLab and pypdf
    window_app = later("desktop.ui.app")  # Qt: ~100 ms before anything shows
    problem_words = later("desktop.wording.problems")  # the catalogue: ~35 ms

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_INVALID = 2


def _h(key: str, lang: str, **values: object) -> str:
    return help_text(key, lang, **values)


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


def _print_problems(problems: Iterable[Message], out: TextIO, lang: Lang = "zh") -> None:
    """One line per problem, worded from the catalogue in the output's language (a field's id with its
    question's label after it); control characters from the input never reach the terminal raw."""

    for problem in problems:
        print(quoting.terminal_safe(problem_words.word(problem, lang)), file=out)


def _warn_list_mismatches(answers_file: AnswersFile, pack: Pack, name: str, lang: Lang, err: TextIO) -> None:
    """Before a checklist or dossier is written: each typed figure that is not its imported list's total,
    one line each, then the output goes on (the clerk may have a reason)."""

    found = list_totals.list_mismatches(pack, answers_file.answers, answers_file.lists.values())
    for mismatch in found:
        print(quoting.terminal_safe(_h("list_mismatch", lang, file=name, text=mismatch.text(lang))), file=err)
    if found:
        print(_h("list_mismatch_go_on", lang), file=err)


def _registry_with(path: Path | None, err: TextIO, lang: Lang) -> tuple[PackRegistry, Pack | None] | None:
    """The packs the program knows (a broken one in the user's folder said once, never fatal) and, with
    `--pack FILE`, that file's pack added to them; None when the file cannot be used (its problems said)."""

    registry = pack_registry.known_registry()

    not_used = [
        problem_data.Problem("registry.not_used", problem=e.problems[0] if e.problems else e.source)
        for e in registry.errors
    ]
    _print_problems(not_used, err, lang)
    if path is None:
        return registry, None
    try:
        pack = pack_registry.load_pack_file(path)
    except policy_packs.PackError as exc:
        _print_problems(exc.problems, err, lang)
        return None
    registry.add(pack)
    return registry, pack


def run_assess(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:

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
        answers_file, pack = engine.read_answers_file(args.answers, resolve, today=today)
    except engine.AnswersError as exc:
        _print_problems(exc.problems, err, lang)
        if any(problem.code.startswith("registry.") for problem in exc.problems):
            print(quoting.terminal_safe(f"{args.answers.name}: {_h('pack_hint', lang)}"), file=err)
        return EXIT_INVALID
    _print_problems(answers_file.notes, err, lang)

    guides = guide_registry.known_guides(registry)
    _print_problems(guide_registry.skipped(guides.errors), err, lang)
    chosen = args.guide or answers_file.guide
    if args.guide and guides.get(args.guide) is None:
        known = _listed([g.id for g in guides.for_pack(pack.id)], lang)
        print(quoting.terminal_safe(_h("no_guide", lang, guide=args.guide, known=known)), file=err)
        return EXIT_INVALID
    result = engine.assess_file(pack, answers_file, today, guides.applying(pack.id, chosen))

    # what the enterprise could still unlock, from the answers as the rules read them (amounts received included)
    answers = {**answers_file.answers, **{f.question: f.answer for f in result.from_history}}
    found = opportunities.find_opportunities(pack, answers, result, today)
    if args.pdf is not None:
        _warn_list_mismatches(answers_file, pack, args.answers.name, lang, err)
        try:
            ready = filings.ready_documents(answers_file.filing)
            report.write_checklist(result, args.pdf, lang=lang, today=today, opportunities=found, ready=ready)
        except OSError as exc:
            print(quoting.terminal_safe(_h("no_pdf", lang, path=args.pdf, reason=exc.strerror or exc)), file=err)
            return EXIT_FAILURE
        except checklist.ChecklistError as exc:
            _print_problems([p.at(args.answers.name) for p in exc.problems], err, lang)
            return EXIT_INVALID
    if args.json:
        # json escapes control characters itself; the answers file could not hold others (engine.limits)

        data = engine.assessment_to_data(result, lang, today, answers_file.filing)
        # What the period means is said for the day of the run, as the text summary and the PDF say it: in
        # `notices` with the guide's age and the basic conditions, and as the period warning itself.
        sentence = application.today_sentence(result, today)
        data["warnings"] = [] if sentence is None else [sentence.get(lang)]
        data["notices"] = [text.get(lang) for text in application.notices_on(result, today)]
        data["opportunities"] = opportunities.opportunities_to_data(found, lang)
        # what of `total` a training guide invented (the total keeps it; every output says how much it is)
        invented = application.invented_total(result)
        data["invented_total"] = f"{invented:.2f}" if invented else None
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(quoting.terminal_safe(summary.summary_text(result, lang, today)))
    return EXIT_OK


def run_dossier(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """One bound PDF per item whose documents the answers file records; files are read relative to it."""

    registry = pack_registry.known_registry()
    lang = _lang(args)
    today = args.today or dt.date.today()

    def resolve(policy: str | None, day: dt.date) -> Pack:
        return registry.get(policy) if policy else registry.for_date(day)

    try:
        answers_file, pack = engine.read_answers_file(args.answers, resolve, today=today)
    except engine.AnswersError as exc:
        _print_problems(exc.problems, err, lang)
        return EXIT_INVALID
    guides = guide_registry.known_guides(registry)
    if args.guide and guides.get(args.guide) is None:
        known = _listed([g.id for g in guides.for_pack(pack.id)], lang)
        print(quoting.terminal_safe(_h("no_guide", lang, guide=args.guide, known=known)), file=err)
        return EXIT_INVALID
    result = engine.assess_file(pack, answers_file, today, guides.applying(pack.id, args.guide or answers_file.guide))
    recorded = answers_file.filing.documents
    if not recorded:
        print(quoting.terminal_safe(_h("dossier_none", lang, file=args.answers.name)), file=err)
        return EXIT_INVALID
    _warn_list_mismatches(answers_file, pack, args.answers.name, lang, err)
    load = attachments.files_beside(args.answers)
    bound = []
    refused_any = False
    for item in result.items:
        if item.id not in recorded:
            continue
        documents, refusals = dossiers.bound_documents(item, recorded[item.id], load)
        for r in refusals:
            refused_any = True
            line = _h(
                "dossier_refused",
                lang,
                file=args.answers.name,
                item=r.item_id,
                document=r.document_id,
                name=r.name,
                reason=problem_words.word(r.reason, lang),
            )
            print(quoting.terminal_safe(line), file=err)
        bound.append(dossiers.Dossier(result, item, documents, today, lang, _reference(answers_file.filing, item.id)))
    if refused_any and not args.partial:
        print(_h("dossier_stopped", lang), file=err)
        return EXIT_INVALID
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        names = filenames.UniqueNames()
        for dossier in bound:
            path = args.out / names.claim(dossiers.dossier_stem(result, dossier.item, lang), ".pdf")
            write_bytes(path, dossiers.dossier_bytes(dossier))
            print(quoting.terminal_safe(_h("dossier_wrote", lang, path=path)), file=out)
    except OSError as exc:
        print(quoting.terminal_safe(_h("no_pdf", lang, path=args.out, reason=exc.strerror or exc)), file=err)
        return EXIT_FAILURE
    return EXIT_OK


def _listed(ids: list[str], lang: Lang) -> str:
    return ("、" if lang == "zh" else ", ").join(ids) or "—"


def _reference(filing: Filing, item_id: str) -> str:
    claim = filing.claim(item_id)
    return "" if claim is None else claim.reference


def run_pack_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:

    lang = _lang(args)
    try:
        pack = pack_registry.load_pack_file(args.file)
    except policy_packs.PackError as exc:
        _print_problems(exc.problems, err, lang)
        return EXIT_INVALID
    print(f"{pack.title.get(lang)}  [{pack.id} {pack.version}]", file=out)
    print(f"{pack.valid_from} – {pack.valid_to}  sha256 {pack.hash}", file=out)
    counts = {"measures": len(pack.measures), "items": len(pack.items()), "questions": len(pack.questions)}
    print(_h("pack_counts", lang, **counts), file=out)
    for measure in pack.measures:
        number = measure.article_label if lang == "zh" else f"Art. {measure.article}"
        print(f"  {number:>4} {measure.title.get(lang)}", file=out)
        for item in measure.items:
            print(f"        - {item.id} ({item.kind}): {item.title.get(lang)}", file=out)
    for kind in pack.lists:
        where = {"question": kind.question, "item": kind.item, "document": kind.document}
        print(_h("pack_list", lang, id=kind.id, title=kind.title.get(lang), **where), file=out)
    return EXIT_OK


def run_pack_test(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:

    lang = _lang(args)
    try:
        pack = policy_packs.load_pack(args.file)
    except policy_packs.PackError as exc:
        _print_problems(exc.problems, err, lang)
        return EXIT_INVALID
    paths = list(args.cases) or pack_cases.cases_beside(args.file)
    if not paths:
        print(_h("no_cases", lang, file=args.file.name, name=f"{args.file.stem}.cases.toml"), file=err)
        return EXIT_INVALID
    try:
        count, failures = pack_cases.run_files(pack, paths)
    except pack_cases.CaseFileError as exc:
        _print_problems(exc.problems, err, lang)
        return EXIT_INVALID
    _print_problems([failure.problem() for failure in failures], out, lang)
    failed_cases = len({(f.source, f.case) for f in failures})
    print(_h("cases_count", lang, count=count, passed=count - failed_cases, failed=failed_cases), file=out)
    return EXIT_FAILURE if failures else EXIT_OK


def run_pack_diff(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:

    problems: list[Problem] = []
    packs = []
    for path in (args.old, args.new):
        try:
            packs.append(policy_packs.load_pack(path))
        except policy_packs.PackError as exc:
            problems.extend(exc.problems)
    if problems:
        _print_problems(problems, err, _lang(args))
        return EXIT_INVALID
    for line in pack_diff.diff_packs(packs[0], packs[1], _lang(args)):
        print(line, file=out)
    return EXIT_OK


def run_batch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:

    return batch_run.run_batch(
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

    return window_app.main(database=args.database, lang=args.lang)


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
