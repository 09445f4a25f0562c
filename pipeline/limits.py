"""Every limit the pipeline puts on what it reads and on the tools it runs, in one place, each with
what it tells the editor when a file passes it.

No real summary or report comes near them; broken and hostile files do (a zip bomb, a text pasted
a thousand times, nesting that exhausts the stack). A limit passed is an error located in the
file, never a traceback or a machine out of memory.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limit:
    """A bound on something counted in a file (bytes, parts, levels, seconds…), and its message."""

    value: int
    unit: str
    what: str  # what is counted, as the message names it
    advice: str = ""

    def message(self, found: int | None = None) -> str:
        """Return what the editor is told when *found* passes the limit (or when it is not known)."""
        count = f"{found:,} {self.unit}" if found is not None else f"over {self.value:,} {self.unit}"
        text = f"{self.what}: {count}, the limit is {self.value:,}"
        return f"{text} ({self.advice})" if self.advice else text


MB = 1024 * 1024

# --- Sources (YAML) ------------------------------------------------------------------------------
SOURCE_FILE = Limit(2 * MB, "bytes", "the file is too large for a source", "split it, or shorten its texts")
# A real summary nests 5 levels (messages, a message, its text, a language); merged.yaml some 10.
# PyYAML composes recursively and fails with RecursionError past about 320.
YAML_DEPTH = Limit(50, "levels", "the YAML is nested too deep", "a source needs a few levels")
# The longest real message is under 2,000 characters; an introduction paragraph under 5,000.
TEXT_LENGTH = Limit(20_000, "characters", "the text is too long", "was it pasted more than once?")
# A count, percentage or objective has a few digits; Python refuses to convert over 4,300.
NUMBER_DIGITS = Limit(15, "digits", "the number is too long", "a count or a number has a few digits")

# --- Reports (ingest) ----------------------------------------------------------------------------
MARKDOWN_FILE = Limit(20 * MB, "bytes", "the file is too large for a summary report")
WORD_PARTS = Limit(5000, "parts", "refused: too many parts in the file", "a Word file has far fewer")
WORD_EXPANDED = Limit(512 * MB, "bytes", "refused: the file would expand too far", "a zip bomb?")
# A part over WORD_RATIO_FROM bytes may expand at most WORD_RATIO times; the message follows
# "refused: the part '<name>' ".
WORD_RATIO = Limit(100, "times", "expands too far", "a zip bomb?")
WORD_RATIO_FROM = 4 * MB
# pandoc needs about 1 KB per XML element of a part it reads (690,000 empty paragraphs: 681 MB);
# a 50-page report has some 50,000 elements and 1,500 paragraphs. Messages follow "refused: the
# part '<name>' ".
WORD_ELEMENTS = Limit(
    500_000, "elements", "holds too many XML elements", "a summary report has far fewer: split the report"
)
WORD_PARAGRAPHS = Limit(
    50_000,
    "paragraphs",
    "holds too many paragraphs",
    "a summary report has far fewer: remove the empty paragraphs, or split the report",
)

# --- pandoc (reading reports) --------------------------------------------------------------------
# pandoc's JSON tree of a real report nests under 30 levels (a table inside a list inside a quote);
# Python's JSON decoder and ingest's flattening recurse once per level and fail near 1,000
# (500 nested '>' in 1 KB of Markdown made 1,000 levels).
REPORT_DEPTH = Limit(
    200,
    "levels",
    "refused: the text is nested too deep as pandoc reads it",
    "quotes, lists, links or emphasis inside one another? a report needs under 30",
)
# GHC's heap cap for pandoc (+RTS -M). A 1,000-page Word report needs about 320 MB; 20,000 nested
# '[' in Markdown take 580 MB and more (and run into PANDOC_SECONDS).
PANDOC_MEMORY = Limit(
    1024, "MB", "pandoc needed too much memory to read the file", "is something nested thousands deep?"
)

# --- Checks (possible duplicates) ---------------------------------------------------------------
# What the duplicate check keeps, so that thousands of near-identical messages give a few findings
# and a few MB, not 100 million pairs and 20 GB: the best DUPLICATE_MATCHES earlier look-alikes of
# each message; a set of more than DUPLICATE_GROUP messages alike is one finding that names the
# first and DUPLICATE_GROUP of the others. DUPLICATE_ROWS messages are scored against all the
# others at once (256 × 20,000 messages: 5 MB of scores).
DUPLICATE_MATCHES = 3
DUPLICATE_GROUP = 5
DUPLICATE_ROWS = 256

# --- Tools ---------------------------------------------------------------------------------------
PANDOC_SECONDS = Limit(120, "s", "pandoc did not finish reading the file")
LIBREOFFICE_SECONDS = Limit(180, "s", "LibreOffice did not finish the conversion")
