"""Change a message's text or translation record in a summary's YAML in place: only the lines of
what changes are touched, every other line of the file (comments, order, quoting, spacing) is
kept byte for byte.

The file is composed with PyYAML's parser (which places every node by line and column) and each
change becomes an edit of a span of the text: a value replaced, or lines inserted after the last
line of a mapping. The result is read back and checked before it replaces the file.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pipeline import files
from pipeline.errors import Location, PipelineError, display_path
from pipeline.yamlcompose import compose
from pipeline.yamlwrite import dumps


@dataclass(frozen=True)
class Edit:
    """Replace the text from (line, column) to (line, column), 0-based, with *text*."""

    start: tuple[int, int]
    end: tuple[int, int]
    text: str


@contextlib.contextmanager
def restored_on_error(paths: Iterable[Path]) -> Iterator[None]:
    """Keep the bytes of the summaries at *paths*; if the block raises, put every one back as it
    was before raising again (several files are changed as one)."""
    originals = {path: path.read_bytes() for path in paths}
    try:
        yield
    except (PipelineError, OSError):
        for path, data in originals.items():
            files.write_bytes(path, data)
        raise


class SummaryFile:
    """A summary's YAML, its node tree, and the edits asked of it so far."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.text = path.read_bytes().decode("utf-8")
        node = compose(self.text.encode("utf-8"), fast=False)
        if not isinstance(node, MappingNode):
            raise PipelineError(f"{display_path(path)}: not a summary (expected a mapping with messages)")
        self.root = node
        self.lines = self.text.splitlines()
        self.edits: list[Edit] = []

    def message(self, message_id: str) -> MappingNode:
        """Return the node of the message *message_id*."""
        messages = _get(self.root, "messages")
        if isinstance(messages, SequenceNode):
            for item in messages.value:
                if isinstance(item, MappingNode):
                    found = _get(item, "id")
                    if isinstance(found, ScalarNode) and found.value == message_id:
                        return item
        raise PipelineError(f"{display_path(self.path)}: no message with id '{message_id}'")

    def set_entries(self, message_id: str, key: str, values: dict[str, str], first: str = "") -> None:
        """Set `key.<language>` of the message to each of *values*: replaced where it is, added
        after the mapping's last line, or, when `key` is plain text (`text: Only in English.`),
        turned into a mapping holding that text under *first*; `key` is added at the end of the
        message when it has none."""
        message = self.message(message_id)
        key_node, node = _entry(message, key)
        if node is None:
            indent = " " * message.value[0][0].start_mark.column
            lines = "".join(f"{indent}  {language}: {_scalar(value)}\n" for language, value in values.items())
            self._insert(self._last_line(message) + 1, f"{indent}{key}:\n{lines}")
        elif isinstance(node, MappingNode) and node.flow_style:
            entries = {k.value: v.value for k, v in node.value if isinstance(k, ScalarNode)}
            self._replace(node, _flow({**entries, **values}))
        elif isinstance(node, MappingNode) and node.value:
            indent = " " * node.value[0][0].start_mark.column
            added = ""
            for language, value in values.items():
                _, current = _entry(node, language)
                if isinstance(current, ScalarNode):
                    self._replace(current, _scalar(value, current.style))
                else:
                    added += f"{indent}{language}: {_scalar(value)}\n"
            if added:
                self._insert(self._last_line(node) + 1, added)
        elif isinstance(node, ScalarNode) and first and key_node is not None:
            if set(values) == {first}:  # the text in the summary's own language, written alone
                self._replace(node, _scalar(values[first], node.style))
                return
            indent = " " * (key_node.start_mark.column + 2)
            entries = {first: values.get(first, node.value), **values}
            lines = "".join(f"\n{indent}{language}: {_scalar(value)}" for language, value in entries.items())
            start = (key_node.end_mark.line, key_node.end_mark.column)
            self.edits.append(Edit(start, self._end(node), f":{lines}"))
        else:
            where = Location(self.path, node.start_mark.line + 1, node.start_mark.column + 1)
            raise PipelineError(f"{where}: '{key}' is not a mapping of languages; edit it by hand")

    def delete_message(self, message_id: str) -> None:
        """Remove the lines of the message *message_id* (a block of the messages list; the
        comments between messages stay); refuse to remove a summary's only message."""
        message = self.message(message_id)
        messages = _get(self.root, "messages")
        if not isinstance(messages, SequenceNode) or messages.flow_style or len(messages.value) < 2:
            raise PipelineError(
                f"{display_path(self.path)}: message '{message_id}' is the summary's only message (or the "
                "list is written on one line): remove it by hand, or the summary file"
            )
        first = int(message.start_mark.line)
        self.edits.append(Edit((first, 0), (self._last_line(message) + 1, 0), ""))

    def save(self) -> str:
        """Apply the edits, check the result reads back, write it; return the new text."""
        text = self.text
        lines = text.splitlines(keepends=True)
        offsets = [0]
        for line in lines:
            offsets.append(offsets[-1] + len(line))
        ordered = sorted(enumerate(self.edits), key=lambda item: (item[1].start, item[0]), reverse=True)
        newline = "\r\n" if "\r\n" in self.text else "\n"  # lines added end as the file's lines do
        for _, edit in ordered:
            start = offsets[edit.start[0]] + edit.start[1]
            end = offsets[edit.end[0]] + edit.end[1]
            text = text[:start] + edit.text.replace("\n", newline) + text[end:]
        try:
            compose(text.encode("utf-8"), fast=False)
        except yaml.YAMLError as error:  # never write a file the pipeline cannot read
            raise PipelineError(
                f"{display_path(self.path)}: the change would not read back as YAML ({error}); "
                "nothing written"
            ) from None
        files.write_bytes(self.path, text.encode("utf-8"))
        return text

    def _replace(self, node: Node, text: str) -> None:
        self.edits.append(Edit((node.start_mark.line, node.start_mark.column), self._end(node), text))

    def _end(self, node: Node) -> tuple[int, int]:
        """Return where *node* ends. A block scalar (`|`, `>`) ends at the start of the next line
        that is not its own, after any blank lines: its span ends with its last line of text,
        whose line break (and the blank lines after it) are kept."""
        end = node.end_mark
        if isinstance(node, ScalarNode) and node.style in ("|", ">") and end.column == 0:
            line = self._last_line(node)
            return (line, len(self.lines[line]))
        return (end.line, end.column)

    def _last_line(self, node: Node) -> int:
        """Return the 0-based last line that *node*'s content stands on."""
        if isinstance(node, ScalarNode):
            if node.style in ("|", ">") and node.end_mark.column == 0:
                line = int(node.end_mark.line) - 1
                while line > node.start_mark.line and not self.lines[line].strip():
                    line -= 1  # blank lines before the next key belong to no one
                return line
            return int(node.end_mark.line)
        if isinstance(node, MappingNode | SequenceNode) and not node.flow_style and node.value:
            last = node.value[-1]
            return self._last_line(last[1] if isinstance(last, tuple) else last)
        return int(node.end_mark.line)

    def _insert(self, line: int, text: str) -> None:
        if line >= len(self.text.splitlines()) and not self.text.endswith("\n"):
            text = "\n" + text
        position = (min(line, len(self.text.splitlines(keepends=True))), 0)
        self.edits.append(Edit(position, position, text))


