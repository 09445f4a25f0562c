"""Key messages typed in a table under a messages heading are read as messages, in order; any
other table there is named in the report, with its size."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from pipeline.errors import SourceError
from tests.reports import ingest_report


def word_report(path: Path, rows: list[list[str]], heading: str = "Key messages") -> Path:
    document = docx.Document()
    document.add_heading("Summary report: GCM Talks", 0)
    document.add_heading(heading, 1)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_heading("Next steps", 1)
    document.add_paragraph("The network will meet again in 2025.")
    document.save(str(path))
    return path


def test_a_numbered_table_of_messages_is_read_row_by_row(tmp_path: Path) -> None:
    report = ingest_report(
        word_report(
            tmp_path / "talks.docx",
            [
                ["No.", "Key message"],
                ["1", "Children should never be detained (objective 13)."],
                ["2.", "Case management works (objectives 7 and 13)."],
                ["3", "Data on detention should be public (objective 1)."],
            ],
        )
    )
    assert [message.text for message in report.messages] == [
        "Children should never be detained (objective 13).",
        "Case management works (objectives 7 and 13).",
        "Data on detention should be public (objective 1).",
    ]
    assert [message.objectives for message in report.messages] == [(13,), (7, 13), (1,)]


def test_a_one_column_table_of_messages_in_arabic(tmp_path: Path) -> None:
    report = ingest_report(
        word_report(
            tmp_path / "talks.docx",
            [["لا ينبغي احتجاز الأطفال (الهدف 13)."], ["إدارة الحالات فعالة (الهدف 7)."]],
            heading="الرسائل الرئيسية",
        ),
        "ar",
    )
    assert [message.objectives for message in report.messages] == [(13,), (7,)]


def test_another_table_under_the_heading_is_named_with_its_size(tmp_path: Path) -> None:
    path = word_report(
        tmp_path / "talks.docx",
        [["Session", "Speaker", "Topic"], ["1", "IOM", "Detention"], ["2", "ESCWA", "Data"]],
    )
    with pytest.raises(SourceError) as raised:
        ingest_report(path)
    assert (
        "nothing under the heading 'Key messages' can be a message; a table of 3 rows and 3 columns, "
        "not one message per row" in str(raised.value)
    )


def test_a_table_beside_listed_messages_is_named_in_the_report(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Key messages", 1)
    document.add_paragraph("Detention of children should end (objective 13).", style="List Number")
    table = document.add_table(rows=2, cols=3)
    for row, cells in zip(
        table.rows, (["Session", "Speaker", "Topic"], ["1", "IOM", "Detention"]), strict=True
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.save(str(tmp_path / "talks.docx"))
    report = ingest_report(tmp_path / "talks.docx")
    assert [message.objectives for message in report.messages] == [(13,)]
    assert [item.reason for item in report.left_out] == [
        "a table of 2 rows and 3 columns, not one message per row"
    ]


def test_a_markdown_pipe_table_of_messages(tmp_path: Path) -> None:
    path = tmp_path / "talks.md"
    path.write_text(
        "# Key messages\n\n| # | Message |\n|---|---|\n| 1 | Invest in data (objective 1). |\n"
        "| 2 | Open regular pathways (objective 5). |\n",
        encoding="utf-8",
    )
    report = ingest_report(path, "en")
    assert [message.text for message in report.messages] == [
        "Invest in data (objective 1).",
        "Open regular pathways (objective 5).",
    ]
