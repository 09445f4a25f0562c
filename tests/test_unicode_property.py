"""For any Unicode text an editor can put in a message, however it is written in the YAML, either
validate refuses it with a message located in the summary, or the Word file prints exactly the
normalized text: nothing in between (a traceback, a template blamed, text changed on the way)."""

from __future__ import annotations

import datetime
import functools
import shutil
import tempfile
from pathlib import Path

import docx
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from pipeline import build as pipeline_build
from pipeline import glyphs
from pipeline.build import validate
from pipeline.errors import SourceError
from pipeline.merge import merge
from pipeline.reference import load_reference
from pipeline.render.docx import render_docx
from pipeline.render.view import document_view
from pipeline.yamlio import NULLS

BASE = Path(__file__).parent / "error_cases" / "_base"
TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "outcome.en.docx"
TIMESTAMP = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
UID = "talks-2023#m1"
YAML_SPACE = " \t\r\n\x85\u2028\u2029"  # spaces and line breaks, as YAML counts them

# Characters the fonts have, characters that mean something to YAML, XML, Jinja, docxtpl or the
# pipeline, invisible ones, and any code point at all (surrogates included).
_COVERED = sorted(chr(code) for code in glyphs.covered() if code > 0x20)
_MEANINGFUL = list("#:'\"{}[]%&<>\\|-?*!@`,_ \t\n\r\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\u00ad\ufeff")
_MEANINGFUL += ["{{", "}}", "{%", "%}", "{_{", " #", ": ", "\ue000", "\ue001", "note-1", "\u2060rl1\u2060"]
_ANY = st.characters(categories=("L", "M", "N", "P", "S", "Z", "C"))
TEXTS = st.lists(
    st.one_of(st.sampled_from(_COVERED), st.sampled_from(_MEANINGFUL), _ANY), min_size=0, max_size=40
).map("".join)


def _escaped(text: str) -> str:
    """Return *text* as a YAML double-quoted scalar, every character outside printable ASCII escaped."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= code < 0x7F:
            out.append(char)
        else:
            out.append(f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}")
    return '"' + "".join(out) + '"'


def _summary(text: str, style: str) -> bytes:
    """Return the summary with *text* as message m1's English text, written in *style*."""
    if style == "escaped":
        written = _escaped(text)
    elif style == "literal":
        written = "|\n" + "".join(f"        {line}\n" for line in text.split("\n")).rstrip("\n")
    else:
        written = text
    body = (
        "event: talks-2023\nlanguage: en\nmessages:\n  - id: m1\n    text:\n"
        f"      en: {written}\n      ar: الاستثمار في بيانات الهجرة.\n    objectives: [1]\n"
    )
    return body.encode("utf-8", "surrogatepass")  # a lone surrogate written raw: not UTF-8


@functools.cache
def _reference():  # type: ignore[no-untyped-def]
    return load_reference()


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=TEXTS, style=st.sampled_from(["escaped", "plain", "literal"]))
def test_any_text_is_refused_where_written_or_printed_as_normalized(text, style, monkeypatch):
    # The GCM reference is the same for every example: read it once.
    monkeypatch.setattr(pipeline_build, "load_reference", _reference)
    with tempfile.TemporaryDirectory() as folder:
        sources = Path(folder) / "sources"
        shutil.copytree(BASE, sources)
        summary = sources / "summaries" / "talks-2023.yaml"
        summary.write_bytes(_summary(text, style))
        try:
            corpus = validate(sources).corpus
        except SourceError as error:
            event(f"refused ({style})")
            assert error.problems
            for problem in error.problems:
                assert problem.location is not None and problem.location.path == summary, str(problem)
                assert problem.location.line >= 1, str(problem)
            return
        event(f"printed ({style})")
        outcome = merge(corpus)
        view = document_view(outcome, "en")
        output = Path(folder) / "outcome.en.docx"
        render_docx(view, TEMPLATE, output, TIMESTAMP)
        (message,) = [m for s in corpus.summaries for m in s.messages if m.uid == UID]
        (item,) = [item for item in view.body.paragraphs if item.uid == UID]
        written = [paragraph.text for paragraph in docx.Document(str(output)).paragraphs]
        if "en" not in message.text:  # `en:` left empty, or `null`: the translation is pending
            assert style == "plain" and text.strip(YAML_SPACE) in NULLS
            assert f"{item.label}\t{item.text}{item.marker}" in written and item.marker
            return
        assert f"{item.label}\t{message.text['en']}" in written