def _get(mapping: MappingNode, key: str) -> Node | None:
    return _entry(mapping, key)[1]


def _entry(mapping: MappingNode, key: str) -> tuple[Node | None, Node | None]:
    for key_node, value in mapping.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return key_node, value
    return None, None


def _scalar(value: str, style: str | None = None) -> str:
    """Return *value* as one YAML scalar on one line: in the quotes of *style* when the value it
    replaces had them (a comment may follow it on the line), else as PyYAML would write it
    (double-quoted, its line breaks escaped, if it has any)."""
    if style == "'" and "\n" not in value and "\r" not in value:
        return "'" + value.replace("'", "''") + "'"
    if style == '"' or "\n" in value or "\r" in value:
        return (
            yaml.dump(value, default_style='"', allow_unicode=True, width=1_000_000)
            .rstrip("\n")
            .removesuffix("\n...")
        )
    return dumps({"k": value})[len("k: ") :].rstrip("\n")


def _flow(entries: dict[str, str]) -> str:
    """Return *entries* as a flow mapping, each value quoted when a comma or a bracket in it would
    end it there."""
    return (
        "{"
        + ", ".join(f"{key}: {_scalar(value, _flow_style(value))}" for key, value in entries.items())
        + "}"
    )


def _flow_style(value: str) -> str | None:
    return '"' if any(char in value for char in ",[]{}") else None
