"""What a file named .docx may really be (a PDF, an RTF or HTML file, an OpenDocument text, plain
text), told by its first bytes, with what to do: a renamed file is named for what it is."""

from __future__ import annotations

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a legacy or encrypted Word file


# What a file named .docx may really be, by its first bytes, and what to do with it.
_SAVE_AS = "open it in Word and save it as a Word document (.docx), then ingest that"
_OTHER_FORMATS = (
    (b"%pdf-", f"a PDF file, not a Word document: ingest the Word file it was made from, or {_SAVE_AS}"),
    (b"{\\rtf", f"an RTF document, not a Word document: {_SAVE_AS}"),
    (b"<!doctype html", f"an HTML page, not a Word document: {_SAVE_AS}, or save it as Markdown (.md)"),
    (b"<html", f"an HTML page, not a Word document: {_SAVE_AS}, or save it as Markdown (.md)"),
)
OPEN_DOCUMENT = (
    "an OpenDocument text (LibreOffice, .odt), not a Word document: in LibreOffice, File > Save As, "
    "Word 2007-365 (.docx), then ingest that"
)


def other_format(data: bytes) -> str | None:
    """Return what a file named .docx is instead, with what to do, when its first bytes say so."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    for magic, message in _OTHER_FORMATS:
        if head.startswith(magic):
            return message
    if not data.startswith((b"PK", OLE_MAGIC)):
        try:
            data[:4096].decode("utf-8")
        except UnicodeDecodeError:
            return "not a Word document (not a .docx package): " + _SAVE_AS
        return "a text file, not a Word document: if it is Markdown, name it .md; otherwise " + _SAVE_AS
    return None
