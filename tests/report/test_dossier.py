"""One bound dossier per application (issue 20): `python -m desktop dossier ANSWERS.json --out DIR`.

Cover, 目录, the summary sheet, then the attached files in the list's order; every page numbered; the
目录's page numbers point at the right pages; attached PDF pages keep their text; a file that cannot be
bound is refused naming the file and the document, and nothing is written unless asked to go on."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.engine.test_cli import lighting, run
from tests.filing.files import encrypted_pdf, scan, text_pdf

TODAY = "2026-12-06"


def answers_with_files(folder: Path, documents: dict[str, Any], **extra: Any) -> Path:
    data = lighting() | {"documents": documents} | extra
    path = folder / "answers.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def attach_lighting(folder: Path) -> Path:
    """The lighting example with a 3-page text PDF on one document of credit_insurance and a JPEG on another."""
    (folder / "files").mkdir()
    (folder / "files" / "保费发票汇总.pdf").write_bytes(text_pdf(3, "Invoice summary page"))
    (folder / "files" / "银行账户.jpg").write_bytes(scan(1654, 2339))
    return answers_with_files(
        folder,
        {
            "credit_insurance": {
                "premium_invoice_summary": {"state": "have", "files": ["files/保费发票汇总.pdf"]},
                "bank_account_form": {"state": "have", "files": ["files/银行账户.jpg"]},
                "credit_report": {"state": "help", "note": "等市场监管局打印"},
            }
        },
    )


def pages_text(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def test_the_dossier_holds_front_pages_then_the_attached_pages_each_numbered(tmp_path: Path) -> None:
    answers = attach_lighting(tmp_path)
    code, out, err = run("dossier", str(answers), "--out", str(tmp_path / "out"), "--today", TODAY)
    assert (code, err) == (0, "")
    [written] = list((tmp_path / "out").glob("*.pdf"))
    assert out.strip() == f"已写入：{written}"
    assert "短期出口信用保险保费支持" in written.name and "明辉灯饰" in written.name
    texts = pages_text(written)
    total = len(texts)
    contents = next(i for i, t in enumerate(texts) if t.lstrip().startswith("目录") or "\n目录" in t[:40])
    sheet = next(i for i, t in enumerate(texts) if "申报信息表" in t and "不是正式申报表本身" in t)
    assert "申报材料" in texts[0] and contents == 1 and sheet == 2
    for number, text in enumerate(texts, start=1):
        assert f"第 {number} 页 共 {total} 页" in text or f"第{number}页共{total}页" in text.replace(" ", "")
    # the 目录 names the page each document starts on, and that page holds it
    rows = texts[contents]
    summary_page = int(re.search(r"申报信息表\s*(\d+)", rows).group(1))  # type: ignore[union-attr]
    invoice_page = int(re.search(r"保费发票汇总\.pdf（3 页）\s*已备\s*(\d+)", rows).group(1))  # type: ignore[union-attr]
    assert summary_page == sheet + 1
    sheet_pages = invoice_page - summary_page
    assert sheet_pages >= 1 and total == 1 + 1 + sheet_pages + 3 + 1  # cover, 目录, sheet, 3 PDF pages, 1 image
    assert "Invoice summary page 1" in texts[invoice_page - 1]
    assert "Invoice summary page 3" in texts[invoice_page + 1]
    image_page = PdfReader(written).pages[total - 1]
    assert any(
        x.get("/Subtype") == "/Image"
        for x in image_page["/Resources"]["/XObject"].values()  # type: ignore[union-attr]
    )
    assert "缺" in rows and "需协助" in rows  # documents without a file are listed with their state
    assert "Invoice summary page 2" in texts[invoice_page]  # attached text stays extractable


def test_the_dossier_passes_qpdf_and_stays_near_the_size_of_its_inputs(tmp_path: Path) -> None:
    answers = attach_lighting(tmp_path)
    assert run("dossier", str(answers), "--out", str(tmp_path / "out"), "--today", TODAY)[0] == 0
    [written] = list((tmp_path / "out").glob("*.pdf"))
    inputs = sum(p.stat().st_size for p in (tmp_path / "files").iterdir())
    assert written.stat().st_size <= 1.1 * inputs + 300 * 1024
    if shutil.which("qpdf") is None:
        pytest.skip("qpdf is not installed")
    checked = subprocess.run(["qpdf", "--check", str(written)], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_dossier_in_english(tmp_path: Path) -> None:
    answers = attach_lighting(tmp_path)
    code, out, _ = run("--lang", "en", "dossier", str(answers), "--out", str(tmp_path / "out"), "--today", TODAY)
    assert code == 0 and out.startswith("Written: ")
    [written] = list((tmp_path / "out").glob("*.pdf"))
    texts = pages_text(written)
    assert "Application dossier" in texts[0] and "Contents" in texts[1]
    assert "it is not that form" in " ".join(texts[2].split())
    assert f"Page 1 of {len(texts)}" in texts[0]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("gone.pdf", None, "文件不存在"),
        ("合同.pdf", b"PK\x03\x04 a word file", "不是 PDF、JPEG 或 PNG 文件"),
        ("加密.pdf", encrypted_pdf(), "PDF 已加密"),
        ("scan.jpg", text_pdf(1), "文件名说它是JPEG 图片，内容却是PDF"),
    ],
)
def test_a_file_that_cannot_be_bound_is_named_with_its_document_and_nothing_is_written(
    tmp_path: Path, name: str, content: bytes | None, reason: str
) -> None:
    if content is not None:
        (tmp_path / name).write_bytes(content)
    (tmp_path / "ok.pdf").write_bytes(text_pdf(1))
    answers = answers_with_files(
        tmp_path,
        {"aeo": {"aeo_certificate": {"state": "have", "files": [name]}, "application_form": {"files": ["ok.pdf"]}}},
    )
    code, out, err = run("dossier", str(answers), "--out", str(tmp_path / "out"), "--today", TODAY)
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0].startswith(f"answers.json: documents.aeo.aeo_certificate: 文件 {name}：") and reason in lines[0]
    assert "未生成申报材料" in lines[1] and len(lines) == 2
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_with_partial_the_rest_is_bound_and_the_contents_say_what_was_not(tmp_path: Path) -> None:
    (tmp_path / "ok.pdf").write_bytes(text_pdf(2, "Certificate page"))
    answers = answers_with_files(
        tmp_path,
        {"aeo": {"aeo_certificate": {"state": "have", "files": ["ok.pdf", "gone.pdf"]}}},
    )
    code, _, err = run("dossier", str(answers), "--out", str(tmp_path / "out"), "--today", TODAY, "--partial")
    assert code == 0 and "gone.pdf" in err
    [written] = list((tmp_path / "out").glob("*.pdf"))
    texts = pages_text(written)
    assert "未能装订：gone.pdf（文件不存在）" in texts[1].replace("\n", "")
    assert "Certificate page 2" in texts[-1]


def test_a_link_out_of_the_answers_folder_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside.pdf"
    outside.write_bytes(text_pdf(1, "Secret"))
    folder = tmp_path / "answers"
    folder.mkdir()
    (folder / "link.pdf").symlink_to(outside)
    answers = answers_with_files(folder, {"aeo": {"aeo_certificate": {"files": ["link.pdf"]}}})
    code, _, err = run("dossier", str(answers), "--out", str(tmp_path / "out"), "--today", TODAY)
    assert code == 2 and "指向答卷文件所在文件夹以外" in err


def test_no_documents_recorded_nothing_to_bind(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps(lighting(), ensure_ascii=False), encoding="utf-8")
    code, _, err = run("dossier", str(path), "--out", str(tmp_path / "out"))
    assert code == 2 and "没有记录任何申报材料" in err


def test_a_training_guide_marks_the_dossier(tmp_path: Path) -> None:
    answers = attach_lighting(tmp_path)
    args = ("dossier", str(answers), "--out", str(tmp_path / "out"), "--today", TODAY)
    assert run(*args, "--guide", "zhongshan-2025-training")[0] == 0
    [written] = list((tmp_path / "out").glob("*.pdf"))
    texts = pages_text(written)
    assert "【培训示例】申报材料" in texts[0] and "虚构" in texts[0]
    assert all("【培训示例】" in t for t in texts[:3])  # every front page's header says so


def test_the_checklist_ticks_the_boxes_of_documents_recorded_as_ready(tmp_path: Path) -> None:
    answers = answers_with_files(
        tmp_path,
        {
            "credit_insurance": {"application_form": {"state": "have"}, "bank_account_form": {"state": "help"}},
            "aeo": {"aeo_certificate": {"state": "have"}, "application_form": {"state": "missing"}},
        },
    )
    pdf = tmp_path / "checklist.pdf"
    assert run("assess", str(answers), "--pdf", str(pdf), "--today", TODAY)[0] == 0
    tick = re.compile(rb"m [\d.]+ [\d.]+ l [\d.]+ [\d.]+ l\s+S")  # the tick's two strokes, a box is `re`
    ticks = 0
    for page in PdfReader(pdf).pages:
        contents = page.get_contents()
        assert contents is not None
        ticks += len(tick.findall(contents.get_data()))
    assert ticks == 2  # 申报表 of credit insurance and the AEO certificate; 需协助 and 缺 stay empty
