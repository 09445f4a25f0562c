"""Checks: where the review stands (`outcome status`, build/status.html), what is wrong or missing
(`outcome check [--final]`), and where a paragraph comes from (`outcome where N`).

A room beside the stages: it reads their typed results (the corpus, the merged outcome and its
view in each language) and never changes them.
"""

from __future__ import annotations

from pipeline.checks.assessment import Assessment, assess
from pipeline.checks.findings import CheckFailed, Finding, Level, tally
from pipeline.checks.page import PAGE_TEMPLATE, write_status_page
from pipeline.checks.rules import findings, subheadings
from pipeline.checks.status import Status, status_of
from pipeline.checks.where import ChapterSource, ParagraphSource, where

__all__ = [
    "Assessment",
    "CheckFailed",
    "Finding",
    "Level",
    "PAGE_TEMPLATE",
    "ChapterSource",
    "ParagraphSource",
    "Status",
    "assess",
    "findings",
    "subheadings",
    "status_of",
    "tally",
    "where",
    "write_status_page",
]
