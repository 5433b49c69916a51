"""生成申报材料: the bound dossier of one application, from the window (ReportLab and pypdf: imported with
this module, which the window loads only when a dossier is asked for)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from desktop.engine.result import Assessment, ItemResult
from desktop.policy.model import Lang
from desktop.report.checklist import ChecklistError
from desktop.report.dossier import Dossier, bound_documents, dossier_bytes, dossier_stem
from desktop.ui import dialogs
from desktop.ui.checklist_preview import write_pdf
from desktop.ui.filing_state import FilingState
from desktop.ui.said import report_error
from desktop.wording.problems import word

translate = QCoreApplication.translate


def save_dossier(parent: QWidget, state: FilingState, result: Assessment, item: ItemResult, lang: Lang) -> None:
    """Bind the item's documents and files into one PDF and ask where to save it. A file that cannot be
    read is named first, and the dossier is made from the rest only if the clerk says so."""
    title = translate("Dossier", "生成申报材料")
    records = state.filing.documents.get(item.id, {})
    documents, refusals = bound_documents(item, records, state.applications.loader())
    if refusals:
        line = translate("Dossier", "{name}：{reason}")
        lines = "\n".join(line.format(name=r.name, reason=word(r.reason, lang)) for r in refusals)
        asked = translate(
            "Dossier", "以下文件无法装订：\n{lines}\n\n仍用其余文件生成申报材料吗？（目录中会列明未装订的文件）"
        )
        if not dialogs.question(parent, title, asked.format(lines=lines)):
            return
    claim = state.filing.claim(item.id)
    dossier = Dossier(result, item, documents, state.today(), lang, claim.reference if claim is not None else "")
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        data = dossier_bytes(dossier)
    except ChecklistError as exc:
        QGuiApplication.restoreOverrideCursor()
        report_error(parent, title, exc)
        return
    QGuiApplication.restoreOverrideCursor()
    wording = (
        translate("Dossier", "保存申报材料 PDF"),
        translate("Dossier", "申报材料已生成"),
        translate("Dossier", "申报材料 PDF 已保存到：\n{path}"),
    )
    write_pdf(parent, data, dossier_stem(result, item, lang) + ".pdf", wording)
