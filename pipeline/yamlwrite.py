"""Write plain data as YAML the way editors write it: sequences indented under their key, short
lists on one line, every text on one line.

PyYAML's emitter in Python takes seconds for the intermediates of a large review (a thousand
messages a second); libyaml's emitter in C writes the same in a sixth of the time, but always
puts a sequence's dashes level with its key. So the text is written by libyaml and the dashes
of each such sequence moved two spaces right (with everything inside it), which gives, byte for
byte, what PyYAML writes (tests/test_yamlwrite.py compares both on generated data). Data whose
text could span lines (a line break in a string) or whose layout is not the simple one this
relies on is written by PyYAML itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml
from yaml.representer import SafeRepresenter
from yaml.resolver import Resolver

_OPTIONS: dict[str, Any] = {
    "allow_unicode": True,
    "sort_keys": False,
    "width": 1_000_000,  # never fold: each text stays on one line, easy to grep and diff
    "default_flow_style": False,
}


def _represent_list(representer: SafeRepresenter, data: Iterable[Any]) -> yaml.SequenceNode:
    short = all(isinstance(item, (int, str)) and len(str(item)) <= 60 for item in data)
    return representer.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=short)


class PlainDumper(yaml.SafeDumper):
    """PyYAML's emitter in Python: sequences indented under their key, short lists on one line."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


PlainDumper.add_representer(list, _represent_list)

# libyaml's emitter, when PyYAML was built with it (yaml.cyaml is then imported with yaml)
_CEmitter: Any = getattr(getattr(yaml, "cyaml", None), "CEmitter", None)


if _CEmitter is not None:

    class _FastDumper(_CEmitter, SafeRepresenter, Resolver):  # type: ignore[misc]
        """libyaml's emitter, with PlainDumper's representers (its indentation is mended after)."""

        def __init__(self, stream: Any, **options: Any) -> None:
            representing = {
                key: options.pop(key) for key in ("default_style", "default_flow_style", "sort_keys")
            }
            _CEmitter.__init__(self, stream, **options)
            SafeRepresenter.__init__(self, **representing)
            Resolver.__init__(self)

    _FastDumper.add_representer(list, _represent_list)


# A string that would not stay on one line, or that libyaml and PyYAML could write differently:
# line breaks (and the characters either takes for one), and whatever is not plainly printable.
_NOT_ONE_LINE = re.compile("[^\\t\\x20-\\x7e\\xa0-\\u2027\\u202a-\\ud7ff\\ue000-\\ufefe\\uff00-\\ufffd]")


def simple(data: Any) -> bool:
    """Tell whether *data* is plain data that the fast writer writes exactly as PyYAML does (a
    mapping or a sequence: a lone scalar is a document whose end libyaml does not mark)."""
    if not isinstance(data, (dict, list)):
        return False
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if not isinstance(key, str) or not key or _NOT_ONE_LINE.search(key):
                    return False
                if len(key.encode("utf-8")) > 120:  # libyaml writes "? key" from 128 bytes on
                    return False
                stack.append(item)
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, str):
            if _NOT_ONE_LINE.search(value):
                return False
        elif value is not None and not isinstance(value, (bool, int)):
            return False
    return True


def _indented(lines: Iterable[str]) -> Iterator[str]:
    """Move every sequence that libyaml wrote level with its key two spaces right, with all it
    holds (each line is one node: no text spans lines)."""
    opened: list[tuple[int, int]] = []  # (column of the dashes, spaces added) of each open sequence
    previous_key = -1  # the column of the key on the line before, when its value is below it
    for line in lines:
        content = line.lstrip(" ")
        column = len(line) - len(content)
        dash = content.startswith("- ") or content == "-"
        while opened and not (column > opened[-1][0] or (column == opened[-1][0] and dash)):
            opened.pop()
        added = opened[-1][1] if opened else 0
        if dash and not (opened and opened[-1][0] == column):
            opened.append((column, added + 2 if previous_key == column else added))
            added = opened[-1][1]
        yield " " * (column + added) + content
        key = content
        while key.startswith("- "):  # "- - name:": the key stands after the dashes
            key = key[2:]
        previous_key = column + len(content) - len(key) if key.endswith(":") else -1


def dumps(data: Any, header: str = "") -> str:
    """Return plain data (dicts, lists, str, int, bool) as readable YAML, after *header* as comments.

    Keys keep their order; strings that would read back as another type are quoted.
    """
    comments = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    if _CEmitter is not None and simple(data):
        return comments + fast_dumps(data)
    text: str = yaml.dump(data, Dumper=PlainDumper, **_OPTIONS)
    return comments + text


def fast_dumps(data: Any) -> str:
    """Return *data*, which simple() accepts, as YAML written by libyaml, indented as PyYAML does."""
    text = yaml.dump(data, Dumper=_FastDumper, **_OPTIONS)
    return "".join(f"{line}\n" for line in _indented(text.splitlines()))


def dump(data: Any, path: Path, header: str = "") -> None:
    """Write plain data to *path* as UTF-8 YAML (see dumps)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(dumps(data, header))
