"""The command line's own texts (`--help`, its few lines of its own) in Chinese and English, side by side.

The language is known before the parser is built (`--lang` may stand before or after the command), so
`--help` reads in it too. What the commands say about the input (a refusal, a problem of a pack) is worded
from `desktop.wording.problems`; column names and values from `desktop.wording.terms`.
"""

from __future__ import annotations

from typing import Final

PROGRAM: Final[dict[str, str]] = {
    "zh": "中山市稳外贸政策扶持自评工具",
    "en": "Zhongshan foreign-trade support self-assessment",
}

HELP: Final[dict[str, tuple[str, str]]] = {
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
    "pack_counts": (
        "{measures} 条措施，{items} 个支持项目，{questions} 个问题",
        "{measures} measures, {items} items, {questions} questions",
    ),
    "pack_list": (
        "  清单 {id}：{title} → {question}（{item}.{document}）",
        "  list {id}: {title} → {question} ({item}.{document})",
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


def help_text(key: str, lang: str, **values: object) -> str:
    """The text `key` in `lang`, its `{values}` filled (`{program}`: the program's English name)."""
    zh, en = HELP[key]
    return (en if lang == "en" else zh).format(program=PROGRAM["en"], **values)
