"""Files attached to an application's documents: checked before anything is stored or bound.

A clerk attaches scans and PDFs: certificates, invoice summaries, contracts, bank slips. What may be
attached, and the limits checked first (the README's "Attached files" lists them):
- PDF, JPEG or PNG, recognised by their content; a name whose extension says another kind is refused
  (a `.pdf` that is a Word file, a `.jpg` that is a PDF) — the bureau would not open it either;
- at most 50 MB a file and 500 MB for all the files of one assessment (a 200-dpi A4 scan is 0.5–1.5 MB,
  a 40-page invoice summary a few MB);
- a PDF of at most 500 pages, not encrypted (the dossier could not number its pages, nor the bureau
  print it), and readable to the last page (a damaged one is refused, named);
- an image of at most 60 million pixels (A4 at 600 dpi is 35 million) and 20,000 pixels a side.
Each refusal is one sentence naming what is wrong; the caller adds the file and the document.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePath

from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from desktop.engine.filing import FileRef
from desktop.problems import Problem, ProblemError, Term
from desktop.quoting import encodable
from desktop.safe_read import MIB, FileRefusedError, inside, read_regular_file, size_text

MAX_FILE_BYTES = 50 * MIB
MAX_ASSESSMENT_BYTES = 500 * MIB
MAX_PDF_PAGES = 500
MAX_IMAGE_PIXELS = 60_000_000
MAX_IMAGE_SIDE = 20_000
MAX_NAME = 200
"""Characters of an attached file's name as kept (the name is shown and printed, never used as a path)."""

PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"
EXTENSIONS = {".pdf": PDF, ".jpg": JPEG, ".jpeg": JPEG, ".png": PNG}
KIND_NAMES = {PDF: Term("file_kind.pdf"), JPEG: Term("file_kind.jpeg"), PNG: Term("file_kind.png")}
"""What a kind of file is called in a message: PDF, JPEG 图片 / JPEG image, PNG 图片 / PNG image."""


class AttachmentRefusedError(ProblemError):
    """A file that cannot be attached; its problem says why in one sentence, without the file's name."""


@dataclass(frozen=True)
class CheckedFile:
    """A file fit to attach: its content, and what the dossier needs to know of it."""

    name: str
    media_type: str
    data: bytes
    sha256: str
    pages: int
    width: int = 0
    height: int = 0

    @property
    def size(self) -> int:
        return len(self.data)


def shown_name(name: str) -> str:
    """The name as kept: its last part only (never a path), no control characters, at most MAX_NAME."""
    base = PurePath(name.replace("\\", "/")).name or "未命名"
    cleaned = "".join(ch for ch in encodable(base) if ch.isprintable())
    if len(cleaned) > MAX_NAME:
        stem, dot, ext = cleaned.rpartition(".")
        cleaned = (stem[: MAX_NAME - len(ext) - 1] + dot + ext) if dot and len(ext) <= 5 else cleaned[:MAX_NAME]
    return cleaned


def sniff(data: bytes) -> str | None:
    """The kind of file the content is (PDF, JPEG, PNG), or None."""
    if data[:1024].lstrip(b"\x00\t\n\r ").startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return PDF
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    return None


def check_bytes(name: str, data: bytes) -> CheckedFile:
    """The file checked: kind, size, pages or pixels. Raises AttachmentRefusedError."""
    if len(data) > MAX_FILE_BYTES:
        too_large = Problem("attachment.too_large", size=size_text(len(data)), limit=size_text(MAX_FILE_BYTES))
        raise AttachmentRefusedError(too_large)
    if not data:
        raise AttachmentRefusedError(Problem("attachment.empty"))
    shown = shown_name(name)
    kind = sniff(data)
    expected = EXTENSIONS.get(PurePath(shown).suffix.lower())
    if kind is None:
        raise AttachmentRefusedError(Problem("attachment.kind"))
    if expected is None:
        raise AttachmentRefusedError(Problem("attachment.extension", kind=KIND_NAMES[kind]))
    if expected != kind:
        raise AttachmentRefusedError(Problem("attachment.mismatch", named=KIND_NAMES[expected], kind=KIND_NAMES[kind]))
    digest = hashlib.sha256(data).hexdigest()
    if kind == PDF:
        return CheckedFile(shown, kind, data, digest, _pdf_pages(data))
    width, height = _image_size(data, kind)
    return CheckedFile(shown, kind, data, digest, 1, width, height)


def check_file(path: Path) -> CheckedFile:
    """Read (a regular file, within the size limit) and check a file on disk. Raises AttachmentRefusedError."""
    try:
        data = read_regular_file(path, MAX_FILE_BYTES)
    except FileRefusedError as exc:
        raise AttachmentRefusedError(*exc.problems) from None
    return check_bytes(path.name, data)


def _pdf_pages(data: bytes) -> int:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pypdf warns of repaired cross-reference tables; we only count
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                raise AttachmentRefusedError(Problem("attachment.encrypted"))
            count = len(reader.pages)
            if count > MAX_PDF_PAGES:
                raise AttachmentRefusedError(Problem("attachment.pages", count=f"{count:,}", limit=MAX_PDF_PAGES))
            for page in reader.pages:  # every page must open: the dossier copies and numbers each one
                _ = page.mediabox.width, page.mediabox.height
    except AttachmentRefusedError:
        raise
    except (PdfReadError, PyPdfError, ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError):
        raise AttachmentRefusedError(Problem("attachment.pdf_damaged")) from None
    if count == 0:
        raise AttachmentRefusedError(Problem("attachment.pdf_empty"))
    return count


def _image_size(data: bytes, kind: str) -> tuple[int, int]:
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size  # from the header: nothing decoded yet
            if width > MAX_IMAGE_SIDE or height > MAX_IMAGE_SIDE or width * height > MAX_IMAGE_PIXELS:
                raise AttachmentRefusedError(
                    Problem(
                        "attachment.image_size",
                        width=f"{width:,}",
                        height=f"{height:,}",
                        megapixels=f"{MAX_IMAGE_PIXELS // 1_000_000:,}",
                        side=f"{MAX_IMAGE_SIDE:,}",
                    )
                )
            if kind == JPEG:
                # decoded at an eighth of its size: the whole stream is read (a truncated scan is caught here,
                # not when the bureau prints it) at a fraction of the time and memory
                image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                image.load()
            else:
                image.verify()  # every chunk and its checksum, to the end
    except AttachmentRefusedError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise AttachmentRefusedError(Problem("attachment.image_damaged", kind=KIND_NAMES[kind])) from None
    if width == 0 or height == 0:
        raise AttachmentRefusedError(Problem("attachment.image_empty", kind=KIND_NAMES[kind]))
    return width, height


FileLoader = Callable[[FileRef], CheckedFile]
"""Reads and checks one attached file (from the database, or beside an answers file); raises
AttachmentRefusedError with the problem."""


def files_beside(answers_file: Path) -> FileLoader:
    """Files named in an answers file: relative to its folder, and never outside it (a link that leads
    elsewhere is refused, as a path with `..` is when the answers file is read)."""
    folder = answers_file.resolve().parent

    def load(ref: FileRef) -> CheckedFile:
        path = folder / ref.path
        if not inside(path, folder):
            raise AttachmentRefusedError(Problem("attachment.outside"))
        if not path.exists():
            raise AttachmentRefusedError(Problem("attachment.missing"))
        return check_file(path)

    return load
