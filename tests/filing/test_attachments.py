"""What may be attached (issue 20): PDF, JPEG and PNG, recognised by content, within their limits; a
file that is not what its name says, an encrypted or damaged PDF or an oversized file is refused in one
sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.attachments import (
    MAX_FILE_BYTES,
    PDF,
    AttachmentRefusedError,
    check_bytes,
    check_file,
    shown_name,
)
from desktop.wording.problems import word
from tests.conftest import raises_saying
from tests.filing.files import encrypted_pdf, scan, text_pdf


def test_a_text_pdf_is_checked_with_its_pages_and_digest() -> None:
    checked = check_bytes("保费发票汇总.pdf", text_pdf(3))
    assert (checked.media_type, checked.pages, checked.name) == (PDF, 3, "保费发票汇总.pdf")
    assert len(checked.sha256) == 64 and checked.size == len(checked.data)


@pytest.mark.parametrize(("name", "kind"), [("scan.jpg", "JPEG"), ("SCAN.JPEG", "JPEG"), ("铭牌.png", "PNG")])
def test_images_are_checked_with_their_size(name: str, kind: str) -> None:
    checked = check_bytes(name, scan(400, 600, kind))
    assert (checked.pages, checked.width, checked.height) == (1, 400, 600)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("合同.pdf", b"PK\x03\x04 a word file", "不是 PDF、JPEG 或 PNG 文件"),
        ("合同.pdf", scan(50, 50), "文件名说它是PDF，内容却是JPEG 图片"),
        ("scan.jpg", text_pdf(1), "文件名说它是JPEG 图片，内容却是PDF"),
        ("scan.docx", text_pdf(1), "文件名的扩展名不是 .pdf、.jpg、.jpeg 或 .png"),
        ("加密.pdf", encrypted_pdf(), "PDF 已加密"),
        ("坏.pdf", b"%PDF-1.4\n1 0 obj <<>> garbage", "PDF 文件已损坏或无法读取"),
        ("半张.jpg", scan(400, 600)[:3000], "JPEG 图片已损坏或无法读取"),
        ("空.pdf", b"", "文件是空的"),
    ],
)
def test_a_file_that_cannot_be_bound_is_refused_with_the_reason(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(AttachmentRefusedError) as caught:
        check_bytes(name, data)
    assert reason in word(caught.value.problem)


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    with big.open("wb") as out:
        out.truncate(MAX_FILE_BYTES + 1)
    with raises_saying(AttachmentRefusedError, match="文件过大"):
        check_file(big)


def test_a_huge_image_is_refused_from_its_header() -> None:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("1", (20_001, 10)).save(buffer, "PNG")
    with raises_saying(AttachmentRefusedError, match="图片过大"):
        check_bytes("x.png", buffer.getvalue())


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with raises_saying(AttachmentRefusedError, match="无法读取文件"):
        check_file(tmp_path / "gone.pdf")


@pytest.mark.parametrize(
    ("given", "kept"),
    [("../../etc/passwd.pdf", "passwd.pdf"), ("C:\\scans\\a.jpg", "a.jpg"), ("a\x1b[31m.pdf", "a[31m.pdf")],
)
def test_a_name_is_kept_without_its_path_or_control_characters(given: str, kept: str) -> None:
    assert shown_name(given) == kept
