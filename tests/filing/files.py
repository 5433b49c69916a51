"""Files to attach, made on the spot: text PDFs, JPEG and PNG scans, and broken ones."""

from __future__ import annotations

import io
import random

from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def text_pdf(pages: int, label: str = "Attached page") -> bytes:
    """A PDF of `pages` A4 pages, each saying "<label> N" in text a viewer can search."""
    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, pagesize=A4)
    for number in range(1, pages + 1):
        drawing.setFont("Helvetica", 14)
        drawing.drawString(72, 760, f"{label} {number}")
        drawing.showPage()
    drawing.save()
    return buffer.getvalue()


def scan(width: int = 827, height: int = 1170, kind: str = "JPEG", seed: int = 1) -> bytes:
    """A grey page with some noise, like a scanner's: `kind` JPEG or PNG."""
    rng = random.Random(seed)
    image = Image.new("L", (width, height), 235)
    pixels = image.load()
    assert pixels is not None
    for _ in range(width * height // 50):
        pixels[rng.randrange(width), rng.randrange(height)] = rng.randrange(0, 120)
    buffer = io.BytesIO()
    image.save(buffer, kind, quality=85) if kind == "JPEG" else image.save(buffer, kind)
    return buffer.getvalue()


def encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(1))))
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
