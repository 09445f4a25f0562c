"""Shared fixtures: the tests' own full corpus (never the editors' sources/), copies of it to
break, and Hypothesis settings."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# Progress lines appear once a build passes a second: on a slow or busy machine they would change
# what tests read on standard error. Set before the pipeline is imported, and inherited by the
# `outcome` commands tests run; tests/test_progress.py sets its own.
os.environ["OUTCOME_PROGRESS_AFTER"] = "3600"
# What the builds read is kept in a cache of the test run's own (pipeline/readcache.py), not the
# user's: a test never depends on what an earlier run left.
os.environ["OUTCOME_CACHE"] = tempfile.mkdtemp(prefix="outcome-test-cache-")

from tests.corpus import REGIONAL_REVIEW

# Derandomized by default so that CI and every developer run the same examples; run with
# HYPOTHESIS_PROFILE=explore to search new ones.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("explore", deadline=None, max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def sources_copy(tmp_path: Path) -> Path:
    """Return a fresh copy of the tests' full corpus (tests/fixtures/regional-review) that a test
    may change."""
    copy = tmp_path / "sources"
    shutil.copytree(REGIONAL_REVIEW, copy)
    return copy


@pytest.fixture(autouse=True)
def _inside_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run each test from its own folder, so paths in messages are relative to it."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="session")
def rendered(tmp_path_factory) -> Path:
    """Build tests/corpus.py's sources once (Word and Typst PDF); return the build folder."""
    from pipeline.build import build
    from tests.corpus import TEMPLATES, write_sources

    folder = tmp_path_factory.mktemp("rendered")
    build(write_sources(folder / "sources"), folder / "build", TEMPLATES)
    return folder / "build"
