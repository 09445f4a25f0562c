"""Read YAML strictly, keeping where every value was written (pipeline.yamlwrite writes it).

PyYAML's usual loaders lose data without a word: the last of two duplicate keys wins, `NO`
becomes False, `1.10` becomes 1.1 and aliases expand without limit. Here every scalar stays the
text the editor typed (the schema decides what is a number or a boolean), and duplicate keys,
anchors, aliases and explicit tags are errors located in the file. A file larger than
limits.SOURCE_FILE or nested deeper than limits.YAML_DEPTH is refused before it costs memory or
the stack; a syntax error says, where it can, what to do (pipeline/yamlslips.py).
"""

from __future__ import annotations

import io
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pipeline import limits
from pipeline.errors import Location, Problem, SourceError, excerpt, not_a_file
from pipeline.yamlcompose import Rejected, compose
from pipeline.yamlslips import explain

NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_QUOTED = re.compile(r"'([^'\n]{61,})'")  # what PyYAML quotes of the file, shortened in messages


@dataclass(frozen=True)
class Comment:
    """A comment written on the line where a plain scalar ends: where its `#` is, and its text."""

    location: Location
    text: str


class YStr(str):
    """A scalar as written, with its place; `quoted` tells a quoted scalar from a plain one;
    `comment` is the comment that follows a plain scalar on its last line (YAML drops it, and a
    text field refuses it: the editor may have meant it as text)."""

    location: Location
    quoted: bool
    comment: Comment | None

    def __new__(cls, value: str, location: Location, quoted: bool, comment: Comment | None = None) -> YStr:
        text = super().__new__(cls, value)
        text.location = location
        text.quoted = quoted
        text.comment = comment
        return text

    def __reduce__(self) -> tuple[type[YStr], tuple[str, Location, bool, Comment | None]]:
        """Pickle with its place (pipeline.readcache keeps what was read)."""
        return (YStr, (str(self), self.location, self.quoted, self.comment))


class YNull:
    """An empty or `null` value, with its place (None cannot carry one); `comment` is the comment
    written right after the key of an empty value (`en: #1 priority`), which may be lost text."""

    def __init__(self, location: Location, comment: Comment | None = None):
        self.location = location
        self.comment = comment

    def __repr__(self) -> str:
        return f"YNull({self.location})"


class YSeq(list["YValue"]):
    """A sequence with its place."""

    def __init__(self, items: list[YValue], location: Location):
        super().__init__(items)
        self.location = location


class YMap(dict[str, "YValue"]):
    """A mapping with its place and the place of each key."""

    def __init__(self, location: Location):
        super().__init__()
        self.location = location
        self.key_locations: dict[str, Location] = {}


YValue = YStr | YNull | YSeq | YMap


def _location(path: Path, mark: yaml.Mark | None) -> Location:
    return Location(path) if mark is None else Location(path, mark.line + 1, mark.column + 1)


def load(path: Path) -> YValue | None:
    """Read the YAML file at *path* into located values; raise SourceError on any problem.

    Return None for an empty file.
    """
    if refused := not_a_file(path):
        raise SourceError([Problem(Location(path), refused)])
    try:  # opened without blocking, and looked at again once open: a named pipe must not hang
        with open(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                raise SourceError([Problem(Location(path), "not a regular file (expected the file itself)")])
            data = stream.read(limits.SOURCE_FILE.value + 1)
            if len(data) > limits.SOURCE_FILE.value:
                size = stream.seek(0, io.SEEK_END)
                raise SourceError([Problem(Location(path), limits.SOURCE_FILE.message(size))])
        node = compose(data)
    except Rejected as rejected:
        raise SourceError([Problem(_location(path, rejected.mark), rejected.message)]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = error.problem or error.context or "not valid YAML"
        if error.context and error.problem and error.problem.startswith("but "):
            message = f"{error.context}, {error.problem}"
        elif error.context and error.context_mark and error.problem:
            message += f" ({error.context} started at line {error.context_mark.line + 1})"
        location = _location(path, mark) if mark else Location(path)
        message = _QUOTED.sub(lambda quoted: f"'{excerpt(quoted.group(1))}'", message)  # PyYAML's
        hint = explain(error, _lines(data))
        message = f"YAML syntax error: {message}" + (f"; {hint}" if hint else "")
        raise SourceError([Problem(location, message)]) from None
    except yaml.reader.ReaderError as error:
        raise SourceError([_reader_problem(path, error)]) from None
    except OSError as error:
        raise SourceError([Problem(Location(path), f"cannot read the file: {error.strerror}")]) from None
    if node is None:
        return None
    problems: list[Problem] = []
    value = _convert(node, path, _lines(data), problems)
    if problems:
        raise SourceError(problems)
    return value


def _reader_problem(path: Path, error: yaml.reader.ReaderError) -> Problem:
    """Locate an unreadable byte (offset in bytes) or a forbidden character (offset in characters)."""
    try:
        data = path.read_bytes()
    except OSError:
        data = b""
    if error.encoding == "unicode":  # PyYAML's check for non-printable characters
        head = data.decode("utf-8", errors="replace")[: error.position]
        message = f"character U+{error.character:04X} is not allowed in YAML; remove it"
    else:
        head = data[: error.position].decode("utf-8", errors="replace")
        message = f"not UTF-8 text ({error.reason}); save the file as UTF-8"
    line = head.count("\n") + 1
    column = len(head) - (head.rfind("\n") + 1) + 1
    return Problem(Location(path, line, column), message)


def _lines(data: bytes) -> list[str]:
    """Return the lines of the file as PyYAML counts them (it refuses the other line breaks)."""
    return data.decode("utf-8", errors="replace").splitlines()


def _comment_after(node: ScalarNode, path: Path, lines: list[str]) -> Comment | None:
    """Return the comment written after the plain scalar *node* on the line where it ends."""
    end = node.end_mark
    if node.style or end.line >= len(lines):  # plain: None (PyYAML) or "" (libyaml)
        return None
    rest = lines[end.line][end.column :]
    comment = rest.lstrip(" \t")
    if not comment.startswith("#"):
        return None
    return Comment(Location(path, end.line + 1, end.column + 1 + len(rest) - len(comment)), comment)


def _convert(node: Node, path: Path, lines: list[str], problems: list[Problem]) -> YValue:
    location = _location(path, node.start_mark)
    if isinstance(node, ScalarNode):
        quoted = node.style in ("'", '"')
        if not node.style and node.value in NULLS:  # plain: None (PyYAML) or "" (libyaml)
            return YNull(location, _comment_after(node, path, lines) if not node.value else None)
        return YStr(node.value, location, quoted, _comment_after(node, path, lines))
    if isinstance(node, SequenceNode):
        return YSeq([_convert(item, path, lines, problems) for item in node.value], location)
    assert isinstance(node, MappingNode)
    mapping = YMap(location)
    for key_node, value_node in node.value:
        key_location = _location(path, key_node.start_mark)
        if not isinstance(key_node, ScalarNode):
            problems.append(Problem(key_location, "a key must be plain text"))
            continue
        key = key_node.value
        if key in mapping:
            first = mapping.key_locations[key]
            problems.append(
                Problem(key_location, f"duplicate key '{excerpt(key)}' (first written at line {first.line})")
            )
            continue
        mapping[key] = _convert(value_node, path, lines, problems)
        mapping.key_locations[key] = key_location
    return mapping
