"""Say in plain words what to do about the YAML slips editors make most: a tab in the indentation,
a colon inside unquoted text, a quote or bracket left open, a line indented differently from its
neighbours, text cut short by a ` #` that YAML reads as a comment.

PyYAML's messages name what its parser expected ("mapping values are not allowed here"); the hint
added here names what the editor should change. A slip not recognised gets no hint.
"""

from __future__ import annotations

import re

import yaml

# The start of an entry on a line: indentation, then any "- " of sequence items, then a key.
_ENTRY = re.compile(r"(?P<indent>[ ]*)(?P<dashes>(?:-[ ]+)*)(?P<rest>.*)")
_KEY = re.compile(r"(?P<key>[^\s#'\"{\[][^#]*?):(?:[ \t]|$)")
_COMMENT = re.compile(r"[ \t]#")
_INDENTATION = (
    "expected <block end>",
    "did not find expected key",
    "did not find expected '-' indicator",
    "could not find expected ':'",
)
_QUOTE_ADVICE = {
    "'": "or, for an apostrophe inside single quotes, write it twice ('')",
    '"': 'or write \\" for a quotation mark inside double quotes',
}
_QUOTE_ENDS = {
    "'": "a quote ' ends the text here: for an apostrophe inside single quotes, write it twice (''), "
    "or close the quote opened before at the end of its text",
    '"': 'a quote " ends the text here: close the quote opened before at the end of its text, '
    'or write \\" for a quotation mark inside it',
}
_CLOSING = {"{": "}", "[": "]"}
_COLON = "a colon followed by a space inside unquoted text: put the text in quotes"


def explain(error: yaml.MarkedYAMLError, lines: list[str]) -> str:
    """Return what the editor should do about *error* in a file of *lines*, or "" if not known."""
    mark = error.problem_mark
    if mark is None:
        return ""
    line = lines[mark.line] if mark.line < len(lines) else ""
    before = line[: mark.column]
    problem, context = error.problem or "", error.context or ""
    started = error.context_mark
    if "'\\t'" in problem and not before.strip():
        return "a tab indents this line: replace the tab with spaces"
    if context.startswith("while scanning a quoted scalar") and started is not None:
        quote = lines[started.line][started.column] if started.line < len(lines) else '"'
        return (
            f"close the quote {quote} opened at line {started.line + 1}, column {started.column + 1}, "
            f"at the end of its text, {_QUOTE_ADVICE.get(quote, '')}".rstrip(", ")
        )
    if context.startswith("while parsing a flow") and started is not None and problem.startswith("expected"):
        if started.line == mark.line and line[mark.column : mark.column + 1] == ":":
            return _COLON
        cut = _comment_hint(lines, started.line, started.column + 1)
        if cut:
            return cut
        bracket = lines[started.line][started.column] if started.line < len(lines) else "{"
        return (
            f"close the {bracket} opened at line {started.line + 1}, column {started.column + 1} "
            f"with {_CLOSING.get(bracket, '}')}"
        )
    if "found '<scalar>'" in problem or problem.startswith("could not find expected ':'"):
        quote = before[-1:]
        if quote in _QUOTE_ENDS:
            return _QUOTE_ENDS[quote]
        cut = _cut_by_comment(lines, mark.line)
        if cut:
            return cut
    if problem == "mapping values are not allowed here":
        if _KEY.match(_rest(before)):
            return _COLON
        if _continues_text(lines, mark.line):
            line_up = _line_up(lines, mark.line)
            return (
                f"{line_up}, or, if this line continues the text above, put that text in quotes"
                if line_up
                else _COLON
            )
    if problem == "mapping values are not allowed here" or problem.startswith(_INDENTATION):
        return _line_up(lines, mark.line)
    return ""


def _rest(text: str) -> str:
    """Return *text* without its indentation and sequence dashes."""
    match = _ENTRY.fullmatch(text)
    return match.group("rest") if match else text


def _entry(line: str) -> tuple[int, int | None, str]:
    """Return the column of a line's first dash (or its indentation), of its key (None if it has
    none), and the key."""
    match = _ENTRY.fullmatch(line)
    if match is None:  # pragma: no cover - the pattern matches every line
        return 0, None, ""
    indent = len(match.group("indent"))
    key = _KEY.match(match.group("rest"))
    key_column = indent + len(match.group("dashes")) if key else None
    return indent, key_column, key.group("key") if key else ""


def _meaningful(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _continues_text(lines: list[str], number: int) -> bool:
    """Tell whether line *number* continues the unquoted text of a key on a line above."""
    indent = len(lines[number]) - len(lines[number].lstrip(" "))
    for above in range(number - 1, -1, -1):
        if not _meaningful(lines[above]):
            continue
        _, key_column, key = _entry(lines[above])
        if key_column is None:
            continue
        value = lines[above][key_column + len(key) + 1 :].strip()
        return key_column < indent and bool(value) and value[0] not in "'\"{[|>&*!#"
    return False


def _cut_by_comment(lines: list[str], number: int) -> str:
    """Return the hint for a line that continues a text cut short by a comment on the line above."""
    for above in range(number - 1, -1, -1):
        if not _meaningful(lines[above]):
            continue
        _, key_column, key = _entry(lines[above])
        return _comment_hint(lines, above, key_column + len(key) + 1 if key_column is not None else 0)
    return ""


def _comment_hint(lines: list[str], number: int, start: int) -> str:
    """Return the hint for text on line *number*, from column *start*, that a comment cuts short."""
    if number >= len(lines):
        return ""
    comment = _COMMENT.search(lines[number], start)
    if comment is None or not lines[number][start : comment.start()].strip():
        return ""
    shown = lines[number][comment.start() :].strip()
    return (
        f"the text on line {number + 1} stops at ' {_shorten(shown)}': YAML reads what follows "
        "as a comment; put the whole text in quotes"
    )


def _shorten(text: str, size: int = 20) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _line_up(lines: list[str], number: int) -> str:
    """Return "line up 'key:' with 'other:' on line N" for a line indented as no open level is."""
    if number >= len(lines):
        return ""
    dash_column, key_column, key = _entry(lines[number])
    dash = lines[number].lstrip(" ").startswith("- ")
    mine = dash_column if dash else key_column
    if mine is None:
        return ""
    # The levels still open above: walking up, every line less indented than all below it.
    levels: list[tuple[int, int, str]] = []
    lowest = 1 << 30
    for above in range(number - 1, -1, -1):
        if not _meaningful(lines[above]):
            continue
        their_dash, their_key_column, their_key = _entry(lines[above])
        is_dash = lines[above].lstrip(" ").startswith("- ")
        if their_dash >= lowest:
            continue
        lowest = their_dash
        if dash and is_dash:
            levels.append((their_dash, above, "-"))
        elif not dash and their_key_column is not None:
            levels.append((their_key_column, above, f"{their_key}:"))
    if not levels or any(column == mine for column, _, _ in levels):
        return ""
    column, above, name = min(levels, key=lambda level: (abs(level[0] - mine), -level[1]))
    written = "-" if dash else f"{key}:"
    written, name = _shorten(written, 30), _shorten(name, 30)
    return f"line up '{written}' with '{name}' on line {above + 1} (column {column + 1})"
