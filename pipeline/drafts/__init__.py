"""Drafts: what each build records (build/manifest.json), the drafts handed out (drafts/NAME/),
and the redline between two of them, as Word tracked changes.

A room beside the stages: it reads their results and asks render to write the Word file.
"""

from __future__ import annotations

from pipeline.drafts.manifest import write_manifest

__all__ = ["write_manifest"]
