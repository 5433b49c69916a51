"""One bound dossier per application: cover, 目录, the application summary sheet, then every attached
file in the list's order, every page numbered "第 N 页 共 M 页".

What the clerk used to do by hand for days (copy, order, write a table of contents, number the pages) for
the two paper copies the town office wants and the upload the platform wants. Attached PDF pages are kept
as they are (text stays searchable, nothing is rasterised; only the page number is stamped on them);
each image is placed on an A4 page (portrait or landscape, as it is) at its true proportions, a JPEG
embedded as it is. A document with no file is listed on the 目录 with its state (缺, 需协助, or held on
paper). The summary sheet says plainly that it is the program's summary for filling in the bureau's
official form, not that form.

The front pages are laid out twice: once to count them (the 目录 names page numbers that depend on how
many pages come before), once for real; both passes take some tens of milliseconds.
"""

from __future__ import annotations

import datetime as dt
import io
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PIL import Image
from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, NumberObject, StreamObject
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from desktop import __version__
from desktop.attachments import JPEG, PDF, AttachmentRefusedError, CheckedFile, FileLoader
from desktop.engine.filing import DOCUMENT_STATE_WORDS, DocumentRecord, TrackedDocument, tracked_documents
from desktop.engine.result import Assessment, ItemResult
from desktop.filenames import safe_stem
from desktop.policy.model import Lang
from desktop.policy.towns import shown_town
from desktop.problems import Problem
from desktop.report.cells import cell, lines_cell, plain_cells
from desktop.report.checklist import render_guarded
from desktop.report.flowables import LabelledText, WriteLine, plain_paragraph, write_on
from desktop.report.fonts import BOLD, REGULAR, printable, register_fonts
from desktop.report.labels import article_label, label
from desktop.report.layout import GREY, RULE, SHADE, PageDecor, content_width, render, styles
from desktop.wording import vocabulary
from desktop.wording.applying import EXAMPLE, channel_text, contact_text, reading_text, titled, window_detail
from desktop.wording.problems import word

IMAGE_MARGIN = 12 * mm
STAMP_SIZE = 8.5
STAMP_FROM_BOTTOM = 6 * mm


@dataclass(frozen=True)
class BoundDocument:
    """One document of the application as it goes into the dossier: what was recorded of it, the files
    that could be read (in order), and those that could not, each with the reason."""

    tracked: TrackedDocument
    files: tuple[CheckedFile, ...] = ()
    refused: tuple[tuple[str, Problem], ...] = ()
    """(file name, reason) of files that could not be bound."""

    @property
    def pages(self) -> int:
        return sum(f.pages for f in self.files)


@dataclass(frozen=True)
class Dossier:
    """Everything one dossier is made of."""

    result: Assessment
    item: ItemResult
    documents: tuple[BoundDocument, ...]
    today: dt.date
    lang: Lang = "zh"
    claim_reference: str = ""
    extra_notes: tuple[str, ...] = field(default_factory=tuple)


def _p(text: str, style: str = "body") -> Paragraph:
    return plain_paragraph(printable(text), styles()[style])


def _labelled(key: str, text: str, lang: Lang) -> LabelledText:
    return LabelledText(
        printable(label(key, lang)), styles()["label"], plain_paragraph(printable(text), styles()["field"])
    )


def _example(dossier: Dossier) -> str:
    guide = dossier.result.guide
    return EXAMPLE.get(dossier.lang) if guide is not None and guide.example else ""


