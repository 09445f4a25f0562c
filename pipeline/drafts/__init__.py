"""Drafts: what each build records (build/manifest.json), the drafts handed out (drafts/NAME/),
and the redline between two of them, as Word tracked changes.

A room beside the stages: it reads their results and the language view render draws, and leaves
the writing of the Word file to render.
"""

from __future__ import annotations

from pipeline.drafts.compare import Redline, compare
from pipeline.drafts.manifest import write_manifest
from pipeline.drafts.store import CURRENT, check_name, freeze, load
from pipeline.drafts.summary import summarize

__all__ = ["CURRENT", "Redline", "check_name", "compare", "freeze", "load", "summarize", "write_manifest"]
