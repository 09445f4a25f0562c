"""The characters the PDF can show, read from its fonts, agree with what Typst draws; the
footnote token is made of characters no source can hold."""

from __future__ import annotations

from pathlib import Path

import typst

from pipeline import glyphs
from pipeline.render import docx as docx_renderer
from pipeline.text import INTERNAL_MARKER


def test_the_footnote_token_cannot_be_typed():
    token = docx_renderer._NOTE_TOKEN.format(12)
    assert INTERNAL_MARKER.fullmatch(token)
    assert glyphs.unshowable(token) == [token[0], token[-1]]


def _typst_accepts(tmp_path: Path, text: str) -> bool:
    """Compile *text* as the PDF renderer does (its fonts only, PDF/A-2b)."""
    source = tmp_path / "probe.typ"
    source.write_text('#set text(font: ("Tinos", "Amiri"))\n#sys.inputs.at("text")\n', encoding="utf-8")
    try:
        typst.compile(
            str(source),
            font_paths=[str(glyphs.AMIRI_FOLDER), str(glyphs.TINOS_FOLDER)],
            ignore_system_fonts=True,
            sys_inputs={"text": text},
            pdf_standards="a-2b",
        )
    except RuntimeError:
        return False
    return True


def test_the_characters_validate_lets_through_without_a_glyph_are_those_typst_draws_as_nothing(tmp_path):
    invisible = [
        chr(code)
        for code in range(0x110000)
        if not 0xD800 <= code <= 0xDFFF and code not in glyphs.covered() and glyphs.invisible(chr(code))
    ]
    assert len(invisible) > 100
    assert _typst_accepts(tmp_path, "a" + "".join(invisible) + "b")
    assert not _typst_accepts(tmp_path, "a😀b") and glyphs.unshowable("a😀b") == ["😀"]
    assert not _typst_accepts(tmp_path, "a\u0605b") and glyphs.unshowable("a\u0605b") == ["\u0605"]