# -- the front pages -------------------------------------------------------------------------------------
def _cover(dossier: Dossier, total_pages: int) -> list[Flowable]:
    lang, result, item = dossier.lang, dossier.result, dossier.item
    e = result.enterprise
    title = titled(item, result).get(lang)
    lines: list[Flowable] = [
        Spacer(1, 40 * mm),
        _p(_example(dossier) + label("dossier_title", lang), "title"),
        Spacer(1, 6 * mm),
        _p(f"{article_label(item.article, item.article_label, lang)} · {title}", "h1"),
        _p(result.pack_title.get(lang), "body"),
        Spacer(1, 20 * mm),
    ]
    rows = [
        (label("enterprise", lang), e.name or label("not_given", lang)),
        (label("credit_code", lang), e.credit_code or label("not_given", lang)),
        (label("dossier_round", lang), _round(dossier)),
        (label("dossier_made_on", lang), dossier.today.isoformat()),
        (label("dossier_pages", lang), label("dossier_page_count", lang, pages=total_pages)),
    ]
    if dossier.claim_reference:
        rows.append((label("dossier_reference", lang), dossier.claim_reference))
    width = content_width()
    table = Table(
        [[cell(k, "cell_head", 40 * mm), cell(v, "cell", width - 40 * mm)] for k, v in rows],
        colWidths=[40 * mm, width - 40 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                *plain_cells(head_rows=0),
                ("FONTNAME", (0, 0), (0, -1), BOLD),
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("BACKGROUND", (0, 0), (0, -1), SHADE),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    lines += [table, Spacer(1, 12 * mm), _p(label("dossier_cover_note", lang), "small")]
    if _example(dossier):
        lines.append(_p(_example(dossier) + label("dossier_example_note", lang), "warning"))
    return [*lines, PageBreak()]


def _round(dossier: Dossier) -> str:
    guide = dossier.result.guide
    if guide is None:
        return label("none", dossier.lang)
    return _example(dossier) + guide.round.get(dossier.lang)


def _state_word(document: BoundDocument, lang: Lang) -> str:
    if document.files:
        return DOCUMENT_STATE_WORDS["have"].get(lang)
    record = document.tracked.record
    if record.state == "have":
        return label("dossier_on_paper", lang)  # ready, but no file attached: the paper original goes along
    return DOCUMENT_STATE_WORDS[record.state].get(lang)


def _contents(dossier: Dossier, summary_page: int, first_pages: Sequence[int | None]) -> list[Flowable]:
    lang = dossier.lang
    width = content_width()
    widths = [12 * mm, width - 12 * mm - 28 * mm - 22 * mm, 28 * mm, 22 * mm]
    head = [
        label("col_no", lang),
        label("dossier_document", lang),
        label("col_status", lang),
        label("dossier_page", lang),
    ]
    rows: list[list[Any]] = [[cell(h, "cell_head", w) for h, w in zip(head, widths, strict=True)]]
    rows.append(["", cell(label("dossier_summary", lang), "cell", widths[1]), "", str(summary_page)])
    for number, (document, first) in enumerate(zip(dossier.documents, first_pages, strict=True), start=1):
        name = document.tracked.text.get(lang)
        if not document.tracked.listed:
            name += label("dossier_added", lang)
        details = [name]
        details += [f"  · {f.name}（{label('dossier_file_pages', lang, pages=f.pages)}）" for f in document.files]
        details += [f"  · {label('dossier_refused', lang, name=n, reason=word(r, lang))}" for n, r in document.refused]
        if document.tracked.record.note:
            details.append(f"  {label('dossier_note', lang)}{document.tracked.record.note}")
        rows.append(
            [
                str(number),
                lines_cell(details, "cell", widths[1]),
                cell(_state_word(document, lang), "cell", widths[2]),
                str(first) if first is not None else label("none", lang),
            ]
        )
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                *plain_cells(),
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (3, 0), (3, -1), "RIGHT"),
                ("ALIGN", (0, 0), (0, -1), "RIGHT"),
            ]
        )
    )
    missing = [d for d in dossier.documents if not d.files]
    story: list[Flowable] = [_p(label("dossier_contents", lang), "h1"), table]
    if missing:
        story += [Spacer(1, 2 * mm), _p(label("dossier_missing_note", lang, count=len(missing)), "small")]
    return [*story, PageBreak()]


