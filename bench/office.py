"""LibreOffice Impress headless, for the deck tests and the README images: a .pptx
converted to PDF (`soffice --headless --convert-to pdf`, with a profile of its own so
runs never share one), and a PDF's pages as images or as positioned characters."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

SOFFICE = Path(shutil.which("soffice") or "/usr/bin/soffice")


def deck_pdf(pptx: bytes, *, timeout: float = 180) -> bytes:
    """The deck as LibreOffice Impress lays it out, as PDF bytes."""
    if not SOFFICE.exists():
        raise FileNotFoundError(f"{SOFFICE}: LibreOffice is not installed "
                                "(scripts/install-test-tools.sh)")
    with tempfile.TemporaryDirectory(prefix="atlas-office-") as tmp:
        folder = Path(tmp)
        src = folder / "deck.pptx"
        src.write_bytes(pptx)
        subprocess.run([str(SOFFICE), f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                        "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(src)],
                       check=True, capture_output=True, timeout=timeout)
        return (folder / "deck.pdf").read_bytes()


def page_images(pdf: bytes, *, width: int) -> list[Any]:
    """Each page as a PIL image `width` pixels wide."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    return [page.render(scale=width / page.get_width()).to_pil() for page in doc]


def page_chars(pdf: bytes) -> list[list[tuple[str, float, float, float, float]]]:
    """Per page: (character, left, top, right, bottom) in points from the top left,
    spaces and zero-size marks left out."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    out = []
    for page in doc:
        height = page.get_height()
        text = page.get_textpage()
        chars = []
        for i in range(text.count_chars()):
            c = text.get_text_range(i, 1)
            if not c.strip():
                continue
            left, bottom, right, top = text.get_charbox(i)
            if right - left <= 0 or top - bottom <= 0:
                continue
            chars.append((c, left, height - top, right, height - bottom))
        out.append(chars)
    return out
