"""The window around the questionnaire: title, menus, answers files, glossary, message seam."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase

from desktop.engine import read_answers_file
from desktop.policy import Pack
from desktop.ui.app import create_application
from desktop.ui.dialogs import RecordingSink
from desktop.ui.main_window import MainWindow
from tests.conftest import EXAMPLES
from tests.ui.helpers import questionnaire


def _menu_texts(window: MainWindow) -> dict[str, list[str]]:
    menus = {}
    for action in window.menuBar().actions():
        menu = action.menu()
        assert menu is not None
        menus[action.text()] = [a.text() for a in menu.actions() if not a.isSeparator()]  # type: ignore[union-attr]
    return menus


def test_title_and_menus_are_in_chinese(window: MainWindow) -> None:
    assert window.windowTitle() == "中山市稳外贸政策扶持自评"
    assert _menu_texts(window) == {
        "文件(&F)": ["新建评估", "打开答卷…", "另存答卷…", "打印清单…", "保存清单 PDF…", "培训示例", "退出"],
        "评估(&A)": [
            "返回企业列表",
            "定稿（冻结结果）",
            "重新编辑（改回草稿）",
            "复制为方案…",
            "方案对比…",
            "已获拨付记录…",
        ],
        "工具(&T)": ["协会工作区…", "政策包…"],
        "帮助(&H)": ["术语表", "关于"],
    }


def test_opening_an_answers_file_fills_every_page(window: MainWindow, message_log: RecordingSink) -> None:
    message_log.files.append(EXAMPLES / "lighting-exporter.json")
    window.open_action.trigger()
    q = questionnaire(window)
    assert q.index == 0
    assert q.enterprise_page.name.edit.text() == "中山市古镇明辉灯饰有限公司（示例）"
    assert window.windowTitle().startswith("中山市古镇明辉灯饰有限公司（示例）")
    assert q.enterprise_page.assessed_on.edit.text() == "2025-11-30"
    assert window.total_status.text() == "最多可申请合计：1,710,000.00 元（171.00 万元）"
    assert message_log.of_kind("error") == []


def test_saving_writes_the_answers_file_format_that_opens_again(
    window: MainWindow, pack: Pack, tmp_path: Path, message_log: RecordingSink
) -> None:
    window.open_answers(EXAMPLES / "lighting-exporter.json")
    target = tmp_path / "明辉灯饰"
    message_log.files.append(target)
    window.save_action.trigger()
    saved = target.with_name("明辉灯饰.json")
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "zs-trade-assessment/1"
    assert data["answers"]["credit_insurance_premium"] == "1200000.00"
    again, _ = read_answers_file(saved, lambda _policy, _day: pack)
    assert window.document.session is not None
    assert again == window.document.session.to_answers_file()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "JSON 格式错误"),
        ('{"answers": {"credit_insurance_premium": "abc"}}', "credit_insurance_premium"),
        ('{"enterprise": {"credit_code": "91442000MA4W8N3K2X"}}', "校验位"),
    ],
)
def test_a_broken_answers_file_is_explained_and_changes_nothing(
    window: MainWindow, tmp_path: Path, message_log: RecordingSink, content: str, expected: str
) -> None:
    path = tmp_path / "坏文件.json"
    path.write_text(content, encoding="utf-8")
    assert not window.open_answers(path)
    [error] = message_log.of_kind("error")
    assert error.title == "无法打开答卷"
    assert "坏文件.json" in error.text and expected in error.text
    assert window.document.session is not None and window.document.session.answers == {}


def test_saving_to_a_folder_that_cannot_be_written_says_so(
    window: MainWindow, tmp_path: Path, message_log: RecordingSink
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    assert not window.save_answers(blocker / "答卷.json")
    [error] = message_log.of_kind("error")
    assert error.title == "无法保存答卷"


@pytest.mark.parametrize(
    ("name", "offered"),
    [
        ("CON", "答卷_CON.json"),  # a device name on Windows: no file can be called "CON.json"
        ("lpt1", "答卷_lpt1.json"),
        ("明辉/灯饰:有限公司", "明辉_灯饰_有限公司.json"),
        ("", "答卷.json"),
    ],
)
def test_the_file_name_offered_for_the_answers_is_one_windows_accepts(
    window: MainWindow, message_log: RecordingSink, name: str, offered: str
) -> None:
    """另存答卷… offered "CON.json" for a firm named CON, a name Windows refuses (issue 24)."""
    window.document.session.set_enterprise("name", name)
    assert not window.save_answers()  # no file chosen: only what is offered matters here
    assert message_log.of_kind("save_file")[0].text == offered


def test_new_answers_asks_before_clearing(window: MainWindow, message_log: RecordingSink) -> None:
    window.open_answers(EXAMPLES / "lighting-exporter.json")
    assert window.document.session is not None
    message_log.answers.append(False)
    window.new_action.trigger()
    assert window.document.session.answers != {}
    message_log.answers.append(True)
    window.new_action.trigger()
    assert window.document.session.answers == {}
    assert questionnaire(window).enterprise_page.name.edit.text() == ""


def test_printing_without_the_checklist_module_explains_instead_of_crashing(
    window: MainWindow, message_log: RecordingSink, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "desktop.ui.checklist_preview", None)  # makes the import fail
    window.print_action.trigger()
    window.pdf_action.trigger()
    assert [m.kind for m in message_log.messages] == ["information", "information"]


def test_the_checklist_actions_hand_the_current_assessment_to_the_report_module(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import types

    calls: list[tuple[str, object, str]] = []
    fake = types.ModuleType("desktop.ui.checklist_preview")
    fake.show_checklist_preview = lambda parent, assessment, lang, **extra: calls.append(("print", assessment, lang))  # type: ignore[attr-defined]
    fake.save_checklist_pdf = lambda parent, assessment, lang, **extra: calls.append(("pdf", assessment, lang))  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "desktop.ui.checklist_preview", fake)
    window.open_answers(EXAMPLES / "lighting-exporter.json")
    questionnaire(window).results_page.print_button.click()
    window.pdf_action.trigger()
    assert [(kind, lang) for kind, _, lang in calls] == [("print", "zh"), ("pdf", "zh")]
    assert all(getattr(a, "total", None) == window.document.session.result.total for _, a, _ in calls)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("section", "question", "term"),
    [
        ("certification", "aeo_first_certified", "AEO"),
        ("credit_insurance", "credit_insurance_product", "一般企业类"),
        ("digital", "digital_level", "数字化二级"),
        ("certification", "iso56005_first_certified", "ISO 56005"),
        ("digital", "digital_key_enterprise", "重点企业"),
        ("market", "export_class", "出口企业分类"),
    ],
)
def test_terms_of_art_carry_an_explanation(window: MainWindow, section: str, question: str, term: str) -> None:
    row = questionnaire(window).section_pages[section].row(question)
    [button] = row.glossary_buttons
    assert term in button.text()
    assert len(button.toolTip()) > len(term) + 20  # a real explanation, not just the term


def test_the_glossary_window_lists_every_term(window: MainWindow) -> None:
    window.glossary_action.trigger()
    assert window._glossary is not None and window._glossary.isVisible()
    text = window._glossary.browser.toPlainText()
    for term in ("AEO", "一般企业类", "数字化二级", "ISO 56005", "重点企业", "出口企业分类"):
        assert term in text


def test_about_goes_through_the_message_seam(window: MainWindow, message_log: RecordingSink) -> None:
    window.about_action.trigger()
    [about] = message_log.messages
    assert about.title == "关于" and "2025-12-31" in about.text


def test_the_bundled_font_is_registered_and_used(qapp: object) -> None:
    app = create_application()
    assert "Noto Sans SC" in QFontDatabase.families()
    assert app.font().family() == "Noto Sans SC"


def test_save_checklist_pdf_from_the_menu_writes_the_lighting_exporters_checklist(
    window: MainWindow, tmp_path: Path, message_log: RecordingSink
) -> None:
    from pypdf import PdfReader

    window.open_answers(EXAMPLES / "lighting-exporter.json")
    target = tmp_path / "清单.pdf"
    message_log.files.append(target)
    window.pdf_action.trigger()
    assert message_log.of_kind("error") == []
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "1,710,000.00" in text


def test_closing_with_unsaved_answers_asks_first(window: MainWindow, message_log: RecordingSink) -> None:
    window.confirm_unsaved_close = True
    assert window.document.session is not None
    window.document.session.set_answer("exhibitions_attended", True)
    message_log.answers.append(False)  # the clerk stays
    assert not window.close()
    assert window.isVisible()
    message_log.answers.append(True)
    assert window.close()
    assert [m.kind for m in message_log.messages] == ["question", "question"]


def test_closing_after_saving_does_not_ask(window: MainWindow, message_log: RecordingSink, tmp_path: Path) -> None:
    window.confirm_unsaved_close = True
    window.open_answers(EXAMPLES / "lighting-exporter.json")
    assert not window.document.unsaved
    assert window.document.session is not None
    window.document.session.set_answer("exhibitions_attended", False)
    assert window.document.unsaved
    assert window.save_answers(tmp_path / "a.json")
    assert window.close()
    assert message_log.of_kind("question") == []