def _sheet(dossier: Dossier, first_pages: Sequence[int | None]) -> list[Flowable]:
    """申报信息表: the program's summary to fill in the bureau's official form from."""
    lang, result, item = dossier.lang, dossier.result, dossier.item
    e = result.enterprise
    story: list[Flowable] = [
        _p(_example(dossier) + label("dossier_summary", lang), "h1"),
        _p(label("dossier_summary_note", lang), "warning"),
    ]
    width = content_width()
    key_w = 34 * mm

    def table(rows: list[tuple[str, str]]) -> Table:
        t = Table(
            [[cell(k, "cell_head", key_w), cell(v, "cell", width - key_w)] for k, v in rows],
            colWidths=[key_w, width - key_w],
        )
        t.setStyle(
            TableStyle(
                [
                    *plain_cells(head_rows=0),
                    ("FONTNAME", (0, 0), (0, -1), BOLD),
                    ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                    ("BACKGROUND", (0, 0), (0, -1), SHADE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return t

    missing = label("not_given", lang)
    story += [
        _p(label("dossier_part_enterprise", lang), "label"),
        table(
            [
                (label("enterprise", lang), e.name or missing),
                (label("credit_code", lang), e.credit_code or missing),
                (label("town", lang), shown_town(e.town, lang) or missing),
                (label("contact", lang), e.contact or missing),
                (label("phone", lang), e.phone or missing),
            ]
        ),
        _p(label("dossier_part_item", lang), "label"),
        table(
            [
                (label("col_article", lang), article_label(item.article, item.article_label, lang)),
                (label("col_item", lang), titled(item, result).get(lang)),
                (label("policy", lang), result.pack_title.get(lang)),
                (label("dossier_source", lang), item.source),
                (label("units", lang), item.units_text(lang) or missing),
            ]
        ),
    ]
    amount = _amount(item, lang)
    story += [_p(label("dossier_part_amount", lang), "label"), table([(label("dossier_amount", lang), amount)])]
    steps = [s.get(lang) for s in item.steps if s.get(lang)]
    if steps:
        story += [_p(label("explanation", lang), "label"), *[_bullet(s) for s in steps]]
    readings = [reading_text(r, lang) for r in item.readings]
    if readings:
        story += [_p(label("reading", lang), "label"), *[_bullet(r, "reading") for r in readings]]
    arrangements: list[tuple[str, str]] = [(label("guide", lang), _round(dossier))]
    for key, text in (
        ("window", window_detail(item, result, dossier.today)),
        ("channel", channel_text(item, result)),
        ("contact_office", None if item.item_guide is None else contact_text(item.item_guide.contact)),
    ):
        if text is not None:
            arrangements.append((label(key, lang), text.get(lang)))
    story += [CondPageBreak(30 * mm), _p(label("dossier_part_application", lang), "label"), table(arrangements)]
    listed = []
    for number, (document, first) in enumerate(zip(dossier.documents, first_pages, strict=True), start=1):
        where = label("dossier_from_page", lang, page=first) if first is not None else _state_word(document, lang)
        listed.append((str(number), f"{document.tracked.text.get(lang)}{_colon(lang)}{where}"))
    story += [CondPageBreak(30 * mm), _p(label("dossier_part_documents", lang), "label"), table(listed)]
    story += _commitment(lang)
    return [*story, PageBreak()]


def _colon(lang: Lang) -> str:
    return ": " if lang == "en" else "："


def _amount(item: ItemResult, lang: Lang) -> str:
    if item.amount is None:
        return label("unquantified", lang)
    said = vocabulary.yuan_and_large(item.amount, lang)  # in English, RMB millions only from a million
    if item.status == "to_confirm":
        said += label("dossier_to_confirm", lang)
    elif item.basis == "up_to":
        said = label("dossier_up_to", lang, amount=said)
    return said


def _bullet(text: str, style: str = "bullet") -> Paragraph:
    return plain_paragraph(printable(text), styles()[style], bullet="•")


def _commitment(lang: Lang) -> list[Flowable]:
    body = styles()["body"]
    names = [label(k, lang) for k in ("dossier_legal_rep", "dossier_handler", "date")]
    name_widths = [stringWidth(n, body.fontName, body.fontSize) + 2 * mm for n in names]
    rest = content_width() - sum(name_widths)
    line = rest / 3 - 3 * mm
    row = [_p(names[0]), WriteLine(line), _p(names[1]), WriteLine(line), _p(names[2]), WriteLine(line)]
    sign = write_on(row, [name_widths[0], rest / 3, name_widths[1], rest / 3, name_widths[2], rest / 3])
    seal_w = stringWidth(label("seal", lang), body.fontName, body.fontSize) + 2 * mm
    stamp = write_on([_p(label("seal", lang)), WriteLine(50 * mm)], [seal_w, 50 * mm], "RIGHT")
    return [
        CondPageBreak(42 * mm),
        _p(label("dossier_part_commitment", lang), "label"),
        _p(label("dossier_commitment", lang)),
        _p(label("dossier_commitment_source", lang), "small"),
        Spacer(1, 7 * mm),
        sign,
        Spacer(1, 6 * mm),
        stamp,
    ]


def _front_story(dossier: Dossier, total: int, summary_page: int, first_pages: Sequence[int | None]) -> list[Flowable]:
    return [*_cover(dossier, total), *_contents(dossier, summary_page, first_pages), *_sheet(dossier, first_pages)]


def _decor(dossier: Dossier) -> PageDecor:
    e = dossier.result.enterprise
    header = "  ".join(p for p in (e.name, titled(dossier.item, dossier.result).get(dossier.lang)) if p)
    return PageDecor(
        header=_example(dossier) + header,
        footer_left="",
        footer_right=label("footer_program", dossier.lang, version=__version__),
        page_label=lambda page, pages: "",  # numbered with the attached pages, by `_stamp`
        dated=dossier.today,
    )


def _render_front(dossier: Dossier, total: int, summary_page: int, first_pages: Sequence[int | None]) -> bytes:
    title = label("dossier_title", dossier.lang)
    return render_guarded(
        lambda: render(
            _front_story(dossier, total, summary_page, first_pages),
            _decor(dossier),
            title=f"{title} - {dossier.result.enterprise.name}",
            subject=dossier.item.title.get(dossier.lang),
        )
    )


def _page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def _layout(dossier: Dossier) -> tuple[bytes, int, list[int | None]]:
    """The front pages, with the page numbers they name: the attached pages start after them."""
    attached = sum(d.pages for d in dossier.documents)
    guess: list[int | None] = [999 if d.files else None for d in dossier.documents]
    front = _render_front(dossier, 999, 999, guess)
    summary_page = _summary_page(dossier)
    for _ in range(3):  # the numbers' widths could move a line to another page: lay out until it holds
        count = _page_count(front)
        first_pages: list[int | None] = []
        page = count + 1
        for document in dossier.documents:
            first_pages.append(page if document.files else None)
            page += document.pages
        total = count + attached
        front = _render_front(dossier, total, summary_page, first_pages)
        if _page_count(front) == count:
            return front, total, first_pages
    raise RuntimeError("the dossier's front pages do not settle")  # not seen: three passes always sufficed


def _summary_page(dossier: Dossier) -> int:
    """The sheet follows the cover and the 目录: count the 目录's pages by laying out the cover and it alone."""
    cover_and_contents = render(
        [*_cover(dossier, 999), *_contents(dossier, 999, [999 if d.files else None for d in dossier.documents])],
        _decor(dossier),
        title="",
        subject="",
    )
    return _page_count(cover_and_contents) + 1


# -- the attached files ----------------------------------------------------------------------------------
def _image_page_size(image: CheckedFile) -> tuple[tuple[float, float], tuple[float, float, float, float]]:
    """The A4 page an image goes on (landscape for a wide one) and where it sits on it: centred, as large
    as the margins allow, at its true proportions."""
    page = landscape(A4) if image.width > image.height else A4
    room_w, room_h = page[0] - 2 * IMAGE_MARGIN, page[1] - 2 * IMAGE_MARGIN
    scale = min(room_w / image.width, room_h / image.height)
    w, h = image.width * scale, image.height * scale
    return (float(page[0]), float(page[1])), ((page[0] - w) / 2, (page[1] - h) / 2, w, h)


def _image_pages(files: Sequence[CheckedFile]) -> bytes:
    """Each image on an A4 page of its own, drawn by ReportLab (PNG: its pixels are re-compressed)."""
    buffer = io.BytesIO()
    drawing = Canvas(buffer, pagesize=A4, invariant=1)
    for image in files:
        page, (x, y, w, h) = _image_page_size(image)
        drawing.setPageSize(page)
        drawing.drawImage(ImageReader(io.BytesIO(image.data)), x, y, width=w, height=h)
        drawing.showPage()
    drawing.save()
    return buffer.getvalue()


def _jpeg_page(writer: PdfWriter, image: CheckedFile) -> PageObject:
    """A JPEG on an A4 page of its own, its bytes embedded as they are (DCTDecode): nothing decoded, nothing
    lost, nothing grown. ReportLab would decode every scan to digest its pixels (70 ms a scan)."""
    with Image.open(io.BytesIO(image.data)) as opened:
        mode = opened.mode
    space = {"L": "/DeviceGray", "CMYK": "/DeviceCMYK"}.get(mode, "/DeviceRGB")
    stream = StreamObject()
    stream.set_data(image.data)
    stream.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(image.width),
            NameObject("/Height"): NumberObject(image.height),
            NameObject("/ColorSpace"): NameObject(space),
            NameObject("/BitsPerComponent"): NumberObject(8),
            NameObject("/Filter"): NameObject("/DCTDecode"),
        }
    )
    if mode == "CMYK":  # Adobe's CMYK JPEGs store inverted values; Photoshop and scanners write them so
        stream[NameObject("/Decode")] = ArrayObject([FloatObject(v) for v in (1, 0, 1, 0, 1, 0, 1, 0)])
    (width, height), (x, y, w, h) = _image_page_size(image)
    page = PageObject.create_blank_page(writer, width, height)
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/XObject"): DictionaryObject({NameObject("/Im0"): writer._add_object(stream)})}
    )
    content = StreamObject()
    content.set_data(f"q {w:.4f} 0 0 {h:.4f} {x:.4f} {y:.4f} cm /Im0 Do Q".encode("ascii"))
    page[NameObject("/Contents")] = writer._add_object(content)
    return page


def _stamp_overlay(sizes: Sequence[tuple[float, float]], lang: Lang) -> PdfReader:
    """One page per page of the dossier, as large as it, with "第 N 页 共 M 页" at the bottom centre on a
    white patch (scans fill their pages: the number must stay legible on them)."""
    register_fonts()
    buffer = io.BytesIO()
    drawing = Canvas(buffer, invariant=1)
    total = len(sizes)
    for number, (width, height) in enumerate(sizes, start=1):
        drawing.setPageSize((width, height))
        text = label("page", lang, page=number, pages=total)
        text_w = stringWidth(text, REGULAR, STAMP_SIZE)
        drawing.setFillColorRGB(1, 1, 1)
        drawing.rect(
            (width - text_w) / 2 - 2 * mm,
            STAMP_FROM_BOTTOM - 1.5 * mm,
            text_w + 4 * mm,
            STAMP_SIZE + 2 * mm,
            stroke=0,
            fill=1,
        )
        drawing.setFillColor(GREY)
        drawing.setFont(REGULAR, STAMP_SIZE)
        drawing.drawCentredString(width / 2, STAMP_FROM_BOTTOM, text)
        drawing.showPage()
    drawing.save()
    return PdfReader(io.BytesIO(buffer.getvalue()))


def dossier_bytes(dossier: Dossier) -> bytes:
    """The dossier as one PDF."""
    front, total, _first = _layout(dossier)
    writer = PdfWriter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pypdf's notes on repaired files it reads anyway
        for page in PdfReader(io.BytesIO(front)).pages:
            writer.add_page(page)
        for document in dossier.documents:
            for attached in document.files:
                if attached.media_type == PDF:
                    for page in PdfReader(io.BytesIO(attached.data), strict=False).pages:
                        writer.add_page(page)
                elif attached.media_type == JPEG:
                    writer.add_page(_jpeg_page(writer, attached))
                else:
                    for page in PdfReader(io.BytesIO(_image_pages([attached]))).pages:
                        writer.add_page(page)
        pages: list[PageObject] = list(writer.pages)
        assert len(pages) == total, (len(pages), total)
        for page in pages:
            if page.get("/Rotate"):
                page.transfer_rotation_to_content()  # the number goes at the foot of the page as it is seen
        sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in pages]
        overlay = _stamp_overlay(sizes, dossier.lang)
        for page, stamp in zip(pages, overlay.pages, strict=True):
            left, bottom = float(page.mediabox.left), float(page.mediabox.bottom)
            page.merge_transformed_page(stamp, Transformation().translate(left, bottom), over=True)
        writer.add_metadata(
            {
                "/Title": printable(f"{label('dossier_title', dossier.lang)} - {dossier.result.enterprise.name}"),
                "/Creator": "zs-trade-support",
            }
        )
        writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
        out = io.BytesIO()
        writer.write(out)
    return out.getvalue()


# -- gathering the files ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Refusal:
    """A file that could not be bound: which item, document and file, and why."""

    item_id: str
    document_id: str
    name: str
    reason: Problem


def bound_documents(
    item: ItemResult, records: Mapping[str, DocumentRecord], load: FileLoader
) -> tuple[tuple[BoundDocument, ...], list[Refusal]]:
    """The item's documents in the list's order (then those added), each with its files read and checked;
    a file that cannot be read is left out and said, the rest goes on."""
    documents: list[BoundDocument] = []
    refusals: list[Refusal] = []
    for tracked in tracked_documents(item.documents, records):
        files: list[CheckedFile] = []
        refused: list[tuple[str, Problem]] = []
        for ref in tracked.record.files:
            try:
                files.append(load(ref))
            except AttachmentRefusedError as exc:
                refused.append((ref.path or ref.name, exc.problem))
                refusals.append(Refusal(item.id, tracked.id, ref.path or ref.name, exc.problem))
        documents.append(BoundDocument(tracked, tuple(files), tuple(refused)))
    return tuple(documents), refusals


def dossier_stem(result: Assessment, item: ItemResult, lang: Lang) -> str:
    """`<enterprise>-<item>-申报材料`: which firm and which application, readable in a folder."""
    parts = [result.enterprise.name, item.title.get(lang), label("dossier_title", lang)]
    return safe_stem("-".join(p for p in parts if p), fallback=item.id)
